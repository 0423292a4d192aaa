"""Local development and the demo: the embedded defaults.

``make demo`` serves with ``DEBUG=false`` so that it looks like the product (styled error
pages, no technical 404); static files and uploads are still served by the site itself,
where production has a proxy in front.
"""

from club.settings.base import *  # noqa: F403
from club.settings.env import env_bool

DEBUG = env_bool("DEBUG", default=True)
# WhiteNoise serves static files from the apps' folders: no collectstatic for a demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
SERVE_MEDIA = True
