"""Staff backoffice URLs (mounted at /staff/, namespace "backoffice").

Every view except login/logout is wrapped in views.common.staff_view and fetches its objects through
the permission-checked getters; tests/test_urlconf_permissions.py walks this list and proves it.
"""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from gongkai.backoffice.views import (
    applications,
    applications_files,
    applications_letters,
    applications_steps,
    common,
    dashboard,
    detail,
    organs,
    records,
    workflow,
)

app_name = "backoffice"
urlpatterns = [
    path("login/", common.StaffLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", dashboard.dashboard, name="dashboard"),
    path("review/", dashboard.review_queue, name="review_queue"),
    # records
    path("records/", records.record_list, name="record_list"),
    path("records/new/", records.record_new, name="record_new"),
    path("records/<uuid:uuid>/", detail.record_detail, name="record_detail"),
    path("records/<uuid:uuid>/edit/", records.record_edit, name="record_edit"),
    path("records/<uuid:uuid>/preview/", records.record_preview, name="record_preview"),
    path("records/<uuid:uuid>/revisions/<int:number>/", detail.record_revision, name="record_revision"),
    # workflow steps (POST)
    path("records/<uuid:uuid>/submit/", workflow.record_submit, name="record_submit"),
    path("records/<uuid:uuid>/approve/", workflow.record_approve, name="record_approve"),
    path("records/<uuid:uuid>/return/", workflow.record_return, name="record_return"),
    path("records/<uuid:uuid>/publish/", workflow.record_publish, name="record_publish"),
    path("records/<uuid:uuid>/schedule/", workflow.record_schedule, name="record_schedule"),
    path(
        "records/<uuid:uuid>/cancel-schedule/", workflow.record_cancel_schedule, name="record_cancel_schedule"
    ),
    path("records/<uuid:uuid>/withdraw/", workflow.record_withdraw, name="record_withdraw"),
    path("records/<uuid:uuid>/reopen/", workflow.record_reopen, name="record_reopen"),
    path("records/<uuid:uuid>/validity/", workflow.record_validity, name="record_validity"),
    path("records/<uuid:uuid>/delete/", workflow.record_delete, name="record_delete"),
    # attachments
    path("records/<uuid:uuid>/attachments/", workflow.attachment_add, name="attachment_add"),
    path("attachments/<uuid:attachment_uuid>/", workflow.attachment_download, name="attachment_download"),
    path("attachments/<uuid:attachment_uuid>/remove/", workflow.attachment_remove, name="attachment_remove"),
    # organ administration
    path("organs/<str:org_code>/", organs.organ_settings, name="organ_settings"),
    path("organs/<str:org_code>/categories/", organs.organ_categories, name="organ_categories"),
    path(
        "organs/<str:org_code>/categories/template/",
        organs.organ_category_template,
        name="organ_category_template",
    ),
    path("categories/<int:category_id>/", organs.category_update, name="category_update"),
    path("organs/<str:org_code>/staff/", organs.organ_staff, name="organ_staff"),
    path("organs/<str:org_code>/staff/revoke/", organs.organ_staff_revoke, name="organ_staff_revoke"),
    # 依申请公开 (applications): queue, counter intake, the application page, its steps, reply letters,
    # the applicant's attachments and the printable fee notice
    path("applications/", applications.application_list, name="application_list"),
    path("applications/new/", applications.application_new, name="application_new"),
    path("applications/<str:tracking_code>/", applications.application_detail, name="application_detail"),
    path(
        "applications/<str:tracking_code>/receipt.pdf",
        applications.application_receipt,
        name="application_receipt",
    ),
    path(
        "applications/<str:tracking_code>/reveal/", applications.application_reveal, name="application_reveal"
    ),
    path(
        "applications/<str:tracking_code>/steps/<str:step>/",
        applications_steps.application_step,
        name="application_step",
    ),
    path(
        "applications/<str:tracking_code>/letters/",
        applications_steps.letter_generate,
        name="letter_generate",
    ),
    path(
        "applications/<str:tracking_code>/letters/<uuid:letter_uuid>/deliver/",
        applications_steps.letter_deliver,
        name="letter_deliver",
    ),
    path(
        "applications/<str:tracking_code>/letters/<uuid:letter_uuid>/<str:fmt>/",
        applications_steps.letter_download,
        name="letter_download",
    ),
    path(
        "applications/<str:tracking_code>/attachments/",
        applications_files.application_attachment_add,
        name="application_attachment_add",
    ),
    path(
        "applications/<str:tracking_code>/attachments/<uuid:file_uuid>/",
        applications_files.application_attachment_download,
        name="application_attachment_download",
    ),
    path(
        "applications/<str:tracking_code>/fee-notice/",
        applications_files.fee_notice_generate,
        name="fee_notice_generate",
    ),
    path(
        "applications/<str:tracking_code>/fee-notice/<uuid:document_uuid>/<str:fmt>/",
        applications_files.fee_notice_download,
        name="fee_notice_download",
    ),
    path("organs/<str:org_code>/letters/", applications_letters.organ_letters, name="organ_letters"),
    path(
        "organs/<str:org_code>/letters/<str:outcome>/",
        applications_letters.organ_letter_edit,
        name="organ_letter_edit",
    ),
    path("enquiries/", include("gongkai.enquiries.staff_urls")),
    path("appeals/", include("gongkai.appeals.staff_urls")),
    path("facts/", include("gongkai.annual.facts_urls")),
    path("reports/", include("gongkai.annual.report_urls")),
]
