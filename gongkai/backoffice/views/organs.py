"""Organ administration for organ admins: office data and rules, the category tree, staff roles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.backoffice.forms import (
    CategoryCreateForm,
    CategoryTemplateForm,
    CategoryUpdateForm,
    GrantRoleForm,
    OrganSettingsForm,
    RevokeRoleForm,
)
from gongkai.backoffice.views.common import add_action_errors, flash_errors, post_only, staff_view
from gongkai.catalog.actions import do_apply_category_template, do_create_category, do_update_category
from gongkai.catalog.models import Category
from gongkai.catalog.queries import get_category_for_user
from gongkai.organs.actions import do_grant_role, do_revoke_role, do_update_organ
from gongkai.organs.models import Role
from gongkai.organs.permissions import Perm, get_organ_for_user


@staff_view
def organ_settings(request, org_code):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if request.method == "POST":
        form = OrganSettingsForm(request.POST)
        if form.is_valid():
            try:
                do_update_organ(organ, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("机关信息已保存。"))
                return redirect("backoffice:organ_settings", org_code=organ.org_code)
        # A refused update may have touched the in-memory organ; show the stored one in the header.
        organ.refresh_from_db()
    else:
        form = OrganSettingsForm(initial=OrganSettingsForm.initial_for(organ))
    return render(
        request, "backoffice/organ_settings.html", {"organ": organ, "form": form, "tab": "settings"}
    )


def _category_tree(organ):
    """Top-level categories in order, each with its children and how many records it holds."""
    categories = list(Category.objects.filter(organ=organ).annotate(record_count=Count("records")))
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    rows = []
    for top in children.get(None, []):
        rows.append((top, 0))
        rows.extend((child, 1) for child in children.get(top.pk, []))
    return rows


def _categories_page(request, organ, create_form=None, template_form=None, status=200):
    rows = _category_tree(organ)
    parents = {category.parent_id for category, _depth in rows}
    forms = []
    for category, _depth in rows:
        form = CategoryUpdateForm(
            initial={
                "name": category.name,
                "description": category.description,
                "position": category.position,
                "is_active": category.is_active,
                "parent": str(category.parent_id or ""),
            },
            prefix=f"c{category.pk}",
            category=category,
        )
        form.movable = category.pk not in parents  # the catalog has two levels: a parent stays on top
        forms.append(form)
    return render(
        request,
        "backoffice/organ_categories.html",
        {
            "organ": organ,
            "tab": "categories",
            "rows": [(category, depth, form) for (category, depth), form in zip(rows, forms, strict=True)],
            "create_form": create_form or CategoryCreateForm(organ=organ),
            "template_form": template_form or CategoryTemplateForm(),
        },
        status=status,
    )


@staff_view
def organ_categories(request, org_code):
    """The category tree; POST adds a category."""
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if request.method != "POST":
        return _categories_page(request, organ)
    form = CategoryCreateForm(request.POST, organ=organ)
    if form.is_valid():
        try:
            category = do_create_category(
                organ=organ,
                actor=request.user,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                parent=form.cleaned_data["parent"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("已添加分类“%(name)s”。") % {"name": category.name})
            return redirect("backoffice:organ_categories", org_code=organ.org_code)
    return _categories_page(request, organ, create_form=form)


@staff_view
def organ_category_template(request, org_code):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if (refused := post_only(request)) is not None:
        return refused
    form = CategoryTemplateForm(request.POST)
    if not form.is_valid():
        return _categories_page(request, organ, template_form=form)
    try:
        created = do_apply_category_template(
            organ=organ, actor=request.user, template=form.cleaned_data["template"]
        )
    except ValidationError as exc:
        add_action_errors(form, exc)
        return _categories_page(request, organ, template_form=form)
    if created:
        messages.success(request, _("已按模板添加%(n)d个分类。") % {"n": len(created)})
    else:
        messages.info(request, _("模板中的分类都已存在，没有新增。"))
    return redirect("backoffice:organ_categories", org_code=organ.org_code)


@staff_view
def category_update(request, category_id):
    """Rename, reorder, describe, (de)activate or move (under another top-level category) one category."""
    category = get_category_for_user(request.user, category_id, Perm.MANAGE)
    if (refused := post_only(request)) is not None:
        return refused
    form = CategoryUpdateForm(request.POST, prefix=f"c{category.pk}", category=category)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, f"{category.name}: {message}")
    else:
        data = form.cleaned_data
        changes = {
            "name": (data["name"] or "").strip(),
            "description": data["description"],
            "position": data["position"],
            "is_active": data["is_active"],
        }
        # A form without the parent field (an older page) leaves the category where it is.
        if form.add_prefix("parent") in request.POST:
            changes["parent"] = data["parent"]
        try:
            do_update_category(category, actor=request.user, **changes)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, f"{category.name}: {message}")
        else:
            messages.success(request, _("分类“%(name)s”已保存。") % {"name": category.name})
    return redirect("backoffice:organ_categories", org_code=category.organ.org_code)


def _staff_page(request, organ, grant_form=None, status=200):
    memberships = list(organ.memberships.select_related("user").order_by("user__username", "role"))
    return render(
        request,
        "backoffice/organ_staff.html",
        {
            "organ": organ,
            "tab": "staff",
            "memberships": memberships,
            "grant_form": grant_form or GrantRoleForm(),
            "roles": Role.choices,
        },
        status=status,
    )


@staff_view
def organ_staff(request, org_code):
    """Memberships of this organ; POST grants a role to an existing user."""
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if request.method != "POST":
        return _staff_page(request, organ)
    form = GrantRoleForm(request.POST)
    if form.is_valid():
        user, role = form.cleaned_data["username"], form.cleaned_data["role"]
        try:
            do_grant_role(actor=request.user, user=user, organ=organ, role=role)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(
                request,
                _("已授予 %(user)s “%(role)s”岗位。") % {"user": user.username, "role": Role(role).label},
            )
            return redirect("backoffice:organ_staff", org_code=organ.org_code)
    return _staff_page(request, organ, grant_form=form)


@staff_view
def organ_staff_revoke(request, org_code):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if (refused := post_only(request)) is not None:
        return refused
    form = RevokeRoleForm(request.POST)
    if not form.is_valid():
        flash_errors(request, ValidationError([m for errors in form.errors.values() for m in errors]))
    else:
        user, role = form.cleaned_data["username"], form.cleaned_data["role"]
        do_revoke_role(actor=request.user, user=user, organ=organ, role=role)
        messages.success(
            request,
            _("已撤销 %(user)s 的“%(role)s”岗位。") % {"user": user.username, "role": Role(role).label},
        )
    return redirect("backoffice:organ_staff", org_code=organ.org_code)
