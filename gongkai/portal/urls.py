from django.urls import path

from gongkai.portal import search_views, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("xxgk/", views.xxgk, name="xxgk"),
    path("xxgk/<str:org_code>/", views.organ_index, name="organ_index"),
    path("xxgk/<str:org_code>/guide/", views.guide, name="guide"),
    path("xxgk/<str:org_code>/rules/", views.rules, name="rules"),
    path("xxgk/<str:org_code>/catalog/", views.catalog, name="catalog"),
    path("xxgk/<str:org_code>/catalog/<slug:slug>/", views.category, name="category"),
    path("xxgk/<str:org_code>/reports/", views.reports, name="reports"),
    path("search/", search_views.search, name="search"),
    path("art/<uuid:uuid>/", views.article, name="article"),
    path("files/<uuid:uuid>/<str:filename>", views.attachment, name="attachment"),
]
