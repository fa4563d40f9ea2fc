from django.contrib import admin
from django.urls import include, path

from gongkai.api.api import api
from gongkai.core.views import healthz

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("staff/", include("gongkai.backoffice.urls")),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("workdays/", include("gongkai.workdays.urls")),
    path("apply/", include("gongkai.applications.public_urls")),
    path("audit/", include("gongkai.annual.urls")),
    path("enquiries/", include("gongkai.enquiries.public_urls")),
    path("", include("gongkai.portal.urls")),
]
