from django.urls import path

from gongkai.annual import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_page, name="page"),
    path("result.<str:fmt>", views.audit_download, name="download"),
]
