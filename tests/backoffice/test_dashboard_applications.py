import datetime as dt

from django.urls import reverse

from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Channel
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import person_data

hank = application_fixtures.hank


def test_handlers_see_their_application_counts_on_the_dashboard(client, organ, hank, alice):
    do_register_application(
        organ=organ, actor=None, channel=Channel.ONLINE, data=person_data(), submitted_on=dt.date.today()
    )
    client.force_login(hank)
    page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert 'id="h-applications"' in page
    assert '?flag=awaiting_confirmation"><span class="count">1</span> 待确认收到' in page
    client.force_login(alice)  # an editor handles no applications
    assert 'id="h-applications"' not in client.get(reverse("backoffice:dashboard")).content.decode()
