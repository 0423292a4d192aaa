"""Builds the demo page trees in English and Japanese. Safe to run again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.html import format_html
from wagtail.models import Collection, Locale, Page, Site

from club.demo.events import demo_agenda, demo_event_fields
from club.demo.news import seed_tag_names
from club.demo.pages import content
from club.demo.pages.images import demo_image
from club.events.models import EventIndexPage, EventPage
from club.members.models import Chapter
from club.news.models import NewsIndexPage, NewsPage
from club.pages.models import (
    HomeKeyFigure,
    HomePage,
    ProgrammeIndexPage,
    ProgrammePage,
    StandardPage,
)

Report = Callable[[str], None]


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _fill_empty(page: Page, initial: dict[str, Any] | None) -> bool:
    """Give ``page`` each ``initial`` value it lacks (live and in any draft); True if any."""
    missing = {name: value for name, value in (initial or {}).items() if not getattr(page, name)}
    if missing and page.has_unpublished_changes:  # an editor's draft may have filled it
        draft = page.get_latest_revision_as_object()
        missing = {name: value for name, value in missing.items() if not getattr(draft, name)}
    missing = {name: value for name, value in missing.items() if value}
    for name, value in missing.items():
        setattr(page, name, value)
    return bool(missing)


def _upsert_child(
    parent: Page,
    model: type[Page],
    slug: str,
    fields: dict[str, Any],
    initial: dict[str, Any] | None = None,
) -> Page:
    """The child of ``parent`` with ``slug``, created or brought up to date.

    ``initial`` fields (stream bodies) are written on creation, and later only
    while the page still has them empty, so a re-run fills what is missing but
    neither clobbers editors' changes nor piles up revisions.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields, **(initial or {}))
        parent.add_child(instance=page)
        _publish(page)
        return page
    changed = _fill_empty(page, initial) or not page.live
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if changed:
        _publish(page)
    return page


def _upsert_translation(
    page: Page,
    locale: Locale,
    fields: dict[str, Any],
    initial: dict[str, Any] | None = None,
) -> Page:
    """``page``'s translation into ``locale``; ``fields`` and ``initial`` as for _upsert_child."""
    translation = page.get_translation_or_none(locale)
    created = translation is None
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    changed = not translation.live
    if created:  # the copy carries the source's bodies: overwrite them
        fields = {**fields, **(initial or {})}
    else:
        changed = _fill_empty(translation, initial) or changed
    for name, value in fields.items():
        if getattr(translation, name) != value:
            setattr(translation, name, value)
            changed = True
    if changed:
        _publish(translation)
    return translation


def _locales() -> tuple[Locale, Locale]:
    en, _ = Locale.objects.get_or_create(language_code="en")
    ja, _ = Locale.objects.get_or_create(language_code="ja")
    if Collection.get_first_root_node() is None:  # a flushed database has no root collection
        Collection.add_root(name="Root")
    return en, ja


def _home(en: Locale) -> HomePage:
    """The English home page, made the default site's root in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (transactional tests) has no tree at all
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=en))
    home: HomePage | None = HomePage.objects.filter(depth=2, locale=en).first()
    placeholder = root.get_children().filter(slug="home").exclude(pk=home.pk if home else None)
    placeholder = placeholder.first()
    if placeholder is not None:
        # Free its slug; it is deleted once the site no longer points at it.
        placeholder.slug = "welcome-placeholder"
        placeholder.save()
    if home is None:
        home = HomePage(
            slug="home",
            locale=en,
            hero_image=demo_image("Sakura Science Club hero", 0),
            **content.HOME["en"],
        )
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Sakura Science Club"
        site.save()
    if placeholder is not None and not placeholder.get_children().exists():
        placeholder.delete()
    figures = [(value, label) for value, label, _ in content.KEY_FIGURES]
    _set_key_figures(home, figures)
    return home


def _set_key_figures(home: HomePage, figures: list[tuple[str, str]]) -> None:
    if [(f.value, f.label) for f in home.key_figures.all()] != figures:
        home.key_figures.set([HomeKeyFigure(value=v, label=label) for v, label in figures])
        _publish(home)


def _chapters() -> dict[str, Chapter]:
    chapters = {}
    for slug, name, name_ja, country in content.CHAPTERS:
        chapters[slug], _ = Chapter.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_ja": name_ja, "country": country}
        )
    return chapters


@transaction.atomic
def seed_site(report: Report) -> None:
    """Create or refresh every demo page, in English and Japanese."""
    en, ja = _locales()
    home = _home(en)
    home_ja = _upsert_translation(home, ja, content.HOME["ja"])
    _set_key_figures(home_ja, [(value, label_ja) for value, _, label_ja in content.KEY_FIGURES])
    report("home pages")

    chapters = _chapters()
    report(f"{len(chapters)} chapters")

    about = content.ABOUT
    about_page = _upsert_child(
        home,
        StandardPage,
        about["slug"],
        {"title": about["en"]["title"], "intro": about["en"]["intro"], "show_in_menus": True},
        initial={"body": _body(about["en"]["paragraphs"], about["en"]["quote"])},
    )
    _upsert_translation(
        about_page,
        ja,
        {"title": about["ja"]["title"], "intro": about["ja"]["intro"]},
        initial={"body": _body(about["ja"]["paragraphs"], about["ja"]["quote"])},
    )

    sections = {}
    for key, model in (
        ("programmes", ProgrammeIndexPage),
        ("news", NewsIndexPage),
        ("events", EventIndexPage),
    ):
        title, intro = content.SECTIONS[key]["en"]
        page = _upsert_child(
            home, model, key, {"title": title, "intro": intro, "show_in_menus": True}
        )
        title_ja, intro_ja = content.SECTIONS[key]["ja"]
        _upsert_translation(page, ja, {"title": title_ja, "intro": intro_ja})
        sections[key] = page
    report("section pages")

    for programme in content.PROGRAMMES:
        fields: dict[str, Any] = {"programme": programme["programme"], **programme["en"]}
        page = _upsert_child(sections["programmes"], ProgrammePage, programme["slug"], fields)
        _upsert_translation(page, ja, programme["ja"])
    report(f"{len(content.PROGRAMMES)} programme pages")

    for number, news in enumerate(content.NEWS, start=1):
        title, intro = news["en"]
        fields = {
            "title": title,
            "intro": intro,
            "date": news["date"],
            "chapter": chapters.get(news["chapter"] or ""),
            "hero_image": demo_image(f"News: {title}", number),
            "hero_image_alt": "",
        }
        page = _upsert_child(
            sections["news"],
            NewsPage,
            news["slug"],
            fields,
            initial={"body": _body(news["body"]["en"])},
        )
        if sorted(t.name for t in page.tags.all()) != sorted(news["tags"]):
            page.tags.set(news["tags"], clear=True)
            _publish(page)
        title_ja, intro_ja = news["ja"]
        translation = _upsert_translation(
            page,
            ja,
            {"title": title_ja, "intro": intro_ja},
            initial={"body": _body(news["body"]["ja"])},
        )
        if sorted(t.name for t in translation.tags.all()) != sorted(news["tags"]):
            translation.tags.set(news["tags"], clear=True)
            _publish(translation)
    report(f"{len(content.NEWS)} news items")
    seed_tag_names(report)

    for event in content.EVENTS:
        logistics = demo_event_fields(event["slug"])
        title, summary, venue, address = event["en"]
        fields = {
            "title": title,
            "summary": summary,
            "venue": venue,
            "address": address,
            "start": event["start"],
            "end": event["end"],
            "time_zone": event["time_zone"],
            "chapter": chapters.get(event["chapter"] or ""),
            **logistics,
        }
        page = _upsert_child(
            sections["events"],
            EventPage,
            event["slug"],
            fields,
            initial={"agenda": demo_agenda(event["slug"], "en")},
        )
        title_ja, summary_ja, venue_ja, address_ja = event["ja"]
        _upsert_translation(
            page,
            ja,
            {
                "title": title_ja,
                "summary": summary_ja,
                "venue": venue_ja,
                "address": address_ja,
                **logistics,
            },
            initial={"agenda": demo_agenda(event["slug"], "ja")},
        )
    report(f"{len(content.EVENTS)} events")

    # Fresh copies: the in-memory homes have stale tree counters after children were added.
    for locale in (en, ja):
        programmes = sections["programmes"].get_translation(locale)
        home_page = HomePage.objects.get(pk=home.get_translation(locale).pk)
        if home_page.hero_cta_page_id != programmes.pk:
            home_page.hero_cta_page = programmes
            _publish(home_page)


def _body(paragraphs: list[str], quote: tuple[str, str] | None = None) -> list[tuple[str, Any]]:
    """A BodyBlock stream: the paragraphs as escaped rich text, a quote after the first."""
    body: list[tuple[str, Any]] = [("paragraph", format_html("<p>{}</p>", p)) for p in paragraphs]
    if quote is not None:
        text, attribution = quote
        body.insert(1, ("quote", {"text": text, "attribution": attribution}))
    return body
