"""Wagtail's "public" filter (no view restriction on the page or an ancestor) as one subquery.

Wagtail's own ``PageQuerySet.public()`` first reads every restriction in a separate query,
once per queryset; listings and the site chrome ask it several times per page.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def restricted_q() -> Q:
    """Pages under a view restriction: the restricted page's path is a prefix of theirs."""
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return Q(Exists(restrictions))


class PublicPageQuerySet(PageQuerySet):
    """``public()``, ``private()`` and ``not_public()`` without the extra query."""

    def private_q(self) -> Q:
        return restricted_q()
