"""Wagtail admin for members: each module registers its own hooks on import."""

from club.members.admin import approvals, revisit_import, roster, viewsets  # noqa: F401
