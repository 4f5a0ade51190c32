from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("api/", include("joinedup.api.urls")),
    path("", include("joinedup.accounts.urls")),
    path("", include("joinedup.synergies.urls")),
    path("", include("joinedup.actions.urls")),
    path("", include("joinedup.strategy.urls")),
    path("", include("joinedup.partners.urls")),
    path("", include("joinedup.outcomes.urls")),
    path("", include("joinedup.landscape.urls")),
    path("", include("joinedup.assessment.urls")),
    path("", include("joinedup.publishing.urls")),
    path("", include("joinedup.imports.urls")),
    path("", include("joinedup.api.page_urls")),
    path("", include("joinedup.pages.urls")),
]
