"""The live Q&A of a reunion: finding it from either translation of the event, and starting it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from club.events.models import EventPage
from club.members.roles import coordinated_ids, moderates_all_qa
from club.qa.models import QuestionChannel
from club.qa.services import NotAllowed


def channels_for_event(event: EventPage) -> QuerySet[QuestionChannel]:
    """The event's channels, whichever language version of the page they were attached to."""
    return QuestionChannel.objects.filter(event__translation_key=event.translation_key)


def can_start(user: Any, event: EventPage) -> bool:
    """JST staff, and the coordinators of the hosting chapter, may open an event's live Q&A."""
    if moderates_all_qa(user):
        return True
    # coordinated_ids reads the roles already loaded with the member: no query of its own.
    return event.chapter_id is not None and event.chapter_id in coordinated_ids(user)


def _unique_slug(base: str) -> str:
    base = slugify(base)[:70] or "live-qa"
    slug, number = base, 2
    while QuestionChannel.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _title_in(event: EventPage, language: str) -> str:
    locale = Locale.objects.filter(language_code=language).first()
    translation = event.get_translation_or_none(locale) if locale else None
    return translation.title if translation is not None else ""


def start_event_channel(user: Any, event: EventPage) -> tuple[QuestionChannel, bool]:
    """The event's live Q&A channel, created if it has none yet; True when it was created."""
    if not can_start(user, event):
        raise NotAllowed(_("Only the hosting chapter's coordinators and JST staff can do that."))
    existing = channels_for_event(event).first()
    if existing is not None:
        return existing, False
    default_language = settings.LANGUAGE_CODE
    channel = QuestionChannel.objects.create(
        title=_title_in(event, default_language) or event.title,
        title_ja=_title_in(event, "ja"),
        slug=_unique_slug(f"{event.slug}-qa"),
        description=event.summary,
        event=event,
    )
    return channel, True
