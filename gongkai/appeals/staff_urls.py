"""Staff appeal routes, mounted at /staff/appeals/ (namespace "appeals_staff")."""

from django.urls import path

from gongkai.appeals import views

app_name = "appeals_staff"
urlpatterns = [
    path("", views.appeal_list, name="list"),
    path("new/", views.appeal_new, name="new"),
    path("<uuid:appeal_uuid>/", views.appeal_detail, name="detail"),
]
