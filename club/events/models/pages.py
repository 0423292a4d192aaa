"""Event pages: reunions and meetings organised by chapters, in English and Japanese.

The two language versions of an event are separate Wagtail pages; RSVPs, capacity,
the deadline and the join link belong to the original one (``EventPage.canonical``),
so a member who answers on /ja/ takes the same seat as one who answers on /en/.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any, ClassVar, cast

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.search import index

from club.content_blocks import BodyBlock
from club.events.blocks import AgendaBlock
from club.events.times import zone_label
from club.page_mixins import HeroImageMixin, IndexPageMixin
from club.page_routes import OneChildTypeRouteMixin, RoutesByPathMixin
from club.public_pages import PublicPageQuerySet, ViewRestrictionsInOneQueryMixin


def validate_time_zone(value: str) -> None:
    # Not model choices: the tz database changes between machines and would churn migrations.
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


class EventMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventPageQuerySet(PublicPageQuerySet):
    def upcoming(self, locale: Locale | int, now: datetime) -> EventPageQuerySet:
        return cast(
            EventPageQuerySet,
            self.live().public().filter(locale=locale, end__gte=now).order_by("start"),
        )

    def past(self, locale: Locale | int, now: datetime) -> EventPageQuerySet:
        return cast(
            EventPageQuerySet,
            self.live().public().filter(locale=locale, end__lt=now).order_by("-start"),
        )

    def hosted_by(self, chapter: Any) -> EventPageQuerySet:
        return cast(EventPageQuerySet, self.filter(chapter=chapter))

    def in_country(self, country_code: str) -> EventPageQuerySet:
        """Events whose hosting chapter is in the country (ISO 3166 alpha-2)."""
        return cast(EventPageQuerySet, self.filter(chapter__country=country_code))

    def with_original_id(self) -> EventPageQuerySet:
        """Each event with the pk of its original language version (``original_id``), so
        that ``canonical`` needs no query of its own for an original."""
        first = EventPage.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
        return cast(EventPageQuerySet, self.annotate(original_id=Subquery(first.values("pk")[:1])))


class EventIndexPage(
    IndexPageMixin,
    RoutesByPathMixin,
    OneChildTypeRouteMixin,
    ViewRestrictionsInOneQueryMixin,
    Page,
):
    """Upcoming and past reunions, filterable by chapter and country; the organisers' area."""

    subpage_routes = "club.events.views.routes.EVENT_INDEX_ROUTES"
    subpage_types = ["events.EventPage"]
    child_related = ("chapter", "hero_image", "report")

    class Meta:
        verbose_name = _("event index page")

    def routed_children(self, model: Any) -> EventPageQuerySet:
        # The event page shows its seats, which belong to the original (``canonical``).
        return cast(EventPageQuerySet, super().routed_children(model)).with_original_id()

    def events(self) -> EventPageQuerySet:
        return cast(
            EventPageQuerySet, EventPage.objects.child_of(self).select_related("chapter", "report")
        )


class EventPage(HeroImageMixin, RoutesByPathMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A reunion or meeting, such as the annual India alumni meeting in New Delhi."""

    summary = models.TextField(_("summary"), max_length=500)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Tokyo",
        validators=[validate_time_zone],
        help_text=_("An IANA zone such as Asia/Kolkata or Asia/Tokyo."),
    )
    mode = models.CharField(
        _("format"), max_length=12, choices=EventMode.choices, default=EventMode.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    address = models.TextField(_("address"), blank=True)
    map_url = models.URLField(_("map link"), max_length=500, blank=True)
    join_url = models.URLField(
        _("online join link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to members with a confirmed seat, and in their emails."),
    )
    chapter = models.ForeignKey(
        "members.Chapter",
        verbose_name=_("hosting chapter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit. When full, members join a waitlist."),
    )
    rsvp_deadline = models.DateTimeField(
        _("RSVP deadline"), null=True, blank=True, help_text=_("Leave empty to close at the start.")
    )
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    report = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("activity report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The news item reporting on this event, once it has happened."),
    )

    # Wagtail's PageManager is untyped, so the Django plugin cannot resolve this manager; it
    # falls back to a Manager[EventPage] (Django's methods typed, the queryset's own Any).
    objects = PageManager.from_queryset(EventPageQuerySet)()  # type: ignore[django-manager-missing]
    # For the same reason, so the plugin can type reverse relations such as Chapter.events.
    _default_manager: ClassVar[models.Manager[EventPage]]
    subpage_routes = "club.events.views.routes.EVENT_ROUTES"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("rsvp_deadline"),
                FieldPanel("capacity"),
            ],
            heading=_("When and how many"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("map_url"),
                FieldPanel("join_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("chapter"),
        *HeroImageMixin.hero_image_panels,
        FieldPanel("agenda"),
        FieldPanel("body"),
        FieldPanel("report"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event page")

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.rsvp_deadline and self.end and self.rsvp_deadline > self.end:
            raise ValidationError({"rsvp_deadline": _("The RSVP deadline must be before the end.")})

    @cached_property
    def canonical(self) -> EventPage:
        """The original language version, which holds the RSVPs of every translation."""
        if not self.pk or self.__dict__.get("original_id") == self.pk:
            return self  # (original_id: see EventPageQuerySet.with_original_id)
        first = (
            EventPage.objects.filter(translation_key=self.translation_key)
            .select_related("chapter")
            .order_by("pk")
            .first()
        )
        if first is None:
            return self
        first.__dict__["canonical"] = first  # the original is its own canonical version
        return first

    @property
    def rsvp_closes_at(self) -> datetime:
        return self.rsvp_deadline or self.start

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def time_zone_label(self) -> str:
        """The zone as people read it, e.g. "India Standard Time (UTC+5:30)", in the language."""
        return zone_label(self.time_zone, self.start)

    @property
    def is_online(self) -> bool:
        return self.mode in (EventMode.ONLINE, EventMode.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.mode in (EventMode.IN_PERSON, EventMode.HYBRID)

    def localized_report(self) -> Page | None:
        """The activity report in this page's language when translated, else the original."""
        if self.report is None or not self.report.live:
            return None
        if self.report.locale_id == self.locale_id:
            return self.report
        translated = self.report.get_translation_or_none(self.locale)
        return translated if translated is not None and translated.live else self.report
