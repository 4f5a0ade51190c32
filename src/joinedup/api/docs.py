"""The interactive API docs (Swagger UI) served from ninja's bundled files: no CDN, works offline.

ninja renders its bundled-asset page only when "ninja" is in INSTALLED_APPS,
and falls back to a CDN otherwise. This page links to the same files, served
by `docs_asset` from the installed ninja package, so neither is needed.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from ninja.openapi.docs import Swagger

ASSET_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
    "favicon.svg": "image/svg+xml",
}

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{assets}swagger-ui.css">
<link rel="icon" href="{assets}favicon.svg" type="image/svg+xml">
</head>
<body data-csrf-token="{csrf}" data-api-csrf="true">
<script type="application/json" id="swagger-settings">{settings}</script>
<main id="swagger-ui"></main>
<script src="{assets}swagger-ui-bundle.js"></script>
<script src="{assets}swagger-ui-init.js"></script>
</body>
</html>
"""


class BundledSwagger(Swagger):
    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = self.settings | {"url": self.get_openapi_url(api, kwargs)}
        assets = reverse("api-docs-asset", kwargs={"name": "x"})[:-1]
        page = PAGE.format(title=escape(api.title), assets=escape(assets), csrf=escape(get_token(request)),
                           settings=json.dumps(settings).replace("</", "<\\/"))
        return HttpResponse(page)


def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    """One of the few Swagger UI files, by exact name (nothing else in the package is reachable)."""
    if name not in ASSETS:
        raise Http404("No such asset")
    return FileResponse((ASSET_DIR / name).open("rb"), content_type=ASSETS[name])
