"""Pages of the synergies app, under /p/<slug>/."""

from django.urls import path

from joinedup.synergies import views

app_name = "synergies"

urlpatterns = [
    path("p/<slug:slug>/review/", views.hub, name="hub"),
    path("p/<slug:slug>/synergies/", views.queue, name="queue"),
    path("p/<slug:slug>/synergies/<int:pk>/", views.review, name="review"),
    path("p/<slug:slug>/synergies/decisions/", views.decisions, name="decisions"),
    path("p/<slug:slug>/synergies/decisions/<int:pk>/reverse/", views.reverse, name="reverse"),
    path("p/<slug:slug>/suggestions/", views.suggestions, name="suggestions"),
    path("p/<slug:slug>/findings/", views.findings, name="findings"),
]
