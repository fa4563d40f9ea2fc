from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "gongkai.enquiries"
    verbose_name = "咨询与举报投诉"
