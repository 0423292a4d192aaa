"""Alumni data. The chapter is here first because news and events point at it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Chapter(models.Model):
    """A regional alumni association, such as the India chapter with its New Delhi meeting."""

    name = models.CharField(_("name"), max_length=120)
    name_ja = models.CharField(_("name in Japanese"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = CountryField(_("country"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        if self.name_ja and (get_language() or "").startswith("ja"):
            return self.name_ja
        return self.name
