"""The staff pages of the annual report: one organ-year's report (compiled tables, problems, narrative
sections, publish and unlock) for its organ admin — read-only for everyone else who may view the organ —
and a supervisor's roll-up of a subtree. Every write goes through gongkai.annual.publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.annual.compile import compile_report
from gongkai.annual.models import AnnualReport, OrganYearLock
from gongkai.annual.publishing import (
    BLOCKING_KINDS,
    SECTIONS,
    deadline_for,
    do_edit_narrative,
    do_publish_report,
    do_start_report,
    do_unlock_year,
    drafted_narrative,
    is_locked,
)
from gongkai.annual.rollup import roll_up
from gongkai.backoffice.views.common import flash_errors, post_only, read_only, staff_view
from gongkai.organs.permissions import Perm, can, get_organ_for_user, organs_where


def _compiled(organs, year):
    try:
        return compile_report(organs, year)
    except ValueError as exc:
        raise Http404(str(exc)) from None


def _supervised_roots(user):
    """The topmost organs the user may view: a supervisor's subtree roots, an organ's own staff's organ."""
    organs = sorted(organs_where(user, Perm.VIEW), key=lambda o: (o.path, o.position))
    roots = []
    for organ in organs:
        if not any(organ.path.startswith(root.path) for root in roots):
            roots.append(organ)
    return roots


@staff_view
@read_only
def report_index(request):
    """The user's organs: the report page of each organ they administer, the roll-up of each subtree they
    may view; with the deadline and the publication state of last year's report."""
    year = timezone.localdate().year - 1
    managed = list(organs_where(request.user, Perm.MANAGE).order_by("path", "position"))
    published = set(
        AnnualReport.objects.filter(
            organ__in=managed, year=year, status=AnnualReport.Status.PUBLISHED
        ).values_list("organ_id", flat=True)
    )
    context = {
        "year": year,
        "managed": [
            {"organ": o, "deadline": deadline_for(o, year), "published": o.pk in published} for o in managed
        ],
        "roots": _supervised_roots(request.user),
    }
    return render(request, "annual/report_index.html", context)


@staff_view
@read_only
def report_page(request, org_code, year):
    organ = get_organ_for_user(request.user, org_code, Perm.VIEW)
    compiled = _compiled([organ], year)
    report = AnnualReport.objects.filter(organ=organ, year=year).select_related("record").first()
    sections = {s.key: s for s in report.sections.all()} if report else {}
    drafted = {} if report else drafted_narrative(compiled)  # what do_start_report will store
    narrative = [
        {
            "key": key,
            "title": title,
            "text": sections[key].text if key in sections else "\n".join(drafted.get(key, [])),
            "version": sections[key].version if key in sections else 1,
            "revisions": list(sections[key].revisions.order_by("-version")[:20]) if key in sections else [],
        }
        for key, title in SECTIONS
    ]
    problems = [dict(p.as_dict(), blocking=p.kind in BLOCKING_KINDS) for p in compiled.problems]
    context = {
        "organ": organ,
        "year": year,
        "compiled": compiled,
        "report": report,
        "published": report is not None and report.status == AnnualReport.Status.PUBLISHED,
        "narrative": narrative,
        "problems": problems,
        "blocking": sum(1 for p in problems if p["blocking"]),
        "may_manage": can(request.user, Perm.MANAGE, organ),
        "locked": is_locked(organ, year),
        "locks": OrganYearLock.objects.filter(organ=organ, year=year).select_related(
            "locked_by", "unlocked_by"
        ),
        "deadline": deadline_for(organ, year),
    }
    return render(request, "annual/report_page.html", context)


def _managed(request, org_code):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    return organ


@staff_view
def report_narrative(request, org_code, year):
    organ = _managed(request, org_code)
    if (refused := post_only(request)) is not None:
        return refused
    try:
        report = do_start_report(organ, year, request.user)
        version = int(request.POST.get("version") or 0)
        do_edit_narrative(
            report, request.POST.get("key", ""), request.POST.get("text", ""), request.user, version
        )
    except (ValidationError, ValueError) as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("报告段落已保存。"))
    return redirect("backoffice:reports_staff:page", organ.org_code, year)


@staff_view
def report_publish(request, org_code, year):
    organ = _managed(request, org_code)
    if (refused := post_only(request)) is not None:
        return refused
    try:
        report = do_start_report(organ, year, request.user)
        do_publish_report(report, request.user)
    except (ValidationError, ValueError) as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("年度报告已发布，本年度数据已锁定。"))
    return redirect("backoffice:reports_staff:page", organ.org_code, year)


@staff_view
def report_unlock(request, org_code, year):
    organ = _managed(request, org_code)
    if (refused := post_only(request)) is not None:
        return refused
    try:
        do_unlock_year(organ, year, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("已解除锁定，可以更正年度数据。"))
    return redirect("backoffice:reports_staff:page", organ.org_code, year)


@staff_view
@read_only
def report_rollup(request, org_code, year):
    root = get_organ_for_user(request.user, org_code, Perm.VIEW)
    _compiled([root], year)  # 404 for a year without a format
    rollup = roll_up(root, year)
    published = set(
        AnnualReport.objects.filter(
            organ__in=rollup.total.organs, year=year, status=AnnualReport.Status.PUBLISHED
        ).values_list("organ__org_code", flat=True)
    )
    today = timezone.localdate()
    organs = {o.org_code: o for o in rollup.total.organs}
    rows = []
    for row in rollup.comparison():
        deadline = deadline_for(organs[row["organ"]], year)
        is_published = row["organ"] in published
        rows.append(
            dict(row, published=is_published, deadline=deadline, late=not is_published and today > deadline)
        )
    context = {
        "late": [row for row in rows if row["late"]],
        "organ": root,
        "year": year,
        "rollup": rollup,
        "rows": rows,
        "with_problems": rollup.with_problems(),
        "total": rollup.total,
    }
    return render(request, "annual/report_rollup.html", context)
