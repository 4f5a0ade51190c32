"""Settings shared by every environment.

The database is SQLite in a file under the working directory unless
`DATABASE_URL` names another (PostgreSQL in production); `JOINEDUP_DB_PATH`
moves the SQLite file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

from joinedup.settings import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = Path.cwd()

SECRET_KEY = env.text("JOINEDUP_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env.flag("JOINEDUP_DEBUG", False)
ALLOWED_HOSTS = env.word_list("JOINEDUP_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "joinedup.partners",
    "joinedup.accounts",
    "joinedup.strategy",
    "joinedup.actions",
    "joinedup.synergies",
    "joinedup.outcomes",
    "joinedup.api",
    "joinedup.landscape",
    "joinedup.assessment",
    "joinedup.publishing",
    "joinedup.monitoring",
    "joinedup.imports",
    "joinedup.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.integer("JOINEDUP_SIGNIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"

CACHE_TABLE = "joinedup_cache"


def caches_for(kind: str) -> dict:
    """Django CACHES for JOINEDUP_CACHE: "memory" (one process) or "database" (shared).

    The cache holds rate-limit counters (password reset), so with several web
    workers or hosts it must be shared: "database" keeps it in the database
    every worker already uses (its table is created on every `migrate`).
    """
    if kind == "database":
        return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                            "LOCATION": CACHE_TABLE}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


CACHES = caches_for(env.choice("JOINEDUP_CACHE", ("memory", "database"), "memory"))

ROOT_URLCONF = "joinedup.urls"
WSGI_APPLICATION = "joinedup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "joinedup.pages.jinja.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default="sqlite:///" + str(Path(env.text("JOINEDUP_DB_PATH", str(WORK_DIR / "joinedup.sqlite3")))),
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.text("JOINEDUP_STATIC_ROOT", str(WORK_DIR / "staticfiles")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]

LOGIN_URL = "pages:sign-in"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:sign-in"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = env.text("JOINEDUP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.text("JOINEDUP_EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("JOINEDUP_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("JOINEDUP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("JOINEDUP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env.flag("JOINEDUP_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.text("JOINEDUP_FROM_EMAIL", "joinedup@localhost")

JOINEDUP_BASE_URL = env.text("JOINEDUP_BASE_URL", "http://127.0.0.1:8000")
JOINEDUP_UPLOAD_DIR = env.text("JOINEDUP_UPLOAD_DIR", str(Path(tempfile.gettempdir()) / "joinedup-uploads"))

SILENCED_SYSTEM_CHECKS: list[str] = []
