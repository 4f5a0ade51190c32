"""The site's URLs plus the API token pages, for tests run before src/joinedup/urls.py includes them."""

from django.urls import include, path

from joinedup.urls import urlpatterns as site

included = any(getattr(pattern, "namespace", None) == "api_tokens" for pattern in site)
urlpatterns = site if included else [*site, path("", include("joinedup.api.page_urls"))]
