"""Template helpers for news pages."""

from __future__ import annotations

from django import template
from taggit.models import Tag

from club.news.models import localized_tag_name

register = template.Library()


@register.filter
def tag_name(tag: Tag) -> str:
    """``{{ tag|tag_name }}``: the tag's name in the page's language."""
    return localized_tag_name(tag)
