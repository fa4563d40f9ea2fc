"""ID numbers: masked by default, revealed only to handlers and every reveal logged; retention purge."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.applications.actions import do_reply
from gongkai.applications.privacy import do_purge_expired_pii, reveal_id_number
from tests.applications.conftest import ID_X

D = dt.date


def test_it_reveals_the_id_number_to_handlers_and_logs_each_reveal(register, hank):
    app = register()
    assert reveal_id_number(app, hank) == ID_X
    assert reveal_id_number(app, hank) == ID_X
    events = app.events.filter(kind="pii_revealed")
    assert events.count() == 2 and {e.actor for e in events} == {hank}


def test_it_refuses_reveal_to_others(register, dora, erin, alice, ivan):
    app = register()
    for user in (dora, erin, alice, ivan):
        with pytest.raises(PermissionDenied):
            reveal_id_number(app, user)
    assert not app.events.filter(kind="pii_revealed").exists()


def test_it_purges_applicant_data_after_the_retention_period(register, hank, settings):
    app = register(received_on=D(2025, 1, 6))
    open_app = register(received_on=D(2025, 1, 6), description="另一件：请公开2024年街道财政决算")
    do_reply(app, actor=hank, outcome="granted", on=D(2025, 1, 20))
    settings.PII_RETENTION_DAYS = 0
    assert do_purge_expired_pii(D(2025, 12, 31)) == 0
    settings.PII_RETENTION_DAYS = 300
    assert do_purge_expired_pii(D(2025, 11, 15)) == 0  # closed 299 days before
    assert do_purge_expired_pii(D(2025, 11, 17)) == 1
    app.applicant.refresh_from_db()
    applicant = app.applicant
    assert (applicant.name, applicant.id_number_encrypted, applicant.phone, applicant.kind) == (
        "",
        "",
        "",
        "person",
    )
    assert applicant.purged_at is not None
    assert app.events.filter(kind="pii_purged").exists()
    assert reveal_id_number(app, hank) == ""
    open_app.applicant.refresh_from_db()
    assert open_app.applicant.name == "陈申请"


def test_purging_removes_the_files_the_applicant_handed_in(
    register, hank, settings, django_capture_on_commit_callbacks
):
    from gongkai.applications.attachments import do_add_application_attachment
    from gongkai.catalog.storage import blob_path
    from tests.helpers import pdf_upload

    app = register(received_on=D(2025, 1, 6))
    attachment = do_add_application_attachment(app, actor=hank, uploaded=pdf_upload("身份证复印件.pdf"))
    kept = register(received_on=D(2025, 1, 6), description="另一件申请")
    do_add_application_attachment(kept, actor=hank, uploaded=pdf_upload("同一份文件.pdf"))  # same bytes
    do_reply(app, actor=hank, outcome="granted", on=D(2025, 1, 20))
    settings.PII_RETENTION_DAYS = 30
    with django_capture_on_commit_callbacks(execute=True):
        assert do_purge_expired_pii(D(2025, 12, 31)) == 1
    assert not app.attachments.exists()
    assert blob_path(attachment.sha256).exists()  # still used by the other, open application
    kept.attachments.all().delete()
    app2 = register(received_on=D(2025, 1, 6), description="第三件")
    only = do_add_application_attachment(app2, actor=hank, uploaded=pdf_upload("户口本.pdf"))
    kept_path = blob_path(only.sha256)
    do_reply(app2, actor=hank, outcome="granted", on=D(2025, 1, 20))
    with django_capture_on_commit_callbacks(execute=True):
        assert do_purge_expired_pii(D(2025, 12, 31)) == 1
    assert not kept_path.exists()
