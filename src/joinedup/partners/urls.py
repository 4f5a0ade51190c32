"""Pages of the partners app, under /p/<slug>/."""

from django.urls import path

from joinedup.partners import views

app_name = "partners"

urlpatterns = [
    path("p/<slug:slug>/plans/upload/", views.plan_upload, name="upload"),
    path("p/<slug:slug>/plans/upload/<str:token>/", views.plan_upload_check, name="upload-check"),
]
