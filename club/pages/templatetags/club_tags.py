"""Site chrome: navigation, the language switcher and the editors' links into the admin."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from club.members.roles import coordinates_a_chapter, sees_all_outcomes, uses_the_admin
from club.news.models import NewsIndexPage
from club.pages.chrome import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav(context: dict[str, Any]) -> list[Page]:
    """The current language's top-level pages that are marked 'show in menus'."""
    return chrome_for(context).menu_pages


@register.simple_tag(takes_context=True)
def home_url(context: dict[str, Any]) -> str:
    root = chrome_for(context).root
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
    translations = chrome_for(context).translations(page) if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if (translation := translations.get(code)) is not None:
            url = translation.get_url(request)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def news_feeds(context: dict[str, Any]) -> list[dict[str, str]]:
    """The news feeds of the current language, advertised on every page (<link rel=alternate>)."""
    index = chrome_for(context).news_index
    if index is None:
        return []
    base = index.get_url(context["request"]) or ""
    return [
        {
            "type": f"application/{kind}+xml",
            "title": f"{index.title} ({label})",
            # The chrome's index is a plain Page: the feed routes are the class's.
            "url": base + NewsIndexPage.get_resolver().reverse(kind),
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
    return reverse("outcomes:index") if coordinates_a_chapter(user) else ""


@register.inclusion_tag("includes/edit_bar.html", takes_context=True)
def edit_bar(context: dict[str, Any]) -> dict[str, Any]:
    """Links into the admin for people who may use it, in place of Wagtail's user bar.

    Wagtail's bar asks five queries of its own on every page (the editor's profile twice,
    their page permissions, the workflow state twice); this asks only the permission set the
    header has already loaded. The admin's edit view still checks the page's permissions.
    """
    request = context["request"]
    if getattr(request, "is_preview", False) or not uses_the_admin(request.user):
        return {"show": False}
    page = context.get("page")
    return {"show": True, "page": page if isinstance(page, Page) and page.pk else None}
