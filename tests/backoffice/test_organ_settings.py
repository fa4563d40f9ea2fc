"""The organ admin edits the office data, the disclosure rules and the 索引号 template."""

from django.urls import reverse

from gongkai.organs.models import Organ


def _url(organ):
    return reverse("backoffice:organ_settings", kwargs={"org_code": organ.org_code})


def _post(organ, **overrides):
    data = {
        "office_name": organ.office_name,
        "office_address": organ.office_address,
        "office_hours": organ.office_hours,
        "office_phone": "0731-84111111",
        "office_fax": organ.office_fax,
        "office_email": organ.office_email,
        "office_postcode": organ.office_postcode,
        "website": "",
        "disclosure_rules": "<p>依照条例制定。</p><script>x()</script>",
        "index_number_template": "{org_code}-{year}-{seq:04d}",
    }
    data.update(overrides)
    return data


def test_it_saves_the_office_data(login, dora, organ):
    response = login(dora).post(_url(organ), _post(organ))
    assert response.status_code == 302
    organ.refresh_from_db()
    assert organ.office_phone == "0731-84111111"
    assert organ.disclosure_rules == "<p>依照条例制定。</p>"
    assert organ.index_number_template == "{org_code}-{year}-{seq:04d}"


def test_it_refuses_a_template_without_serial_and_saves_nothing(login, dora, organ):
    response = login(dora).post(_url(organ), _post(organ, index_number_template="{org_code}/{year}"))
    assert response.status_code == 200
    assert "索引号规则必须包含流水号 {seq}，否则无法保证唯一。" in response.content.decode()
    stored = Organ.objects.get(pk=organ.pk)
    assert stored.office_phone == "0731-84000000"
    assert stored.index_number_template == "{org_code}/{year}-{seq:05d}"


def test_it_refuses_a_malformed_email(login, dora, organ):
    response = login(dora).post(_url(organ), _post(organ, office_email="not-an-email"))
    assert "office_email" in response.context["form"].errors
    assert Organ.objects.get(pk=organ.pk).office_phone == "0731-84000000"


def test_it_gives_404_for_an_unknown_organ_code(login, dora):
    assert (
        login(dora).get(reverse("backoffice:organ_settings", kwargs={"org_code": "NOPE"})).status_code == 404
    )


def test_it_refuses_the_settings_to_non_admins(login, alice, erin, organ):
    for user in (alice, erin):
        assert login(user).post(_url(organ), _post(organ)).status_code == 403
    assert Organ.objects.get(pk=organ.pk).office_phone == "0731-84000000"
