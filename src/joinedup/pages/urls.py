from django.contrib.auth import views as auth_views
from django.urls import path

from joinedup.pages import dashboard, views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("p/<slug:slug>/strategy/", views.strategy, name="strategy"),
    path("p/<slug:slug>/partners/", views.partners, name="partners"),
    path("p/<slug:slug>/actions/", views.action_list, name="actions"),
    path("p/<slug:slug>/actions/<int:pk>/", views.action_detail, name="action"),
]

urlpatterns += dashboard.urlpatterns
