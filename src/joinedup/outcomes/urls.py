from django.urls import path

from joinedup.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("p/<slug:slug>/indicators/", views.indicator_list, name="indicators"),
    path("p/<slug:slug>/priorities/<int:number>/", views.priority, name="priority"),
]
