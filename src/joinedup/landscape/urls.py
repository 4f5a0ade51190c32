"""Pages of the landscape app, under /p/<slug>/."""

from django.urls import path

from joinedup.landscape import views

app_name = "landscape"

urlpatterns = [
    path("p/<slug:slug>/landscape/", views.landscape, name="landscape"),
    path("p/<slug:slug>/landscape/bodies/", views.body_list, name="bodies"),
    path("p/<slug:slug>/landscape/bodies/<int:pk>/", views.body_detail, name="body"),
    path("p/<slug:slug>/landscape/organisations/<int:pk>/", views.organisation_detail,
         name="organisation"),
    path("p/<slug:slug>/landscape/boundaries/", views.boundaries, name="boundaries"),
]
