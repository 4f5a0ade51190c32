"""Pages of the strategy app, under /p/<slug>/."""

from django.urls import path

from joinedup.strategy import views

app_name = "strategy"

KINDS = "<str:kinds>"

urlpatterns = [
    path("p/<slug:slug>/strategy/edit/", views.strategy_edit, name="edit"),
    path(f"p/<slug:slug>/strategy/edit/{KINDS}/new/", views.item_form, name="new"),
    path(f"p/<slug:slug>/strategy/edit/{KINDS}/<int:pk>/", views.item_form, name="change"),
    path(f"p/<slug:slug>/strategy/edit/{KINDS}/<int:pk>/remove/", views.item_remove, name="remove"),
    path("p/<slug:slug>/strategy/load/", views.load_file, name="load"),
    path("p/<slug:slug>/strategy/load/<str:token>/", views.load_check, name="load-check"),
]
