"""The public portal: home, the 政府信息公开 column of an organ and its four sub-columns, category
lists, article pages and attachment downloads. Read-only; public data only (catalog.queries)."""

import logging
from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.annual.models import AnnualReport
from gongkai.catalog.models import RecordStatus, Validity
from gongkai.catalog.queries import get_public_attachment, get_public_record, public_records
from gongkai.catalog.storage import CorruptBlob, verified_bytes_path
from gongkai.core.html import sanitize_html
from gongkai.organs.models import Organ
from gongkai.portal import browse
from gongkai.portal.prefs import remember_prefs
from gongkai.portal.qr import qr_svg
from gongkai.portal.site import request_site_organ, switcher_organs

logger = logging.getLogger(__name__)

PER_PAGE = 20
HOME_PER_CATEGORY = 5
INDEX_LATEST = 10
RELATED_FALLBACK = 5

XXGK = gettext_lazy("政府信息公开")
# The four standard sub-columns of the 政府信息公开 column: (url name, title, one-line description).
SUBCOLUMNS = (
    (
        "guide",
        gettext_lazy("政府信息公开指南"),
        gettext_lazy("公开的范围、方式、程序，以及依申请公开的办理方法"),
    ),
    ("rules", gettext_lazy("政府信息公开制度"), gettext_lazy("本机关政府信息公开工作的制度规定")),
    ("catalog", gettext_lazy("法定主动公开内容"), gettext_lazy("按公开目录分类浏览主动公开的政府信息")),
    ("reports", gettext_lazy("政府信息公开年报"), gettext_lazy("本机关政府信息公开工作年度报告")),
)
SUBCOLUMN_TITLES = {name: title for name, title, _desc in SUBCOLUMNS}


def _organ(org_code: str) -> Organ:
    return get_object_or_404(Organ, org_code=org_code)


def _breadcrumbs(request, organ: Organ, *trail) -> list[tuple[str, str | None]]:
    """首页 › 政府信息公开 [› organ, when it is not the site organ] › trail…"""
    site = request_site_organ(request)
    crumbs = [(_("首页"), reverse("portal:home"))]
    if site is not None and site.pk != organ.pk:
        crumbs.append((XXGK, reverse("portal:organ_index", args=[site.org_code])))
        crumbs.append((organ.display_name, reverse("portal:organ_index", args=[organ.org_code])))
    else:
        crumbs.append((XXGK, reverse("portal:organ_index", args=[organ.org_code])))
    crumbs.extend(trail)
    if not trail:
        crumbs[-1] = (crumbs[-1][0], None)
    return crumbs


def _nav_current(request, organ: Organ, column: str) -> str:
    """Which entry of the main navigation (the site organ's columns) the page belongs to."""
    site = request_site_organ(request)
    if site is not None and site.pk == organ.pk:
        return column
    return "organ_index"


def _column(request, organ: Organ, current: str, *, column_name, breadcrumbs, **extra) -> dict:
    """Context shared by the column pages: sub-column menu, organ switcher, breadcrumbs, meta tags."""
    site = request_site_organ(request)
    switch_to = "catalog" if current == "category" else current
    organs = switcher_organs(site, organ) if site is not None else []
    if organ.pk not in {o.pk for o in organs}:
        organ.switcher_depth = 0
        organs = [organ, *organs]
    for other in organs:
        other.switch_url = reverse(f"portal:{switch_to}", args=[other.org_code])
    menu = [("organ_index", _("专栏首页"), reverse("portal:organ_index", args=[organ.org_code]))]
    menu += [
        (name, title, reverse(f"portal:{name}", args=[organ.org_code])) for name, title, _d in SUBCOLUMNS
    ]
    return {
        "organ": organ,
        "switcher": organs,
        "column_menu": menu,
        "current_column": switch_to,
        "nav_current": _nav_current(request, organ, switch_to),
        "breadcrumbs": breadcrumbs,
        "column_name": column_name,
        "column_type": SUBCOLUMN_TITLES.get(switch_to, XXGK),
        **extra,
    }


@remember_prefs
def home(request):
    site = request_site_organ(request)
    context = {"site": site, "nav_current": "home"}
    if site is not None:
        tree = browse.category_tree(site)
        latest = browse.latest_by_category(tree, HOME_PER_CATEGORY)
        notices = next((c for c in tree if c.slug == browse.NOTICES_SLUG), None)
        context.update(
            notices=notices,
            notice_records=latest.get(notices.pk, []) if notices else [],
            blocks=[(c, latest.get(c.pk, [])) for c in tree if c is not notices],
            subcolumns=[(reverse(f"portal:{n}", args=[site.org_code]), t, d) for n, t, d in SUBCOLUMNS],
        )
    return render(request, "portal/home.html", context)


def xxgk(request):
    site = request_site_organ(request)
    if site is None:
        raise Http404(_("本网站尚未设置机关。"))
    return redirect("portal:organ_index", site.org_code)


@remember_prefs
def organ_index(request, org_code):
    organ = _organ(org_code)
    context = _column(
        request,
        organ,
        "organ_index",
        column_name=XXGK,
        breadcrumbs=_breadcrumbs(request, organ),
        subcolumns=[(reverse(f"portal:{n}", args=[organ.org_code]), t, d) for n, t, d in SUBCOLUMNS],
        latest=browse.latest_records(organ, INDEX_LATEST),
    )
    return render(request, "portal/organ_index.html", context)


@remember_prefs
def guide(request, org_code):
    organ = _organ(org_code)
    title = SUBCOLUMN_TITLES["guide"]
    office = [
        (_("工作机构"), organ.office_name),
        (_("办公地址"), organ.office_address),
        (_("办公时间"), organ.office_hours),
        (_("联系电话"), organ.office_phone),
        (_("传真"), organ.office_fax),
        (_("电子邮箱"), organ.office_email),
        (_("邮政编码"), organ.office_postcode),
    ]
    context = _column(
        request,
        organ,
        "guide",
        column_name=title,
        breadcrumbs=_breadcrumbs(request, organ, (title, None)),
        office=[(label, value) for label, value in office if value],
        tree=browse.category_tree(organ),
        column_url=request.build_absolute_uri(reverse("portal:organ_index", args=[organ.org_code])),
    )
    return render(request, "portal/guide.html", context)


@remember_prefs
def rules(request, org_code):
    organ = _organ(org_code)
    title = SUBCOLUMN_TITLES["rules"]
    context = _column(
        request,
        organ,
        "rules",
        column_name=title,
        breadcrumbs=_breadcrumbs(request, organ, (title, None)),
        # Sanitised when saved; cleaned again here because organs may be created with rules directly.
        rules_html=mark_safe(sanitize_html(organ.disclosure_rules)),
    )
    return render(request, "portal/rules.html", context)


@remember_prefs
def catalog(request, org_code):
    organ = _organ(org_code)
    title = SUBCOLUMN_TITLES["catalog"]
    tree = browse.category_tree(organ)
    counts = browse.category_counts(organ)
    for top in tree:
        top.count = counts.get(top.pk, 0)
        for child in top.subcategories:
            child.count = counts.get(child.pk, 0)
    context = _column(
        request,
        organ,
        "catalog",
        column_name=title,
        breadcrumbs=_breadcrumbs(request, organ, (title, None)),
        tree=tree,
    )
    return render(request, "portal/catalog.html", context)


@remember_prefs
def reports(request, org_code):
    organ = _organ(org_code)
    title = SUBCOLUMN_TITLES["reports"]
    annual_reports = (
        AnnualReport.objects.filter(
            organ=organ, status=AnnualReport.Status.PUBLISHED, record__status=RecordStatus.PUBLISHED
        )
        .select_related("record")
        .order_by("-year")
    )
    context = _column(
        request,
        organ,
        "reports",
        column_name=title,
        breadcrumbs=_breadcrumbs(request, organ, (title, None)),
        annual_reports=annual_reports,
    )
    return render(request, "portal/reports.html", context)


@remember_prefs
def category(request, org_code, slug):
    organ = _organ(org_code)
    tree = browse.category_tree(organ)
    flat = {c.slug: c for top in tree for c in (top, *top.subcategories)}
    current = flat.get(slug)
    if current is None:
        raise Http404(_("没有这个公开目录分类。"))
    parent = next((top for top in tree if top.pk == current.parent_id), None)
    ids = [current.pk, *(c.pk for c in getattr(current, "subcategories", []))]
    sort = request.GET.get("sort", browse.DEFAULT_SORT)
    if sort not in browse.SORTS:
        sort = browse.DEFAULT_SORT
    page = Paginator(browse.sorted_records(ids, sort), PER_PAGE).get_page(request.GET.get("page"))
    catalog_title = SUBCOLUMN_TITLES["catalog"]
    trail = [(catalog_title, reverse("portal:catalog", args=[organ.org_code]))]
    if parent is not None:
        trail.append((parent.name, reverse("portal:category", args=[organ.org_code, parent.slug])))
    trail.append((current.name, None))
    context = _column(
        request,
        organ,
        "category",
        column_name=current.name,
        breadcrumbs=_breadcrumbs(request, organ, *trail),
        tree=tree,
        category=current,
        parent_category=parent,
        page=page,
        page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        ellipsis=Paginator.ELLIPSIS,
        sort=sort,
        sorts=[(key, label) for key, (label, _order) in browse.SORTS.items()],
    )
    return render(request, "portal/category.html", context)


def _validity_notice(record) -> str:
    if record.validity == Validity.REPEALED and record.repealed_on:
        return _("本文件已于%(date)s废止") % {"date": _date_zh(record.repealed_on)}
    if record.validity == Validity.REPEALED:
        return _("本文件已废止")
    if record.validity == Validity.EXPIRED and record.expires_on:
        return _("本文件已于%(date)s失效") % {"date": _date_zh(record.expires_on)}
    if record.validity == Validity.EXPIRED:
        return _("本文件已失效")
    return ""


def _date_zh(day) -> str:
    return _("%(y)d年%(m)d月%(d)d日") % {"y": day.year, "m": day.month, "d": day.day}


def _tree_order(category):
    """Sort key putting categories in catalog order: each top-level category, then its children."""
    top = category.parent or category
    return (top.position, top.pk, category.parent_id is not None, category.position, category.pk)


@remember_prefs
def article(request, uuid):
    record = get_public_record(uuid)
    categories = sorted(record.categories.select_related("parent"), key=_tree_order)
    attachments = list(record.attachments.all())
    related = list(
        public_records().filter(related=record).only(*browse.LIST_FIELDS).order_by("-published_at")
    )
    if not related and categories:
        same_categories = browse.sorted_records([c.pk for c in categories], browse.DEFAULT_SORT)
        related = list(same_categories.exclude(pk=record.pk)[:RELATED_FALLBACK])
    page_url = request.build_absolute_uri(reverse("portal:article", args=[record.uuid]))
    organ = record.organ
    primary = categories[0] if categories else None
    trail = []
    if primary is not None:
        if primary.parent is not None:
            trail.append(
                (primary.parent.name, reverse("portal:category", args=[organ.org_code, primary.parent.slug]))
            )
        trail.append((primary.name, reverse("portal:category", args=[organ.org_code, primary.slug])))
    trail.append((_("正文"), None))
    context = {
        "record": record,
        "organ": organ,
        "categories": categories,
        "attachments": attachments,
        "related": related,
        "validity_notice": _validity_notice(record),
        "source": record.source or record.issuing_organ,
        "body_html": mark_safe(sanitize_html(record.body)),
        "page_url": page_url,
        "qr_svg": qr_svg(page_url),
        "breadcrumbs": _breadcrumbs(request, organ, *trail),
        "nav_current": _nav_current(request, organ, "catalog"),
        "column_name": primary.name if primary else SUBCOLUMN_TITLES["catalog"],
        "column_type": SUBCOLUMN_TITLES["catalog"],
    }
    return render(request, "portal/article.html", context)


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the real name in RFC 5987 `filename*`."""
    ext = filename.rsplit(".", 1)[-1] if "." in filename else ""
    ascii_name = filename if filename.isascii() else (f"attachment.{ext}" if ext.isascii() else "attachment")
    ascii_name = ascii_name.replace("\\", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def attachment(request, uuid, filename):
    item = get_public_attachment(uuid)
    if filename != item.filename:
        return redirect("portal:attachment", item.uuid, item.filename)
    try:
        path = verified_bytes_path(item.sha256)
    except CorruptBlob as exc:
        logger.error(
            "attachment %s (%s) of record %s failed its SHA-256 check: %s",
            item.uuid,
            item.filename,
            item.record.uuid,
            exc,
        )
        context = {"attachment": item, "record": item.record, "organ": item.record.organ}
        return render(request, "portal/unavailable.html", context, status=503)
    response = FileResponse(path.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = content_disposition(item.filename)
    return response
