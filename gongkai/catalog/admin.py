"""Read-only views of the catalog for superusers: every change goes through the backoffice and its actions."""

from django.contrib import admin

from gongkai.catalog.models import Attachment, Category, Record, RecordEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Record)
class RecordAdmin(ReadOnlyAdmin):
    list_display = ("title", "organ", "status", "index_number", "published_at")
    list_filter = ("status", "validity", "organ")
    search_fields = ("title", "index_number", "document_number")


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ("name", "organ", "parent", "slug", "is_active")
    list_filter = ("organ",)


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ("filename", "record", "size", "sha256")


@admin.register(RecordEvent)
class RecordEventAdmin(ReadOnlyAdmin):
    list_display = ("record", "kind", "actor", "at")
    list_filter = ("kind",)
