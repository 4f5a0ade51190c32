"""WSGI entry point (gunicorn joinedup.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings.dev")
application = get_wsgi_application()
