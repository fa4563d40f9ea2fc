"""Publishing and locking the annual report: blocked by problems, filed in the catalog's 年报 category with
DOCX and PDF attachments through the catalog workflow, the organ-year's facts locked until a logged unlock;
narrative sections with history and version checks."""

import io
import sys

import docx
import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.annual import publishing
from gongkai.annual.facts import FACTS, do_set_fact
from gongkai.annual.models import AnnualReport, NarrativeRevision, OrganYearLock
from gongkai.annual.publishing import (
    do_edit_narrative,
    do_publish_report,
    do_start_report,
    do_unlock_year,
)
from gongkai.catalog.models import RecordEvent, RecordStatus
from gongkai.catalog.storage import blob_path
from gongkai.organs.models import Organ

YEAR = 2025


def enter_all_facts(organ, actor):
    for fact in FACTS:
        do_set_fact(organ, YEAR, fact.key, 1, actor)


@pytest.fixture
def clean_report(organ, dora):
    enter_all_facts(organ, dora)
    report = do_start_report(organ, YEAR, dora)
    section = report.sections.get(key="overview")
    do_edit_narrative(report, "overview", "本年度东风路街道认真贯彻条例。\n第二段。", dora, section.version)
    return report


def test_publishing_is_refused_while_facts_are_missing(organ, dora):
    report = do_start_report(organ, YEAR, dora)
    with pytest.raises(ValidationError) as exc:
        do_publish_report(report, dora)
    text = " ".join(exc.value.messages)
    assert "不能发布" in text and len(exc.value.messages) > 1
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.DRAFT and report.record is None
    assert not publishing.is_locked(organ, YEAR)


def test_a_clean_report_becomes_a_published_record_with_files_that_open(clean_report, organ, dora):
    report = do_publish_report(clean_report, dora)
    record = report.record
    assert report.status == AnnualReport.Status.PUBLISHED and report.published_by == dora
    assert record.status == RecordStatus.PUBLISHED and record.index_number
    assert [c.slug for c in record.categories.all()] == ["nb"]
    assert record.categories.get().name == "政府信息公开工作年度报告"
    assert set(record.events.values_list("kind", flat=True)) >= {
        RecordEvent.Kind.SUBMITTED,
        RecordEvent.Kind.APPROVED,
        RecordEvent.Kind.PUBLISHED,
    }
    assert not record.events.exclude(actor=None).exists()  # the system's act, through the workflow
    files = {a.filename.rsplit(".", 1)[1]: a for a in record.attachments.all()}
    assert set(files) == {"docx", "pdf"}
    document = docx.Document(io.BytesIO(blob_path(files["docx"].sha256).read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "本年度东风路街道认真贯彻条例。" in text
    assert len(pypdf.PdfReader(io.BytesIO(blob_path(files["pdf"].sha256).read_bytes())).pages) >= 1
    assert report.compiled["year"] == YEAR and report.compiled["organ"]["code"] == organ.org_code
    with pytest.raises(ValidationError):
        do_publish_report(report, dora)


def test_publishing_locks_the_year_until_a_logged_unlock(clean_report, organ, dora):
    do_publish_report(clean_report, dora)
    with pytest.raises(ValidationError, match="已锁定"):
        do_set_fact(organ, YEAR, "staff_full_time", 5, dora)
    do_set_fact(organ, YEAR - 1, "staff_full_time", 5, dora)  # other years stay open
    with pytest.raises(ValidationError):
        do_unlock_year(organ, YEAR, dora, "  ")
    lock = do_unlock_year(organ, YEAR, dora, "更正专职人员数")
    assert (lock.unlocked_by, lock.reason) == (dora, "更正专职人员数")
    assert OrganYearLock.objects.filter(organ=organ, year=YEAR).count() == 1
    assert do_set_fact(organ, YEAR, "staff_full_time", 5, dora).value == 5
    with pytest.raises(ValidationError):
        do_unlock_year(organ, YEAR, dora, "再次解锁")


def test_narrative_edits_keep_history_and_refuse_stale_versions(organ, dora):
    report = do_start_report(organ, YEAR, dora)
    assert do_start_report(organ, YEAR, dora) == report
    drafted = report.sections.get(key="problems")
    assert drafted.version == 1 and drafted.text  # drafted from the facts, then edited
    first = do_edit_narrative(report, "problems", "第一稿", dora, 1)
    second = do_edit_narrative(report, "problems", "第二稿", dora, first.version)
    assert second.version == 3
    with pytest.raises(ValidationError, match="已被他人修改"):
        do_edit_narrative(report, "problems", "基于旧版本", dora, first.version)
    texts = list(NarrativeRevision.objects.filter(section=second).values_list("version", "text", "author"))
    assert texts == [(1, drafted.text, None), (2, "第一稿", dora.pk), (3, "第二稿", dora.pk)]
    with pytest.raises(ValidationError):
        do_edit_narrative(report, "nonsense", "x", dora, 1)


def test_only_the_organ_admin_drafts_publishes_and_unlocks(clean_report, organ, alice, erin, frank):
    for user in (alice, erin, frank):
        with pytest.raises(PermissionDenied):
            do_start_report(organ, YEAR, user)
        with pytest.raises(PermissionDenied):
            do_edit_narrative(clean_report, "overview", "x", user, 2)
        with pytest.raises(PermissionDenied):
            do_publish_report(clean_report, user)
        with pytest.raises(PermissionDenied):
            do_unlock_year(organ, YEAR, user, "理由")


def test_deadlines(organs):
    department = Organ(level=Organ.Level.DEPARTMENT, name="长沙市开福区教育局")
    assert str(publishing.deadline_for(department, 2026)) == "2027-01-31"
    assert str(publishing.deadline_for(organs["kaifu"], 2026)) == "2027-03-31"
    assert str(publishing.deadline_for(department, 2018)) == "2019-03-31"


def test_without_the_renderers_the_files_are_plain_but_real(clean_report, monkeypatch):
    for name in ("gongkai.annual.render.docx", "gongkai.annual.render.pdf"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it raises ImportError
    files = publishing.render_files(clean_report)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files["docx"])).paragraphs)
    assert "本年度东风路街道认真贯彻条例。" in text and "一、总体情况" in text
    assert len(pypdf.PdfReader(io.BytesIO(files["pdf"])).pages) >= 1
