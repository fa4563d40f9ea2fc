"""Staff routes for organ-year facts, mounted at /staff/facts/ (namespace "facts_staff")."""

from django.urls import path

from gongkai.annual import facts_views

app_name = "facts_staff"
urlpatterns = [
    path("", facts_views.facts_index, name="index"),
    path("<str:org_code>/<int:year>/", facts_views.facts_edit, name="edit"),
]
