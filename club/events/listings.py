"""The event listing's filters (chapter and country), read from the query string."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django_countries import countries

from club.events.models import EventPageQuerySet
from club.members.models import Chapter

PAST_PER_PAGE = 12
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class EventFilter:
    """The chosen chapter and country; unknown values are a 404, never a silent 'all'."""

    chapter: Chapter | None = None
    country: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> EventFilter:
        chapter = None
        slug = query.get("chapter", "").strip()
        if slug:
            if not _SLUG.match(slug):
                raise Http404("Unknown chapter")
            chapter = Chapter.objects.filter(slug=slug).first()
            if chapter is None:
                raise Http404("Unknown chapter")
        country = query.get("country", "").strip()
        if country:
            if not _COUNTRY.match(country) or not countries.alpha2(country.upper()):
                raise Http404("Unknown country")
            country = country.upper()
        return cls(chapter=chapter, country=country)

    @property
    def is_active(self) -> bool:
        return self.chapter is not None or bool(self.country)

    @property
    def query_string(self) -> str:
        """The filters as a query string, to keep them across pagination links."""
        params = {"chapter": self.chapter.slug if self.chapter else "", "country": self.country}
        return urlencode({name: value for name, value in params.items() if value})

    def apply(self, events: EventPageQuerySet) -> EventPageQuerySet:
        if self.chapter is not None:
            events = events.hosted_by(self.chapter)
        if self.country:
            events = events.in_country(self.country)
        return events


def host_chapters(events: EventPageQuerySet) -> QuerySet[Chapter]:
    """Chapters that host at least one of ``events`` (the filter's choices)."""
    return Chapter.objects.filter(pk__in=events.values("chapter")).order_by("name")


def host_countries(chapters: QuerySet[Chapter]) -> list[tuple[str, str]]:
    """(code, localised name) of the chapters' countries, sorted by name."""
    # Iterating (not values_list) fills the queryset's cache, which the template reuses.
    codes = {str(chapter.country) for chapter in chapters if chapter.country}
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1])
