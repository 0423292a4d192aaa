"""Local development: the embedded defaults, debug on."""

from club.settings.base import *  # noqa: F403
from club.settings.env import env_bool

DEBUG = env_bool("DEBUG", default=True)
