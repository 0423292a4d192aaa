"""Site chrome: navigation and the language switcher."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from club.members.roles import coordinated, sees_all_outcomes
from club.news.models import NewsIndexPage

register = template.Library()


def _localized_root(request: Any) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


@register.simple_tag(takes_context=True)
def main_nav(context: dict[str, Any]) -> list[Page]:
    """The current language's top-level pages that are marked 'show in menus'."""
    root = _localized_root(context["request"])
    if root is None:
        return []
    return list(root.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def home_url(context: dict[str, Any]) -> str:
    root = _localized_root(context["request"])
    return root.url if root is not None else "/"


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """One link per language that leads to the same page in that language.

    A Wagtail page links to its translation; any other view keeps its path and
    query string under the other language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            locale = Locale.objects.filter(language_code=code).first()
            translation = page.get_translation_or_none(locale) if locale else None
            if translation is not None and translation.live:
                url = translation.get_url(request)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def news_feeds(context: dict[str, Any]) -> list[dict[str, str]]:
    """The news feeds of the current language, advertised on every page (<link rel=alternate>)."""
    root = _localized_root(context["request"])
    if root is None:
        return []
    index = NewsIndexPage.objects.descendant_of(root).live().public().first()
    if index is None:
        return []
    base = index.get_url(context["request"]) or ""
    return [
        {
            "type": f"application/{kind}+xml",
            "title": f"{index.title} ({label})",
            "url": base + index.reverse_subpage(kind),
        }
        for kind, label in (("rss", "RSS"), ("atom", "Atom"))
    ]


@register.simple_tag(takes_context=True)
def outcomes_url(context: dict[str, Any]) -> str:
    """Where the signed-in user sees re-visit figures: the dashboard for JST staff, their
    chapters for coordinators; '' for everyone else."""
    user = context["request"].user
    if not user.is_authenticated:
        return ""
    if sees_all_outcomes(user):
        return reverse("outcomes-admin:dashboard")
    return reverse("outcomes:index") if coordinated(user).exists() else ""
