"""Spreadsheet round trip and import batches, under /p/<slug>/."""

from django.urls import path

from joinedup.imports import views

app_name = "imports"

urlpatterns = [
    path("p/<slug:slug>/partners/<int:org_id>/spreadsheet/", views.download, name="spreadsheet"),
    path("p/<slug:slug>/partners/<int:org_id>/spreadsheet/upload/", views.upload, name="upload"),
    path("p/<slug:slug>/imports/", views.batch_list, name="list"),
    path("p/<slug:slug>/imports/<int:pk>/undo/", views.undo, name="undo"),
]
