"""Production: every secret from the environment, HTTPS only, PostgreSQL expected.

`JOINEDUP_SECRET_KEY` and `JOINEDUP_ALLOWED_HOSTS` must be set; there are no
defaults so a forgotten variable stops the server instead of weakening it.
"""

from joinedup.settings import env
from joinedup.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.text("JOINEDUP_SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
    raise env.ImproperEnvironment("JOINEDUP_SECRET_KEY must be at least 50 random characters")
ALLOWED_HOSTS = env.word_list("JOINEDUP_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise env.ImproperEnvironment("JOINEDUP_ALLOWED_HOSTS must list the host names served")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

SECURE_SSL_REDIRECT = env.flag("JOINEDUP_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("JOINEDUP_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several workers or hosts: rate-limit counters must be shared between them.
CACHES = caches_for(env.choice("JOINEDUP_CACHE", ("memory", "database"), "database"))  # noqa: F405

EMAIL_BACKEND = env.text("JOINEDUP_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
