"""Staff routes for the annual report, mounted at /staff/reports/ (namespace "reports_staff")."""

from django.urls import path

from gongkai.annual import report_views

app_name = "reports_staff"
urlpatterns = [
    path("", report_views.report_index, name="index"),
    path("<str:org_code>/<int:year>/", report_views.report_page, name="page"),
    path("<str:org_code>/<int:year>/narrative/", report_views.report_narrative, name="narrative"),
    path("<str:org_code>/<int:year>/publish/", report_views.report_publish, name="publish"),
    path("<str:org_code>/<int:year>/unlock/", report_views.report_unlock, name="unlock"),
    path("<str:org_code>/<int:year>/rollup/", report_views.report_rollup, name="rollup"),
]
