"""Pages of the actions app, under /p/<slug>/."""

from django.urls import path

from joinedup.actions import views

app_name = "actions"

urlpatterns = [
    path("p/<slug:slug>/actions/new/", views.action_new, name="new"),
    path("p/<slug:slug>/actions/deleted/", views.deleted_list, name="deleted"),
    path("p/<slug:slug>/actions/deleted/<int:pk>/restore/", views.action_restore, name="restore"),
    path("p/<slug:slug>/actions/<int:pk>/edit/", views.action_edit, name="edit"),
    path("p/<slug:slug>/actions/<int:pk>/progress/", views.action_progress, name="progress"),
    path("p/<slug:slug>/actions/<int:pk>/delete/", views.action_delete, name="delete"),
]
