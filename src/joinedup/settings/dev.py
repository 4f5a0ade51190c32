"""Development and demo: the embedded SQLite database, debug pages on request."""

from joinedup.settings import env
from joinedup.settings.base import *  # noqa: F403

DEBUG = env.flag("JOINEDUP_DEBUG", True)

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
