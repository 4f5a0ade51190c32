"""Pages for a person's own API tokens, under /account/tokens/ (include with namespace "api_tokens")."""

from django.urls import path

from joinedup.api import views

app_name = "api_tokens"

urlpatterns = [
    path("account/tokens/", views.tokens, name="tokens"),
    path("account/tokens/new/", views.created, name="created"),
    path("account/tokens/<int:pk>/revoke/", views.revoke, name="revoke"),
]
