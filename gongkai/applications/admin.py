"""Read-only views of applications for superusers. Staff work happens in the backoffice through the actions;
the applicant's encrypted ID number and keyed hashes are not shown here."""

from django.contrib import admin

from gongkai.applications.models import (
    Applicant,
    Application,
    ApplicationAttachment,
    ApplicationEvent,
    FeeNotice,
    FeeNoticeDocument,
    LetterTemplate,
    ReplyLetter,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("tracking_code", "organ", "channel", "status", "received_on", "due_on", "outcome")
    list_filter = ("status", "channel", "outcome", "organ")
    search_fields = ("tracking_code",)


@admin.register(Applicant)
class ApplicantAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "id_type", "id_number_masked", "created_at", "purged_at")
    list_filter = ("kind",)
    exclude = ("id_number_encrypted", "id_number_hash", "phone_hash")


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ("application", "kind", "on", "actor", "at")
    list_filter = ("kind",)


@admin.register(FeeNotice)
class FeeNoticeAdmin(ReadOnlyAdmin):
    list_display = ("application", "basis", "amount", "issued_on", "payment_due_on", "paid_on")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReadOnlyAdmin):
    list_display = ("outcome", "organ", "title", "updated_at")
    list_filter = ("outcome",)


@admin.register(ReplyLetter)
class ReplyLetterAdmin(ReadOnlyAdmin):
    list_display = ("application", "outcome", "title", "generated_at", "delivered_on", "visible_to_applicant")
    list_filter = ("outcome", "visible_to_applicant")


@admin.register(ApplicationAttachment)
class ApplicationAttachmentAdmin(ReadOnlyAdmin):
    list_display = ("filename", "application", "size", "uploaded_at")
    search_fields = ("application__tracking_code", "filename")


@admin.register(FeeNoticeDocument)
class FeeNoticeDocumentAdmin(ReadOnlyAdmin):
    list_display = ("notice", "generated_at")
