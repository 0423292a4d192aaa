"""Writing events from the organisers' form into Wagtail pages, in both languages.

Each save publishes a new revision of the English page and of its Japanese
translation (created on first save), so Wagtail's history shows who changed what.
Japanese text falls back to the English when left empty. Publishing seats people from
the waitlist when the capacity grew (club.events.signals).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from club.events.models import EventIndexPage, EventPage

# Fields with the same value in every language (logistics); the rest is per language.
SHARED_FIELDS = (
    "chapter",
    "time_zone",
    "start",
    "end",
    "rsvp_deadline",
    "capacity",
    "mode",
    "address",
    "map_url",
    "join_url",
    "report",
)


# The event listing's own routes; an event with one of these slugs could not be reached.
RESERVED_SLUGS = frozenset({"manage", "calendar"})


def _slug(title: str) -> str:
    slug = slugify(title)[:200] or "event"
    return f"{slug}-event" if slug in RESERVED_SLUGS else slug


def event_versions(event: EventPage) -> dict[str, EventPage]:
    """The event's language versions by language code."""
    versions = EventPage.objects.filter(translation_key=event.translation_key).select_related(
        "locale"
    )
    return {page.locale.language_code: page for page in versions}


def _language_fields(data: dict[str, Any], language: str) -> dict[str, Any]:
    def pick(name: str) -> Any:
        return data.get(f"{name}_{language}") or data.get(f"{name}_en")

    return {
        "title": pick("title"),
        "summary": pick("summary"),
        "venue": pick("venue") or "",
        "agenda": pick("agenda") or [],
    }


def _image(data: dict[str, Any], user: Any) -> Any:
    upload = data.get("image")
    if not upload:
        return None
    image = get_image_model()(
        title=data.get("image_alt") or data["title_en"],
        file=upload,
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    image.save()
    return image


def _publish(page: EventPage, user: Any) -> None:
    # Coordinators have no Wagtail page permissions: club.events.permissions decided already,
    # and the revision still records them as its author.
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)


@transaction.atomic
def save_event(
    index: EventIndexPage, data: dict[str, Any], user: Any, event: EventPage | None = None
) -> EventPage:
    """Create or update the event from the form's cleaned data; returns the English page."""
    default_language = settings.LANGUAGE_CODE
    shared = {name: data.get(name) for name in SHARED_FIELDS}
    image = _image(data, user)
    if image is not None:
        shared["hero_image"] = image
    if image is not None or data.get("image_alt"):
        shared["hero_image_alt"] = data.get("image_alt", "")

    versions = event_versions(event) if event else {}
    original = versions.get(default_language)
    done: set[str] = set()
    if original is None and event is not None:
        original = event.canonical
    elif original is None:
        parent = index.get_translation(Locale.objects.get(language_code=default_language))
        original = EventPage(
            locale=parent.locale,
            slug=find_available_slug(parent, _slug(data["title_en"])),
            owner=user,
            **shared,
            **_language_fields(data, default_language),
        )
        parent.add_child(instance=original)
        _publish(original, user)
        versions[default_language] = original
        done.add(default_language)
    for language, _name in settings.LANGUAGES:
        if language in done:
            continue
        page = versions.get(language)
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        if page is None:
            if index.get_translation_or_none(locale) is None:
                continue  # no event listing in that language to hold the page
            page = original.copy_for_translation(locale).specific
        fields = {**shared, **_language_fields(data, language)}
        for name, value in fields.items():
            setattr(page, name, value)
        _publish(page, user)
    return EventPage.objects.get(pk=original.pk)
