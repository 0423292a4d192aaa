"""Wagtail admin: editors give news tags their Japanese names."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from club.news.models import NewsTagName


class NewsTagNameViewSet(SnippetViewSet):
    """Snippets → Tag names in Japanese: one row per tag that has a Japanese name."""

    model = NewsTagName
    menu_label = _("Tag names in Japanese")
    icon = "tag"
    list_display = ["tag", "name_ja"]
    search_fields = ["name_ja"]
    panels = [FieldPanel("tag"), FieldPanel("name_ja")]


register_snippet(NewsTagNameViewSet)
