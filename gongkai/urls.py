from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("staff/", include("gongkai.backoffice.urls")),
    path("", include("gongkai.portal.urls")),
]
