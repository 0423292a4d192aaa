"""Reunions and meetings organised by chapters. RSVP and live Q&A build on these pages."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager, PageQuerySet
from wagtail.search import index

from club.pages.blocks import BodyBlock


def validate_time_zone(value: str) -> None:
    # Not model choices: the tz database changes between machines and would churn migrations.
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, locale: Locale, now: datetime) -> EventPageQuerySet:
        return self.live().public().filter(locale=locale, end__gte=now).order_by("start")

    def past(self, locale: Locale, now: datetime) -> EventPageQuerySet:
        return self.live().public().filter(locale=locale, end__lt=now).order_by("-start")


class EventIndexPage(Page):
    """Upcoming and past reunions."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = EventPage.objects.child_of(self).select_related("chapter")
        context["upcoming_events"] = events.upcoming(self.locale, now)
        context["past_events"] = events.past(self.locale, now)[:12]
        return context


class EventPage(Page):
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
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    address = models.TextField(_("address"), blank=True)
    chapter = models.ForeignKey(
        "members.Chapter",
        verbose_name=_("hosting chapter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address")], heading=_("Where")),
        FieldPanel("chapter"),
        FieldPanel("body"),
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
