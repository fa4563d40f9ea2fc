"""Drafting, publishing and locking an organ's annual report (年度报告).

- `do_start_report` opens the draft of an organ-year with its narrative sections;
- `do_edit_narrative` saves one section, refusing a stale `expected_version`, and keeps every text;
- `do_publish_report` refuses while the compiled report has blocking problems (failing identities,
  bad application facts, missing facts), otherwise files it as a catalog Record in the organ's 年报
  category with the DOCX and PDF attached — through the catalog's own workflow, as the system
  (actor=None) — and locks the organ-year's facts;
- `do_unlock_year` lifts the lock, with the reason kept on the lock row.

Every action is the organ admin's (Perm.MANAGE); actor=None is the system.
"""

import datetime as dt
import html
import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.annual.compile import compile_report, to_json
from gongkai.annual.models import AnnualReport, NarrativeRevision, NarrativeSection, OrganYearLock
from gongkai.catalog import actions as catalog
from gongkai.catalog.models import Category
from gongkai.organs.models import Organ
from gongkai.organs.permissions import Perm, can

BLOCKING_KINDS = ("identity", "application", "missing_fact")
REPORT_CATEGORY_SLUG = "nb"
REPORT_CATEGORY_NAME = "政府信息公开工作年度报告"
# The narrative parts of the report (the tables 二/三/四 come from the compiled report).
# The keys are those of gongkai.annual.render's `narrative` argument.
SECTIONS = (
    ("overview", "一、总体情况"),
    ("proactive", "二、主动公开政府信息情况"),
    ("requests", "三、收到和处理政府信息公开申请情况"),
    ("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
SECTION_TITLES = dict(SECTIONS)


def _require_manage(actor, organ) -> None:
    if actor is not None and not can(actor, Perm.MANAGE, organ):
        raise PermissionDenied(_("只有本机关的管理员可以编辑和发布年度报告。"))


def deadline_for(organ: Organ, year: int) -> dt.date:
    """The publication deadline of `year`'s report: 31 January for a department, 31 March for a
    government's report and for every year under the 2008 rules (before 2019)."""
    if year >= 2019 and organ.level == Organ.Level.DEPARTMENT:
        return dt.date(year + 1, 1, 31)
    return dt.date(year + 1, 3, 31)


def is_locked(organ: Organ, year: int) -> bool:
    return OrganYearLock.objects.filter(organ=organ, year=year, unlocked_at__isnull=True).exists()


def blocking_problems(compiled) -> list:
    return [p for p in compiled.problems if p.kind in BLOCKING_KINDS]


@transaction.atomic
def do_start_report(organ: Organ, year: int, actor) -> AnnualReport:
    """The organ-year's report, created as a draft with empty narrative sections if it does not exist."""
    _require_manage(actor, organ)
    compiled = compile_report([organ], year)  # raises ValueError for a year without a format
    report, created = AnnualReport.objects.get_or_create(
        organ=organ,
        year=year,
        defaults={"format": compiled.format.name, "created_at": timezone.now()},
    )
    if created:
        drafted = drafted_narrative(compiled)
        now = timezone.now()
        for key, _title in SECTIONS:
            text = "\n".join(drafted.get(key, []))
            section = NarrativeSection.objects.create(report=report, key=key, text=text, version=1)
            NarrativeRevision.objects.create(
                section=section, version=1, text=text, author=None, created_at=now
            )
    return report


def drafted_narrative(compiled) -> dict[str, list[str]]:
    """The first draft of the narrative from the facts (gongkai.annual.render.draft), empty without it."""
    try:
        from gongkai.annual.render.draft import draft_narrative
    except ImportError:
        return {}
    return draft_narrative(compiled)


@transaction.atomic
def do_edit_narrative(report: AnnualReport, key: str, text: str, actor, expected_version: int):
    _require_manage(actor, report.organ)
    if key not in SECTION_TITLES:
        raise ValidationError(_("未知的报告段落：%(key)s") % {"key": key})
    locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != AnnualReport.Status.DRAFT:
        raise ValidationError(_("年度报告已发布，不能再修改。"))
    section = NarrativeSection.objects.select_for_update().get(report=locked, key=key)
    if int(expected_version) != section.version:
        raise ValidationError(
            _("“%(title)s”已被他人修改（当前第%(v)s版），请刷新后在最新版本上修改。")
            % {"title": SECTION_TITLES[key], "v": section.version}
        )
    text = (text or "").strip()
    if text == section.text:
        return section
    section.text = text
    section.version += 1
    section.save(update_fields=["text", "version"])
    NarrativeRevision.objects.create(
        section=section, version=section.version, text=text, author=actor, created_at=timezone.now()
    )
    return section


def report_category(organ: Organ) -> Category:
    category = Category.objects.filter(organ=organ, slug=REPORT_CATEGORY_SLUG).first()
    if category is None:
        category = catalog.do_create_category(
            organ=organ, actor=None, name=REPORT_CATEGORY_NAME, slug=REPORT_CATEGORY_SLUG
        )
    return category


def narratives(report: AnnualReport) -> list[tuple[str, str]]:
    texts = {s.key: s.text for s in report.sections.all()}
    return [(title, texts.get(key, "")) for key, title in SECTIONS]


def report_title(report: AnnualReport) -> str:
    return _("%(name)s%(year)s年政府信息公开工作年度报告") % {"name": report.organ.name, "year": report.year}


def report_html(report: AnnualReport, compiled) -> str:
    """A simple HTML of the report: narrative sections and the compiled tables, one row per line."""
    parts = [f"<h1>{html.escape(report_title(report))}</h1>"]
    for title, text in narratives(report):
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.extend(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    for name, rows in compiled.tables.items():
        parts.append(f"<h2>{html.escape(name)}</h2><table border='1'>")
        for row, cells in rows.items():
            tds = "".join(f"<td>{html.escape(str(c if c is not None else '—'))}</td>" for c in cells)
            parts.append(f"<tr><th>{html.escape(row)}</th>{tds}</tr>")
        parts.append("</table>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>"
    )


def _fallback_docx(report: AnnualReport, compiled) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(report_title(report), level=1)
    for title, text in narratives(report):
        document.add_heading(title, level=2)
        for line in text.splitlines():
            if line.strip():
                document.add_paragraph(line)
    for name, rows in compiled.tables.items():
        document.add_heading(name, level=2)
        width = max((len(cells) for cells in rows.values()), default=0) + 1
        table = document.add_table(rows=0, cols=width)
        for row, cells in rows.items():
            out = table.add_row().cells
            out[0].text = row
            for i, cell in enumerate(cells, start=1):
                out[i].text = str(cell if cell is not None else "—")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_files(report: AnnualReport) -> dict[str, bytes]:
    """The report's files, {"docx": …, "pdf": …}: the renderers of gongkai.annual.render with the report's
    narrative sections; without that package, a plain DOCX (python-docx) and a PDF of a simple HTML."""
    compiled = compile_report([report.organ], report.year)
    try:
        from gongkai.annual.render.docx import render_docx
        from gongkai.annual.render.pdf import render_pdf as render_report_pdf
    except ImportError:
        from gongkai.core.pdf import render_pdf

        return {"docx": _fallback_docx(report, compiled), "pdf": render_pdf(report_html(report, compiled))}
    narrative = {s.key: [line for line in s.text.splitlines() if line.strip()] for s in report.sections.all()}
    return {"docx": render_docx(compiled, narrative), "pdf": render_report_pdf(compiled, narrative)}


@transaction.atomic
def do_publish_report(report: AnnualReport, actor) -> AnnualReport:
    _require_manage(actor, report.organ)
    locked = AnnualReport.objects.select_for_update().select_related("organ").get(pk=report.pk)
    if locked.status != AnnualReport.Status.DRAFT:
        raise ValidationError(_("该年度报告已经发布。"))
    organ = locked.organ
    compiled = compile_report([organ], locked.year)
    blocking = blocking_problems(compiled)
    if blocking:
        raise ValidationError(
            [_("年度报告还有%(n)s个问题，不能发布：") % {"n": len(blocking)}] + [p.message for p in blocking]
        )
    now = timezone.now()
    body = "".join(
        f"<h2>{html.escape(title)}</h2>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        for title, text in narratives(locked)
    )
    record = catalog.do_create_record(
        organ=organ,
        actor=None,
        data={
            "title": report_title(locked),
            "written_on": timezone.localdate(now),
            "body": body,
            "summary": _("%(year)s年度政府信息公开工作年度报告") % {"year": locked.year},
            "topic": _("综合政务\\政务公开"),
        },
        categories=[report_category(organ)],
    )
    files = render_files(locked)
    stem = _("%(year)s年政府信息公开工作年度报告") % {"year": locked.year}
    for ext in ("docx", "pdf"):
        catalog.do_add_attachment(
            record,
            actor=None,
            uploaded=SimpleUploadedFile(f"{stem}.{ext}", files[ext]),
            filename=f"{stem}.{ext}",
        )
    catalog.do_submit_record(record, actor=None, note=_("年度报告发布"))
    catalog.do_approve_record(record, actor=None, note=_("年度报告发布"))
    record = catalog.do_publish_record(record, actor=None)
    locked.status = AnnualReport.Status.PUBLISHED
    locked.compiled = to_json(compiled, organ)
    locked.record = record
    locked.published_at, locked.published_by = now, actor
    locked.save()
    if not is_locked(organ, locked.year):
        OrganYearLock.objects.create(organ=organ, year=locked.year, locked_at=now, locked_by=actor)
    return locked


@transaction.atomic
def do_unlock_year(organ: Organ, year: int, actor, reason: str) -> OrganYearLock:
    """Lift the lock on the organ-year's facts; the reason, who and when stay on the lock row."""
    _require_manage(actor, organ)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("解除锁定须写明理由。")]})
    lock = (
        OrganYearLock.objects.select_for_update()
        .filter(organ=organ, year=year, unlocked_at__isnull=True)
        .first()
    )
    if lock is None:
        raise ValidationError(_("%(year)s年度数据未锁定。") % {"year": year})
    lock.unlocked_at, lock.unlocked_by, lock.reason = timezone.now(), actor, reason
    lock.save(update_fields=["unlocked_at", "unlocked_by", "reason"])
    return lock
