"""The club's editorial pages: home, standard content and the programme guide."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from club.content_blocks import BodyBlock
from club.events.models import EventPage
from club.members.programmes import Programme
from club.news.models import NewsPage
from club.page_mixins import IndexPageMixin
from club.page_routes import OneChildTypeRouteMixin
from club.pages.site_lookup import LocalizedFromSiteLookupMixin
from club.public_pages import ViewRestrictionsInOneQueryMixin, restricted_q


class HomePage(LocalizedFromSiteLookupMixin, ViewRestrictionsInOneQueryMixin, Page):
    """The club's front door: hero, key numbers, latest news and upcoming events."""

    hero_title = models.CharField(_("hero title"), max_length=150)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel("key_figures", label=_("Key figures"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_intro")]
    subpage_types = [
        "pages.StandardPage",
        "pages.ProgrammeIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("hero_image", "chapter")
            .order_by("-date")[:3]
        )
        upcoming = EventPage.objects.upcoming(self.locale_id, timezone.now())
        context["upcoming_events"] = upcoming.select_related("chapter")[:3]
        return context


class HomeKeyFigure(Orderable):
    """A headline number on the home page, such as '43,000 alumni'."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("value"), max_length=20)
    label = models.CharField(_("label"), max_length=120)

    panels = [FieldPanel("value"), FieldPanel("label")]


class StandardPage(ViewRestrictionsInOneQueryMixin, Page):
    """A general content page built from body blocks."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class ProgrammeIndexPage(
    IndexPageMixin, OneChildTypeRouteMixin, ViewRestrictionsInOneQueryMixin, Page
):
    """The guide to every Sakura Science programme."""

    subpage_types = ["pages.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["programmes"] = ProgrammePage.objects.child_of(self).live().exclude(restricted_q())
        return context


class ProgrammePage(ViewRestrictionsInOneQueryMixin, Page):
    """One programme, such as Course A or the High School Program, with its limits."""

    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    summary = models.TextField(_("summary"))
    duration = models.CharField(_("length of stay"), max_length=120)
    group_size = models.CharField(_("group size"), max_length=200, blank=True)
    eligibility = models.CharField(_("who can take part"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("programme"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("duration"), FieldPanel("group_size"), FieldPanel("eligibility")],
            heading=_("Key facts"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("programme"),
    ]
    parent_page_types = ["pages.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme page")
