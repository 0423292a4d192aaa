"""News and activity reports, in English and Japanese."""

from __future__ import annotations

from typing import ClassVar, cast

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.search import index

from club.bilingual import is_japanese, pick
from club.bounds import one_line
from club.content_blocks import BodyBlock
from club.news.tag_widget import LabelledTagWidget
from club.page_mixins import HeroImageMixin, IndexPageMixin
from club.page_routes import OneChildTypeRouteMixin, RoutesByPathMixin
from club.pagination import page_or_404
from club.public_pages import PublicPageQuerySet, ViewRestrictionsInOneQueryMixin

NEWS_PER_PAGE = 10


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged")

    # taggit's TaggedItemBase is untyped, so the Django plugin does not see a model here;
    # declared so it can type the reverse relation NewsPage.tagged.
    _default_manager: ClassVar[models.Manager[NewsPageTag]]


class NewsTagName(models.Model):
    """A news tag's name in Japanese, given by editors.

    Both language trees share one set of tags (so ``?tag=forum`` filters either listing
    and a translation keeps its tags); only the name shown changes with the language.
    """

    tag = models.OneToOneField(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="japanese_name"
    )
    name_ja = models.CharField(_("name in Japanese"), max_length=100)

    class Meta:
        ordering = ["tag__name"]
        verbose_name = _("tag name in Japanese")
        verbose_name_plural = _("tag names in Japanese")

    def __str__(self) -> str:
        return f"{self.tag.name}: {self.name_ja}"


def localized_tag_name(tag: Tag) -> str:
    """The tag's name in the active language: its Japanese name on Japanese pages, if any."""
    # taggit is untyped: Tag and its reverse relation japanese_name are Any to mypy.
    name = cast(str, tag.name)
    if not is_japanese():
        return name
    try:
        return pick(name, tag.japanese_name.name_ja)
    except NewsTagName.DoesNotExist:
        return name


class SourceSlugMixin:
    """Translations keep the slug of the page in the default language.

    Wagtail's admin re-derives the slug of a never-published page from its title, so a
    Japanese title turned the copy's slug into percent-encoded kanji; /en/news/x/ and
    /ja/news/x/ must stay the same article.
    """

    def source_slug(self) -> str | None:
        """The default-language page's slug, or None if this is that page (or has none)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:  # type: ignore[attr-defined]
            return None
        source = self.get_translation_or_none(default)  # type: ignore[attr-defined]
        return source.slug if source is not None else None

    def clean(self) -> None:
        # Before Page.clean, which checks that the slug is free under the parent.
        if (slug := self.source_slug()) is not None:
            self.slug = slug
        super().clean()  # type: ignore[misc]


class NewsPageQuerySet(PublicPageQuerySet):
    def published_in(self, index_page: Page) -> NewsPageQuerySet:
        """Live, public news under ``index_page``, newest first."""
        return cast(
            NewsPageQuerySet, self.child_of(index_page).live().public().order_by("-date", "-pk")
        )


class NewsIndexPage(
    SourceSlugMixin,
    IndexPageMixin,
    RoutesByPathMixin,
    OneChildTypeRouteMixin,
    ViewRestrictionsInOneQueryMixin,
    Page,
):
    """The news listing with tag filtering, pagination and RSS/Atom feeds."""

    subpage_routes = "club.news.feeds.FEED_ROUTES"
    subpage_types = ["news.NewsPage"]
    child_related = ("chapter", "hero_image")

    class Meta:
        verbose_name = _("news index page")

    def news(self) -> NewsPageQuerySet:
        return cast(NewsPageQuerySet, NewsPage.objects.published_in(self))

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        items = self.news().select_related("hero_image", "chapter").prefetch_related("tags")
        # one_line: a slug has no control characters, and PostgreSQL refuses a NUL (a 500).
        tag = one_line(request.GET.get("tag", ""))
        current_tag = None
        if tag:
            current_tag = Tag.objects.select_related("japanese_name").filter(slug=tag[:100]).first()
            if current_tag is None:
                raise Http404("Unknown tag")
            items = items.filter(tags=current_tag)
        page_obj = page_or_404(items, request.GET.get("page"), NEWS_PER_PAGE)
        response: HttpResponse = self.render(
            request,
            context_overrides={
                "news_page": page_obj,
                "current_tag": current_tag,
                "all_tags": Tag.objects.filter(
                    news_newspagetag_items__content_object__in=self.news()
                )
                .select_related("japanese_name")
                .distinct(),
            },
        )
        return response


class NewsPage(SourceSlugMixin, HeroImageMixin, ViewRestrictionsInOneQueryMixin, Page):
    """One news item or activity report, optionally hosted by a chapter."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=500)
    chapter = models.ForeignKey(
        "members.Chapter",
        verbose_name=_("hosting chapter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    # Wagtail's PageManager is untyped, so the Django plugin cannot resolve this manager; it
    # falls back to a Manager[NewsPage] (Django's methods typed, the queryset's own Any).
    objects = PageManager.from_queryset(NewsPageQuerySet)()  # type: ignore[django-manager-missing]
    # For the same reason, so the plugin can type reverse relations such as Chapter.news.
    _default_manager: ClassVar[models.Manager[NewsPage]]

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        *HeroImageMixin.hero_image_panels,
        FieldPanel("chapter"),
        FieldPanel("tags", widget=LabelledTagWidget),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news page")
        ordering = ["-date"]

    def tag_list(self) -> list[Tag]:
        """The page's tags with their Japanese names, for ``localized_tag_name``."""
        return list(self.tags.select_related("japanese_name"))
