"""The application page: facts with the ID number masked, the logged reveal, the one-click steps (each
with expected_version: a stale page gets a conflict and nothing changes; errors keep the input), the
extension approved by the organ admin, the reply with its letter, downloads and delivery."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications import letters
from gongkai.applications.actions import do_register_application, do_reply
from gongkai.applications.models import Application, ApplicationEvent, Channel, ReplyLetter, Status
from tests.applications import conftest as application_fixtures
from tests.applications.conftest import ID_X, person_data

# The applications' fixtures (calendar, clock, handlers, `register`), shared with these screens.
hank = application_fixtures.hank
register = application_fixtures.register
seeded_calendar = application_fixtures.seeded_calendar
today = application_fixtures.today


def detail(app):
    return reverse("backoffice:application_detail", args=[app.tracking_code])


def step(app, name):
    return reverse("backoffice:application_step", args=[app.tracking_code, name])


@pytest.fixture
def app(register):
    return register(received_on=dt.date(2025, 12, 22))


def test_it_shows_the_id_number_masked_and_reveals_it_once_with_a_log(login, hank, app):
    client = login(hank)
    html = client.get(detail(app)).content.decode()
    assert ID_X not in html and "110105********002X" in html and "显示完整证件号" in html
    response = client.post(reverse("backoffice:application_reveal", args=[app.tracking_code]))
    assert response.status_code == 200 and ID_X in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert ApplicationEvent.objects.filter(application=app, kind="pii_revealed", actor=hank).count() == 1
    assert ID_X not in client.get(detail(app)).content.decode()


def test_a_supervisor_sees_the_application_but_cannot_reveal_or_act(login, erin, app):
    client = login(erin)
    html = client.get(detail(app)).content.decode()
    assert "显示完整证件号" not in html and "告知补正" not in html
    assert client.post(reverse("backoffice:application_reveal", args=[app.tracking_code])).status_code == 403
    assert client.post(step(app, "withdraw"), {"expected_version": app.version}).status_code == 403


def test_it_requests_and_receives_a_correction(login, hank, app):
    client = login(hank)
    response = client.post(
        step(app, "request_correction"),
        {
            "expected_version": app.version,
            "on": "2025-12-23",
            "respond_by": "2026-01-09",
            "items": "请写明文号。",
        },
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.AWAITING_CORRECTION and app.due_on is None
    client.post(step(app, "receive_correction"), {"expected_version": app.version, "on": "2025-12-30"})
    app.refresh_from_db()
    assert app.status == Status.IN_PROGRESS and app.due_on == dt.date(2026, 1, 28)


def test_errors_keep_the_input(login, hank, app):
    response = login(hank).post(
        step(app, "request_correction"),
        {
            "expected_version": app.version,
            "on": "2025-12-23",
            "respond_by": "",
            "items": "请提供身份证明复印件。",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "补正期限应晚于告知日期" in html and "请提供身份证明复印件。" in html
    app.refresh_from_db()
    assert app.status == Status.IN_PROGRESS


def test_a_stale_page_gets_a_conflict_and_nothing_changes(login, hank, app):
    stale = app.version
    client = login(hank)
    client.post(
        step(app, "start_consultation"), {"expected_version": stale, "kind": "third_party", "party": "某公司"}
    )
    response = client.post(step(app, "withdraw"), {"expected_version": stale, "note": "申请人电话撤回"})
    assert response.status_code == 409
    assert "已被他人处理" in response.content.decode()
    app.refresh_from_db()
    assert app.status == Status.PAUSED and app.version == stale + 1


def test_the_fee_notice_shows_the_breakdown_line_by_line(login, hank, app):
    client = login(hank)
    client.post(
        step(app, "issue_fee_notice"), {"expected_version": app.version, "basis": "per_page", "pages": "250"}
    )
    html = client.get(detail(app)).content.decode()
    assert "第31–100页：70页 × 10元 = 700元" in html and "合计：4700元" in html
    app.refresh_from_db()
    assert app.status == Status.PAUSED and "记录缴费" in html


def test_the_handler_extends_with_the_organ_admin_as_approver(login, hank, dora, alice, app):
    client = login(hank)
    page = client.get(detail(app))
    assert "赵管理" in page.content.decode()
    refused = client.post(
        step(app, "extend"),
        {"expected_version": app.version, "days": "20", "approver": str(alice.pk), "reason": "需要调档"},
    )
    assert refused.status_code == 400  # only holders of APPROVE_EXTENSION are offered
    app.refresh_from_db()
    assert app.extension_days == 0
    client.post(
        step(app, "extend"),
        {"expected_version": app.version, "days": "20", "approver": str(dora.pk), "reason": "需要调取档案"},
    )
    app.refresh_from_db()
    assert app.extension_days == 20 and app.extension_approved_by == dora
    assert "记录已告知申请人延期" in client.get(detail(app)).content.decode()


def test_organ_admins_cannot_act_on_applications(login, dora, app):
    response = login(dora).post(step(app, "withdraw"), {"expected_version": app.version})
    assert response.status_code == 403


def test_it_replies_with_a_grouped_outcome_and_generates_the_letter(login, hank, app):
    client = login(hank)
    html = client.get(detail(app)).content.decode()
    assert '<optgroup label="（三）不予公开">' in html
    assert 'value="other_1"' not in html  # 逾期不补正 has its own step
    response = client.post(
        step(app, "reply"),
        {
            "expected_version": app.version,
            "outcome": "partial",
            "on": "2025-12-31",
            "reasons": "其中涉及个人信息的部分不予公开。",
            "make_letter": "on",
        },
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.CLOSED and app.outcome == "partial"
    letter = ReplyLetter.objects.get(application=app)
    assert "其中涉及个人信息的部分不予公开。" in letter.text
    pdf = client.get(reverse("backoffice:letter_download", args=[app.tracking_code, letter.uuid, "pdf"]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF-")
    docx = client.get(reverse("backoffice:letter_download", args=[app.tracking_code, letter.uuid, "docx"]))
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith(
        "%E5%91%8A%E7%9F%A5%E4%B9%A6.docx"
    )
    assert not letter.visible_to_applicant
    client.post(
        reverse("backoffice:letter_deliver", args=[app.tracking_code, letter.uuid]), {"on": "2025-12-31"}
    )
    letter.refresh_from_db()
    assert letter.visible_to_applicant and letter.delivered_on == dt.date(2025, 12, 31)


def test_a_reply_with_a_bad_outcome_keeps_the_input(login, hank, app):
    response = login(hank).post(
        step(app, "reply"), {"expected_version": app.version, "outcome": "", "reasons": "理由草稿"}
    )
    assert response.status_code == 400
    assert "请选择办理结果" in response.content.decode() and "理由草稿" in response.content.decode()
    assert ReplyLetter.objects.count() == 0


def test_the_letter_can_be_generated_after_closing(login, hank, app):
    do_reply(app, actor=hank, outcome="unable_1", on=dt.date(2025, 12, 30))
    client = login(hank)
    assert "生成告知书" in client.get(detail(app)).content.decode()
    client.post(
        reverse("backoffice:letter_generate", args=[app.tracking_code]), {"reasons": "经检索未找到。"}
    )
    letter = ReplyLetter.objects.get(application=app)
    assert "本机关不掌握相关政府信息" in letter.text and "经检索未找到。" in letter.text


def test_unknown_steps_are_404(login, hank, app):
    assert login(hank).post(step(app, "publish"), {"expected_version": app.version}).status_code == 404


def test_an_online_application_is_confirmed_from_the_page(login, hank, organ):
    online = do_register_application(
        organ=organ,
        actor=None,
        channel=Channel.ONLINE,
        data=person_data(),
        submitted_on=dt.date(2025, 12, 29),
    )
    login(hank).post(
        step(online, "confirm_receipt"), {"expected_version": online.version, "on": "2025-12-30"}
    )
    online.refresh_from_db()
    assert online.received_on == dt.date(2025, 12, 30) and online.status == Status.IN_PROGRESS


def test_organ_admins_edit_letter_templates_and_unknown_placeholders_are_refused(login, dora, organ, hank):
    client = login(dora)
    url = reverse("backoffice:organ_letter_edit", args=[organ.org_code, "granted"])
    assert "{救济途径}" in client.get(url).content.decode()
    refused = client.post(url, {"title": "答复书", "body": "{申请人}：{身份证号}\n{救济途径}"})
    assert refused.status_code == 400 and "{身份证号}" in refused.content.decode()
    assert "{身份证号}" in refused.content.decode().split("<textarea")[1]
    saved = client.post(url, {"title": "东风路街道答复书", "body": "{申请人}：\n同意公开。\n{救济途径}"})
    assert saved.status_code == 302
    assert letters.resolve_template(organ, "granted").title == "东风路街道答复书"
    assert "本机关" in client.get(reverse("backoffice:organ_letters", args=[organ.org_code])).content.decode()
    assert login(hank).get(url).status_code == 403
    client.post(url, {"reset": "1"})
    assert letters.resolve_template(organ, "granted").source == "default"


def test_the_queue_is_in_the_navigation(login, hank):
    html = login(hank).get(reverse("backoffice:dashboard")).content.decode()
    assert reverse("backoffice:application_list") in html
    assert Application.objects.count() == 0


def test_a_second_clerk_confirming_the_same_application_gets_a_conflict(
    login, hank, organ, django_user_model
):
    from gongkai.organs.actions import do_grant_role
    from gongkai.organs.models import Role

    other = django_user_model.objects.create_user(username="hu", first_name="胡办理")
    do_grant_role(actor=None, user=other, organ=organ, role=Role.APPLICATION_HANDLER)
    online = do_register_application(
        organ=organ,
        actor=None,
        channel=Channel.ONLINE,
        data=person_data(),
        submitted_on=dt.date(2025, 12, 29),
    )
    version = online.version
    login(hank).post(step(online, "confirm_receipt"), {"expected_version": version, "on": "2025-12-30"})
    late = login(other).post(
        step(online, "confirm_receipt"), {"expected_version": version, "on": "2025-12-31"}
    )
    assert late.status_code == 409 and "请刷新后再操作" in late.content.decode()
    online.refresh_from_db()
    assert online.received_on == dt.date(2025, 12, 30)
    assert online.events.filter(kind="started").count() == 1


def test_the_handler_prints_the_receipt_for_a_walk_in_applicant(client, hank, organ):
    import io

    from pypdf import PdfReader

    app = do_register_application(organ=organ, actor=hank, channel=Channel.IN_PERSON, data=person_data())
    client.force_login(hank)
    response = client.get(reverse("backoffice:application_receipt", args=[app.tracking_code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert app.tracking_code in text
