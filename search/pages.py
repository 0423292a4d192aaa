"""Site search over Wagtail pages, including languages written without spaces."""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db import models
from django.db.models import Q
from wagtail.models import Locale, Page, PageQuerySet, get_page_models
from wagtail.search import index
from wagtail.search.backends.base import BaseSearchResults

from club.bounds import one_line
from club.text import written_without_spaces

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Collapse whitespace, drop control characters and cap the length."""
    return one_line(raw)[:MAX_QUERY_LENGTH]


def search_pages(query: str, locale: Locale) -> PageQuerySet | BaseSearchResults:
    """Live public pages in ``locale`` matching ``query``, best first."""
    pages = Page.objects.live().public().filter(locale=locale)
    # Word-based full text (SQLite FTS5, PostgreSQL) never finds a word inside a sentence
    # of such a script, so those searches look for the text anywhere.
    if written_without_spaces(query):
        return pages.filter(pk__in=_substring_matches(query.split())).specific().order_by("-pk")
    return pages.specific().search(query)


def _text_fields(model: type[Page]) -> list[str]:
    names = []
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except Exception:  # noqa: S112 - search fields may name methods, not columns
            continue
        if isinstance(model_field, models.CharField | models.TextField):
            names.append(field.field_name)
    return names


def _substring_matches(terms: list[str]) -> set[int]:
    """Primary keys of pages whose searchable text fields contain every term."""
    matches: set[int] = set()
    for model in get_page_models():
        fields = _text_fields(model)
        if not fields:
            continue
        per_term = [reduce(or_, (Q(**{f"{f}__icontains": t}) for f in fields)) for t in terms]
        matches.update(model.objects.filter(reduce(and_, per_term)).values_list("pk", flat=True))
    return matches
