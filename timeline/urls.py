from django.contrib import admin
from django.urls import path

from timeline import views
from timeline.exports import EVENT_FORMATS, STATEMENT_FORMATS

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("statements/", views.statements, name="statements"),
    *(path(export.path, export.view, name=export.name) for export in [*EVENT_FORMATS, *STATEMENT_FORMATS]),
    path("admin/", admin.site.urls),
]
