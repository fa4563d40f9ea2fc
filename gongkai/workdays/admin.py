"""Django admin for superusers: edit single days and confirm years. Saves and deletes call the actions."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from gongkai.workdays.actions import do_clear_calendar_day, do_set_calendar_day, do_set_year, validate_day
from gongkai.workdays.models import CalendarDay, CalendarYear


class SuperuserOnly(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class CalendarDayForm(forms.ModelForm):
    class Meta:
        model = CalendarDay
        fields = ("date", "kind", "name", "note")

    def clean(self):
        data = super().clean()
        date = data.get("date") or (self.instance.date if self.instance.pk else None)
        if date and data.get("kind"):
            try:
                data["name"] = validate_day(date, data["kind"], data.get("name", ""))
            except ValidationError as exc:
                raise ValidationError(exc.messages) from None
        return data


@admin.register(CalendarDay)
class CalendarDayAdmin(SuperuserOnly):
    form = CalendarDayForm
    list_display = ("date", "kind", "name", "source", "note", "updated_by", "updated_at")
    list_filter = ("kind", "source")
    search_fields = ("name", "note")
    date_hierarchy = "date"
    fields = ("date", "kind", "name", "note", "source", "updated_by", "updated_at")
    readonly_fields = ("source", "updated_by", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        return ("date", *self.readonly_fields) if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        saved = do_set_calendar_day(obj.date, obj.kind, obj.name, actor=request.user, note=obj.note)
        obj.pk, obj.source, obj.updated_by, obj.updated_at = (
            saved.pk,
            saved.source,
            saved.updated_by,
            saved.updated_at,
        )

    def delete_model(self, request, obj):
        do_clear_calendar_day(obj.date, actor=request.user)

    def delete_queryset(self, request, queryset):
        for date in list(queryset.values_list("date", flat=True)):
            do_clear_calendar_day(date, actor=request.user)


@admin.register(CalendarYear)
class CalendarYearAdmin(SuperuserOnly):
    list_display = ("year", "confirmed", "source", "confirmed_by", "confirmed_at", "note")
    list_filter = ("confirmed", "source")
    fields = ("year", "confirmed", "note", "source", "confirmed_by", "confirmed_at")
    readonly_fields = ("source", "confirmed_by", "confirmed_at")

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ("year", *self.readonly_fields) if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        saved = do_set_year(obj.year, confirmed=obj.confirmed, actor=request.user, note=obj.note)
        obj.pk, obj.source = saved.pk, saved.source
        obj.confirmed_by, obj.confirmed_at = saved.confirmed_by, saved.confirmed_at
