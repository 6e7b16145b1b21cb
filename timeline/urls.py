from django.contrib import admin
from django.urls import path

from timeline import views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("admin/", admin.site.urls),
]
