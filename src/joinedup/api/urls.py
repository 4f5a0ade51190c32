from django.urls import path

from joinedup.api.docs import docs_asset
from joinedup.api.routes import api

urlpatterns = [
    path("docs-assets/<str:name>", docs_asset, name="api-docs-asset"),
    path("", api.urls),
]
