"""Wagtail's view restrictions, each asked in one query.

Wagtail's own ``PageQuerySet.public()`` first reads every restriction in a separate query,
once per queryset; listings and the site chrome ask it several times per page. Serving a page
reads its ancestors, then their restrictions.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


def restricted_q() -> Q:
    """Pages under a view restriction: the restricted page's path is a prefix of theirs."""
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return Q(Exists(restrictions))


class PublicPageQuerySet(PageQuerySet):
    """``public()``, ``private()`` and ``not_public()`` without the extra query."""

    def private_q(self) -> Q:
        return restricted_q()


class ViewRestrictionsInOneQueryMixin:
    """``Page.get_view_restrictions`` (checked by Wagtail before serving a page) in one query:
    Wagtail's reads the ancestors first, then their restrictions. Aliases still use their
    source page's restrictions. List it before ``Page``."""

    path: str
    steplen: int

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        ends = range(self.steplen, len(self.path) + 1, self.steplen)
        lineage = Page.objects.filter(path__in=[self.path[:end] for end in ends])
        restrictions: QuerySet[PageViewRestriction] = PageViewRestriction.objects.filter(
            Q(page__in=lineage.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=lineage.filter(alias_of__isnull=False).values("alias_of"))
        )
        return restrictions
