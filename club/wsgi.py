"""WSGI entry point, for plain HTTP servers; the site itself is served over ASGI."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "club.settings.dev")
application = get_wsgi_application()
