"""Institutions in Japan and abroad, with aliases so one place is one facet value."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index

from club.bilingual import pick
from club.text import fold


class InstitutionKind(models.TextChoices):
    UNIVERSITY = "university", _("University or college")
    RESEARCH = "research", _("Research institute")
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Other")


class InstitutionQuerySet(models.QuerySet["Institution"]):
    def resolve(self, name: str) -> Institution | None:
        """The institution called ``name`` or known by it as an alias."""
        key = fold(name)
        if not key:
            return None
        return (
            self.filter(models.Q(normalised_name=key) | models.Q(aliases__normalised_name=key))
            .distinct()
            .first()
        )


class Institution(index.Indexed, ClusterableModel):
    """A university, institute, company or agency; canonical names in English and Japanese."""

    name = models.CharField(_("name in English"), max_length=200)
    name_ja = models.CharField(_("name in Japanese"), max_length=200, blank=True)
    normalised_name = models.CharField(max_length=200, unique=True, editable=False)
    country = CountryField(_("country"))
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=InstitutionKind.choices,
        default=InstitutionKind.UNIVERSITY,
    )

    objects = InstitutionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ja"),
        FieldPanel("country"),
        FieldPanel("kind"),
        InlinePanel("aliases", label=_("Aliases")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ja"),
        index.AutocompleteField("name"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return self.localized_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.normalised_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def localized_name(self) -> str:
        return pick(self.name, self.name_ja)


class InstitutionAlias(models.Model):
    """Another name for an institution, such as 'IIT Hyderabad'."""

    institution = ParentalKey(Institution, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    normalised_name = models.CharField(max_length=200, unique=True, editable=False)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.normalised_name = fold(self.name)
        super().save(*args, **kwargs)
