from django.contrib import admin
from django.urls import path

from timeline import exports, feeds, views
from timeline.admin_import import import_timeline_view

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("statements/", views.statements, name="statements"),
    path("api/events.json", exports.events_json, name="events_json"),
    path("api/statements.json", exports.statements_json, name="statements_json"),
    path("api/openapi.json", exports.openapi_json, name="openapi_json"),
    path("events.csv", exports.events_csv, name="events_csv"),
    path("timelinejs.json", exports.timelinejs, name="timelinejs"),
    path("feed/", feeds.event_feed, name="feed"),
    path("admin/import-timeline/", admin.site.admin_view(import_timeline_view), name="import_timeline"),
    path("admin/", admin.site.urls),
]
