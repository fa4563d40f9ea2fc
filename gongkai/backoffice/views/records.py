"""Record list, editor (new / edit) and preview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.backoffice.forms import EditRecordForm, RecordFilterForm, RecordForm, category_choices
from gongkai.backoffice.views.common import add_action_errors, read_only, staff_view
from gongkai.catalog.actions import (
    EDITABLE_STATES,
    ConflictError,
    WorkflowError,
    do_create_record,
    do_set_related_records,
    do_update_record,
)
from gongkai.catalog.models import Category
from gongkai.catalog.queries import get_record_for_user, records_for_user
from gongkai.organs.permissions import Perm, can, get_organ_for_user, organs_where

PAGE_SIZE = 20


def _filter_categories(organs, selected_organ):
    """Category choices for the filter: the chosen organ's tree, or every visible organ's, labelled."""
    if selected_organ is not None:
        return category_choices(selected_organ)
    if len(organs) == 1:
        return category_choices(organs[0])
    by_id = {o.pk: o for o in organs}
    return [
        (c.pk, f"{by_id[c.organ_id].display_name} · {c.full_name}")
        for c in Category.objects.filter(organ__in=organs)
        .select_related("parent")
        .order_by("organ__path", "position")
    ]


@staff_view
@read_only
def record_list(request):
    organs = list(organs_where(request.user, Perm.VIEW).order_by("path", "position"))
    if not organs:
        raise PermissionDenied(_("您没有可以查看的机关。"))
    by_code = {o.org_code: o for o in organs}
    selected_organ = by_code.get(request.GET.get("organ", ""))
    form = RecordFilterForm(
        request.GET or None, organs=organs, categories=_filter_categories(organs, selected_organ)
    )
    records = (
        records_for_user(request.user)
        .select_related("organ", "created_by")
        .prefetch_related("categories")
        .order_by("-updated_at", "-pk")
    )
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = form.cleaned_data
    if filters.get("organ"):
        records = records.filter(organ=by_code[filters["organ"]])
    if filters.get("status"):
        records = records.filter(status=filters["status"])
    if filters.get("category"):
        records = records.filter(categories__pk=int(filters["category"]))
    if filters.get("q"):
        records = records.filter(title__icontains=filters["q"].strip())
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    edit_organs = [o for o in organs if can(request.user, Perm.EDIT, o)]
    return render(
        request,
        "backoffice/record_list.html",
        {"form": form, "page": page, "records": page.object_list, "edit_organs": edit_organs},
    )


@staff_view
def record_new(request):
    code = request.GET.get("organ", "").strip()
    if not code:
        organs = list(organs_where(request.user, Perm.EDIT).order_by("path", "position"))
        if not organs:
            raise PermissionDenied(_("您没有拟稿岗位。"))
        if len(organs) == 1:
            return redirect(f"{reverse('backoffice:record_new')}?organ={organs[0].org_code}")
        return render(request, "backoffice/record_new_choose.html", {"organs": organs})
    organ = get_organ_for_user(request.user, code, Perm.EDIT)
    if request.method == "POST":
        form = RecordForm(request.POST, organ=organ)
        if form.is_valid():
            try:
                with transaction.atomic():
                    record = do_create_record(
                        organ=organ,
                        actor=request.user,
                        data=form.content(),
                        categories=form.cleaned_data["categories"],
                    )
                    if form.cleaned_data["related"]:
                        do_set_related_records(
                            record, actor=request.user, related=form.cleaned_data["related"]
                        )
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("草稿已保存。"))
                return redirect("backoffice:record_detail", uuid=record.uuid)
    else:
        form = RecordForm(organ=organ, initial={"issuing_organ": organ.name})
    return render(request, "backoffice/record_form.html", {"form": form, "organ": organ, "record": None})


@staff_view
def record_edit(request, uuid):
    record = get_record_for_user(request.user, uuid, Perm.EDIT)
    if record.status not in EDITABLE_STATES:
        messages.error(
            request,
            _("“%(status)s”状态的信息不能修改，请先撤回或重新编辑。")
            % {"status": record.get_status_display()},
        )
        return redirect("backoffice:record_detail", uuid=record.uuid)
    conflict = False
    if request.method == "POST":
        form = EditRecordForm(request.POST, organ=record.organ, record=record)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = do_update_record(
                        record,
                        actor=request.user,
                        data=form.content(),
                        categories=form.cleaned_data["categories"],
                        expected_version=form.cleaned_data["version"],
                    )
                    do_set_related_records(saved, actor=request.user, related=form.cleaned_data["related"])
            except ConflictError as exc:
                conflict = True
                form.add_error(None, str(exc))
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("已保存（第%(v)d版）。") % {"v": saved.version})
                return redirect("backoffice:record_detail", uuid=record.uuid)
    else:
        form = EditRecordForm(
            organ=record.organ,
            record=record,
            initial={**RecordForm.initial_for(record), "version": record.version},
        )
    return render(
        request,
        "backoffice/record_form.html",
        {"form": form, "organ": record.organ, "record": record, "conflict": conflict},
    )


@staff_view
@read_only
def record_preview(request, uuid):
    """The record as its public article page will look, with a 预览 banner."""
    record = get_record_for_user(request.user, uuid)
    categories = list(record.categories.select_related("parent"))
    return render(
        request,
        "backoffice/record_preview.html",
        {
            "record": record,
            "categories": categories,
            "attachments": list(record.attachments.all()),
            "related": list(record.related.order_by("-published_at")),
        },
    )
