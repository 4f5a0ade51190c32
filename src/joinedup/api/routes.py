"""The JSON API (django-ninja); OpenAPI schema at /api/openapi.json, docs at /api/docs.

Every call is authenticated (bearer token or signed-in session, see
`joinedup.api.security`); partnership resources live under /api/p/{slug}/ and
are reached only through the caller's `Scope`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI

from joinedup.api.docs import BundledSwagger
from joinedup.api.endpoints import actions, analysis, decisions, framework, me, progress
from joinedup.api.security import API_AUTH

api = NinjaAPI(title="joinedup API", version="1", urls_namespace="api", auth=API_AUTH, docs=BundledSwagger())
api.add_router("", me.router)
api.add_router("", framework.router)
api.add_router("", actions.router)
api.add_router("", progress.router)
api.add_router("", analysis.router)
api.add_router("", decisions.router)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)
