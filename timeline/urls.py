from django.contrib import admin
from django.urls import path

from timeline import exports, views
from timeline.admin_import import import_timeline_view
from timeline.admin_load import load_articles_view, load_run_view
from timeline.exports import EVENT_FORMATS, STATEMENT_FORMATS

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("statements/", views.statements, name="statements"),
    path("suggest/actors/", views.actor_suggestions, name="actor_suggestions"),
    *(path(export.path, export.view, name=export.name) for export in [*EVENT_FORMATS, *STATEMENT_FORMATS]),
    path("api/openapi.json", exports.openapi_json, name="openapi_json"),
    path("admin/import-timeline/", admin.site.admin_view(import_timeline_view), name="import_timeline"),
    path("admin/load-articles/", admin.site.admin_view(load_articles_view), name="load_articles"),
    path("admin/load-articles/<int:pk>/", admin.site.admin_view(load_run_view), name="load_run"),
    path("admin/", admin.site.urls),
]
