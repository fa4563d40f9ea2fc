from django.apps import AppConfig


class OrgansConfig(AppConfig):
    name = "gongkai.organs"
    verbose_name = "机关"
