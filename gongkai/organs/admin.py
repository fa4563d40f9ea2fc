"""Django admin is for superusers; its writes still go through the action functions."""

from django.contrib import admin

from gongkai.organs.actions import ORGAN_EDITABLE_FIELDS, do_create_organ, do_grant_role, do_update_organ
from gongkai.organs.models import Membership, Organ


@admin.register(Organ)
class OrganAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "level", "org_code", "parent")
    list_filter = ("level",)
    search_fields = ("name", "short_name", "org_code")
    readonly_fields = ("path",)

    def get_readonly_fields(self, request, obj=None):
        return ("path", "parent", "level", "org_code") if obj else ("path",)

    def save_model(self, request, obj, form, change):
        data = {k: form.cleaned_data[k] for k in ORGAN_EDITABLE_FIELDS if k in form.cleaned_data}
        if change:
            do_update_organ(obj, actor=request.user, **data)
        else:
            created = do_create_organ(
                actor=request.user,
                parent=form.cleaned_data.get("parent"),
                level=form.cleaned_data["level"],
                org_code=form.cleaned_data["org_code"],
                **data,
            )
            obj.pk, obj.path = created.pk, created.path

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organ", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__username", "organ__name")

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        created = do_grant_role(actor=request.user, user=obj.user, organ=obj.organ, role=obj.role)
        obj.pk = created.pk
