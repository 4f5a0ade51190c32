"""Development and demo: the embedded SQLite database; debug pages only when asked for.

Debug pages stay off unless JOINEDUP_DEBUG=true, so `joinedup serve` with these
settings never shows tracebacks or settings to a visitor by accident.
"""

from joinedup.settings import env
from joinedup.settings.base import *  # noqa: F403

DEBUG = env.flag("JOINEDUP_DEBUG", False)

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
