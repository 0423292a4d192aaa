"""Abstract page parts shared by the apps' page types, each carrying its own admin panels."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager


class IndexPageMixin(models.Model):
    """A listing page's shell: an introduction above its children, one such page per parent."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    # Page's manager, declared because Wagtail is untyped: the Django mypy plugin cannot
    # find the manager of a model that mixes in a typed model with an untyped Page.
    objects: ClassVar[PageManager]

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    """An optional image at the top of the page, with the description read out in its place."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(_("hero image description"), max_length=250, blank=True)

    hero_image_panels = [
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], _("Image"))
    ]

    class Meta:
        abstract = True
