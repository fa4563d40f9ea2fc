from django.urls import path

from gongkai.enquiries import public_views

app_name = "enquiries"
urlpatterns = [
    path("", public_views.qa_list, name="qa_list"),
    path("ask/", public_views.ask, name="ask"),
    path("mailbox/", public_views.mailbox, name="mailbox"),
    path("submitted/", public_views.submitted, name="submitted"),
    path("status/", public_views.status, name="status"),
]
