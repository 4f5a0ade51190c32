"""Development and demo: the embedded SQLite database, debug pages on request."""

from joinedup.settings.base import *  # noqa: F403
from joinedup.settings import env

DEBUG = env.flag("JOINEDUP_DEBUG", True)
