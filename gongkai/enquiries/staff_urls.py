"""Staff enquiry routes, mounted at /staff/enquiries/ (namespace "enquiries_staff")."""

from django.urls import path

from gongkai.enquiries import staff_views

app_name = "enquiries_staff"
urlpatterns = [
    path("", staff_views.enquiry_list, name="list"),
    path("log/", staff_views.enquiry_log, name="log"),
    path("<uuid:enquiry_uuid>/", staff_views.enquiry_detail, name="detail"),
]
