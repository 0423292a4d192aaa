"""nginx's request-body caps in deploy/nginx/club.conf follow the site's own upload limits."""

from __future__ import annotations

import re

from django.conf import settings

from club.members.admin.roster import MAX_UPLOAD_BYTES as ROSTER_BYTES
from club.members.photos import MAX_PHOTO_BYTES
from tests.deploy.stack import NGINX_SITE

MB = 1024 * 1024


def cap(pattern: str) -> int:
    found = re.search(pattern, NGINX_SITE.read_text(), re.M)
    assert found, f"no client_max_body_size matching {pattern!r} in {NGINX_SITE.name}"
    return int(found.group(1)) * MB


def test_the_public_cap_fits_the_largest_photo_or_image_and_its_form():
    largest = max(MAX_PHOTO_BYTES, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)

    assert largest < cap(r"^    client_max_body_size (\d+)m;") <= largest + MB


def test_the_admin_cap_fits_the_largest_roster_and_its_form():
    admin = cap(r"location /admin/ \{[^}]*client_max_body_size (\d+)m;")

    assert ROSTER_BYTES < admin <= ROSTER_BYTES + MB
