"""Public URLs of 依申请公开, mounted at /apply/ (see gongkai/urls.py). All of them are public."""

from django.urls import path

from gongkai.applications import public_views

app_name = "apply"
urlpatterns = [
    path("", public_views.form_default, name="form_default"),
    path("status/", public_views.status, name="status"),
    path("submitted/", public_views.submitted, name="submitted"),
    path("receipt/<str:tracking_code>/", public_views.receipt, name="receipt"),
    path("letters/<uuid:letter_uuid>/<str:fmt>/", public_views.letter, name="letter"),
    path("<str:org_code>/", public_views.apply_form, name="form"),
]
