"""`gongkai demo` run once for the module (inside a transaction rolled back at the end), then checked: the
catalog, the staff, and the casework of 东风路街道 (applications, enquiries, appeals, organ-year facts) — the
queue has open applications, the public Q&A list shows answers, last year's annual report compiles clean."""

import datetime as dt
import io
from collections import Counter, defaultdict

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from gongkai.annual.audit.report import audit_bytes
from gongkai.annual.compile import compile_report
from gongkai.annual.facts import FACTS
from gongkai.annual.models import OrganYearFact, OrganYearFactHistory
from gongkai.annual.render.html import render_page
from gongkai.appeals.models import Appeal, Result
from gongkai.applications.models import (
    OPEN_STATES,
    Applicant,
    ApplicantKind,
    Application,
    ApplicationEvent,
    FeeNotice,
    ReplyLetter,
)
from gongkai.applications.outcomes import Outcome
from gongkai.catalog.models import Attachment, Category, Record, RecordEvent, RecordStatus, Validity
from gongkai.catalog.storage import verified_bytes_path
from gongkai.core.text import is_valid_document_number
from gongkai.demo.content.organs import DEMO_PASSWORD, STAFF
from gongkai.enquiries.models import Channel as EnquiryChannel
from gongkai.enquiries.models import Enquiry
from gongkai.enquiries.queries import public_answers
from gongkai.organs.models import Membership, Organ, Role

DONGFENG = "11430105770088109P"
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root, PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        out = io.StringIO()
        call_command("demo", stdout=out)
        yield {"output": out.getvalue(), "media_root": media_root}
        transaction.set_rollback(True)


@pytest.fixture
def dongfeng(demo, db):
    return Organ.objects.get(org_code=DONGFENG)


def _published(organ):
    return Record.objects.filter(organ=organ, status=RecordStatus.PUBLISHED)


def test_it_builds_the_organ_tree(dongfeng):
    district = dongfeng.parent
    assert district.short_name == "开福区" and district.parent.short_name == "长沙市"
    assert district.parent.parent is None
    assert sorted(o.short_name for o in dongfeng.children.all()) == sorted(
        ["蚌塘社区", "王家垅社区", "精英路社区", "东风路社区"]
    )
    assert dongfeng.office_name == "东风路街道党政综合办公室"
    assert dongfeng.office_phone.startswith("0731-") and dongfeng.office_email.endswith("@example.gov.cn")
    assert "保密审查" in dongfeng.disclosure_rules and "依申请公开" in dongfeng.disclosure_rules
    for organ in [dongfeng, *dongfeng.children.all()]:
        assert Category.objects.filter(organ=organ, parent=None).count() == 10


def test_it_publishes_over_a_hundred_records_in_every_category(dongfeng):
    published = _published(dongfeng)
    assert published.count() >= 120
    for top in Category.objects.filter(organ=dongfeng, parent=None):
        in_top = published.filter(categories__in=[top, *top.children.all()]).distinct().count()
        assert in_top >= 1, top.name
    counts = Counter(c.parent.name if c.parent else c.name for r in published for c in r.categories.all())
    assert counts.most_common(1)[0][0] == "工作动态"
    assert published.filter(categories__slug="gzdt").count() >= 35


def test_index_numbers_are_unique_and_consecutive_per_year_in_date_order(dongfeng):
    numbered = Record.objects.filter(organ=dongfeng).exclude(index_number=None)
    by_year = defaultdict(list)
    for record in numbered.order_by("published_at"):
        by_year[record.index_year].append(record.index_seq)
        assert record.index_number.startswith(f"{DONGFENG}/{record.index_year}-")
    for year, seqs in by_year.items():
        assert seqs == list(range(1, len(seqs) + 1)), year
    assert len(set(numbered.values_list("index_number", flat=True))) == numbered.count()


def test_every_summary_and_document_number_is_valid(dongfeng):
    records = Record.objects.filter(organ__path__startswith=dongfeng.path)
    assert all(len(r.summary) <= 100 and r.summary for r in records)
    numbers = [r.document_number for r in records if r.document_number]
    assert len(numbers) >= 20 and all(is_valid_document_number(n) for n in numbers)
    assert len(numbers) == len(set(numbers))


def test_records_went_through_the_workflow(dongfeng):
    users = {u.username: u for u in get_user_model().objects.all()}
    for record in _published(dongfeng):
        kinds = list(record.events.values_list("kind", "actor_id"))
        assert (RecordEvent.Kind.SUBMITTED, users["editor"].pk) in kinds
        assert (RecordEvent.Kind.APPROVED, users["reviewer"].pk) in kinds
        assert (RecordEvent.Kind.PUBLISHED, users["publisher"].pk) in kinds
        assert record.revisions.exists()
    states = set(Record.objects.filter(organ=dongfeng).values_list("status", flat=True))
    assert set(RecordStatus.values) <= states
    scheduled = Record.objects.get(organ=dongfeng, status=RecordStatus.SCHEDULED)
    assert scheduled.publish_at > scheduled.updated_at


def test_timelines_show_when_each_step_happened(dongfeng):
    for record in _published(dongfeng):
        events = list(record.events.all())
        times = [e.at for e in events]
        assert times == sorted(times)
        published = next(e for e in events if e.kind == RecordEvent.Kind.PUBLISHED)
        assert published.at == record.published_at
        assert record.created_at < record.published_at
        assert record.revisions.first().created_at == record.created_at


def test_some_records_are_repealed_expired_or_related(dongfeng):
    published = _published(dongfeng)
    repealed = published.filter(validity=Validity.REPEALED)
    expired = published.filter(validity=Validity.EXPIRED)
    assert repealed.count() >= 2 and all(r.repealed_on for r in repealed)
    assert expired.count() >= 1 and all(r.expires_on for r in expired)
    linked = published.filter(related__isnull=False).distinct()
    assert linked.count() >= 10
    plan = published.get(title__startswith="东风路街道突发事件总体应急预案（")
    assert plan.related.filter(validity=Validity.REPEALED).exists()


def test_attachments_are_real_verified_files(demo, dongfeng, settings):
    import docx
    import openpyxl
    import pypdf

    settings.MEDIA_ROOT = demo["media_root"]
    files = Attachment.objects.filter(record__organ=dongfeng)
    assert files.values("record").distinct().count() >= 8
    kinds = Counter(a.extension for a in files)
    assert kinds["pdf"] >= 2 and kinds["docx"] >= 2 and kinds["xlsx"] >= 1
    for attachment in files:
        path = verified_bytes_path(attachment.sha256)
        assert path.stat().st_size == attachment.size
        if attachment.extension == "pdf":
            text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
            assert "东风路街道" in text, attachment.filename
        elif attachment.extension == "docx":
            document = docx.Document(path)
            text = "".join(p.text for p in document.paragraphs)
            assert "表" in text and document.tables, attachment.filename
        elif attachment.extension == "xlsx":
            sheet = openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active
            assert "财政收支明细表" in sheet["A1"].value
            assert any(row[1] == "支出合计" for row in sheet.iter_rows(values_only=True))


def test_staff_can_log_in_with_their_roles(demo, dongfeng, client):
    for username, display_name, org_code, role in STAFF:
        user = get_user_model().objects.get(username=username)
        assert user.first_name == display_name
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()
        if role is None:
            assert user.is_superuser
        else:
            assert Membership.objects.filter(user=user, organ__org_code=org_code, role=role).exists()
    supervisor = Membership.objects.get(user__username="supervisor")
    assert supervisor.role == Role.SUPERVISOR and supervisor.organ.short_name == "开福区"


def test_credentials_are_printed(demo):
    for username, _name, _org, _role in STAFF:
        assert username in demo["output"]
    assert DEMO_PASSWORD in demo["output"]
    assert "/staff/login/" in demo["output"]


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_running_it_again_changes_nothing(demo, db):
    before = _row_counts()
    for label in ("applications.Application", "enquiries.Enquiry", "appeals.Appeal", "annual.OrganYearFact"):
        assert before[label] > 0, label
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert _row_counts() == before
    assert "已存在" in out.getvalue()
    quiet = io.StringIO()
    call_command("demo", "--quiet", stdout=quiet)
    assert "已存在" not in quiet.getvalue() and DEMO_PASSWORD in quiet.getvalue()
    assert _row_counts() == before


# --- casework: applications, enquiries, appeals, organ-year facts ---------------------------------------


def _last_year():
    return timezone.localdate().year - 1


def test_it_loads_casework_for_last_year_and_this_year(dongfeng):
    applications = Application.objects.filter(organ=dongfeng)
    assert 40 <= applications.count() <= 60
    received = [a.received_on for a in applications if a.received_on]
    assert sum(1 for day in received if day.year == _last_year()) >= 25
    recent = timezone.localdate() - dt.timedelta(days=330)
    assert sum(1 for day in received if day > recent) >= 15  # this year's cases, whatever the day
    assert {c for c in applications.values_list("channel", flat=True)} >= {
        "in_person",
        "online",
        "signed_mail",
    }
    kinds = set(applications.values_list("applicant__kind", flat=True))
    assert kinds == set(ApplicantKind.values)
    assert set(applications.exclude(outcome="").values_list("outcome", flat=True)) == set(Outcome.values)
    assert FeeNotice.objects.filter(application__organ=dongfeng, paid_on__isnull=False).exists()
    assert applications.filter(extension_days__gt=0).exists()
    assert applications.filter(correction_requested_on__isnull=False).count() >= 3
    letter = ReplyLetter.objects.get(application__organ=dongfeng)
    assert letter.visible_to_applicant and "东风路街道" in letter.text
    assert Appeal.objects.filter(organ=dongfeng, application__isnull=False).count() >= 5
    assert Appeal.objects.filter(organ=dongfeng, result=Result.PENDING).exists()
    assert set(Enquiry.objects.filter(organ=dongfeng).values_list("channel", flat=True)) == set(
        EnquiryChannel.values
    )
    assert {"report", "complaint"} <= set(
        Enquiry.objects.filter(organ=dongfeng).values_list("kind", flat=True)
    )


def test_applicants_are_obviously_fictional(dongfeng):
    for applicant in Applicant.objects.filter(application__organ=dongfeng):
        assert "某" in applicant.name, applicant.name
        assert applicant.phone.startswith("100"), applicant.phone
        assert "*" in applicant.id_number_masked and applicant.id_number_encrypted
        assert not applicant.email or applicant.email.split("@")[1].startswith("example.")


def test_timelines_of_applications_lie_in_the_past_and_in_order(dongfeng):
    now, today = timezone.now(), timezone.localdate()
    for application in Application.objects.filter(organ=dongfeng).prefetch_related("events"):
        events = list(application.events.all())
        assert [e.at for e in events] == sorted(e.at for e in events), application.tracking_code
        assert all(e.at < now for e in events)
        assert all(e.on is None or e.on < today for e in events)
        assert events[0].kind == ApplicationEvent.Kind.REGISTERED
        if application.status == "closed":
            assert application.closed_on >= application.received_on
            # Replied in time (a lapsed correction stops the clock: no due date).
            assert application.due_on is None or application.closed_on <= application.due_on


def test_last_years_report_compiles_with_every_table_filled(demo, dongfeng, settings):
    report = compile_report([dongfeng], _last_year())
    assert report.problems == []
    t3 = report.table3
    assert t3["new"][-1] >= 25 and t3["total"][-1] > 0 and t3["carried_out"][-1] > 0
    assert all(t3["new"][i] > 0 for i in range(6))  # every applicant column
    assert t3["new"][-1] + t3["carried_in"][-1] == t3["total"][-1] + t3["carried_out"][-1]
    assert sum(cells[-1] for cells in report.table4.values()) >= 4
    assert report.table4["lawsuit_after_review"][3] >= 1  # 尚未审结 at year end
    assert all(cell is not None for cells in report.table2.values() for cell in cells)
    assert report.consultations["total"] >= 20 and report.consultations["online"] > 0
    assert all(v is not None for v in report.narrative_facts.values())
    result = audit_bytes(render_page(report).encode(), "report.html")
    assert [f for f in result["findings"] if f["severity"] == "error"] == []


def test_this_years_report_carries_over_last_years_open_applications(dongfeng):
    year = _last_year() + 1
    report = compile_report([dongfeng], year)
    assert [p for p in report.problems if p.kind in ("identity", "application", "carry_over")] == []
    assert (
        report.table3["carried_in"][-1] == compile_report([dongfeng], year - 1).table3["carried_out"][-1] > 0
    )


def test_facts_have_provenance(dongfeng):
    for year in (_last_year(), _last_year() + 1):
        facts = OrganYearFact.objects.filter(organ=dongfeng, year=year)
        assert facts.count() == len(FACTS)
        assert all(f.entered_by is not None for f in facts)
    corrected = OrganYearFactHistory.objects.filter(
        organ=dongfeng, year=_last_year(), previous_value__isnull=False
    )
    assert corrected.exists()


def test_the_staff_queue_shows_open_applications(demo, dongfeng, client):
    open_apps = Application.objects.filter(organ=dongfeng, status__in=OPEN_STATES)
    assert open_apps.count() >= 5
    # Which stages the open ones reached depends on the holidays just before loading; these two never vary.
    assert {"awaiting_confirmation", "in_progress"} <= set(open_apps.values_list("status", flat=True))
    assert client.login(username="handler", password=DEMO_PASSWORD)
    page = client.get(reverse("backoffice:application_list"), {"state": "open"})
    assert page.status_code == 200
    html = page.content.decode()
    for application in open_apps:
        assert application.tracking_code in html
    closed = Application.objects.filter(organ=dongfeng, status="closed").first()
    assert closed.tracking_code not in html


def test_the_public_qa_list_shows_published_answers(demo, dongfeng, client):
    published = list(public_answers())
    assert len(published) >= 5
    page = client.get(reverse("enquiries:qa_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert published[0].question in html
    unpublished = Enquiry.objects.filter(organ=dongfeng, channel="online", consent_publish=False).first()
    assert unpublished.question not in html
