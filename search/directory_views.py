"""The alumni directory page and its JSON endpoint, thin wrappers around the search contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_countries.fields import Country
from wagtail.images import get_image_model

from club.members.privacy import Viewer
from club.members.programmes import Programme
from search.directory import search_directory
from search.directory.contract import (
    MAX_TEXT_LENGTH,
    DirectoryQuery,
    DirectoryResult,
    FacetCount,
    Hit,
    InvalidQuery,
    Sort,
    range_params,
)
from search.directory.facets import FACETS, FACETS_BY_KEY, RANGES, Facet, FacetKind

PHOTO_FILTER = "fill-96x96"
SORT_LABELS = {
    Sort.RELEVANCE: gettext_lazy("Best match"),
    Sort.NAME: gettext_lazy("Name"),
    Sort.RECENT: gettext_lazy("Most recent programme"),
}
# Page links either side of the current page; the first and last are always shown.
PAGE_WINDOW = 2


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """JSON with <, > and & escaped, so no member's text can close a tag if it lands in HTML."""

    ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

    def encode(self, o: Any) -> str:
        return super().encode(o).translate(self.ESCAPES)


@dataclass(frozen=True)
class Card:
    """One hit as the result list shows it."""

    hit: Hit
    photo: Any
    country: Country | None
    programme_label: str
    initials: str


@dataclass(frozen=True)
class FacetPanel:
    """One facet with its counts and the widget the form uses for it."""

    facet: Facet
    widget: str
    counts: list[FacetCount]
    # The chosen bounds of a range widget, as the option values spell them.
    range_from: str = ""
    range_to: str = ""

    @property
    def any_selected(self) -> bool:
        return any(count.selected for count in self.counts)


@dataclass(frozen=True)
class Chip:
    """An active filter and the link that removes it."""

    facet_label: str
    label: str
    remove_url: str


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    """The searchable, faceted alumni directory; all state lives in the query string."""
    base = reverse("directory:index")
    login_url = _url(reverse("members:login"), [("next", request.get_full_path())])
    try:
        query = DirectoryQuery.from_params(request.GET)
    except InvalidQuery as error:
        context: dict[str, Any] = {
            "error": str(error),
            "raw_text": request.GET.get("q", "")[:MAX_TEXT_LENGTH],
            "login_url": login_url,
        }
        return _private(render(request, "search/directory.html", context, status=400))
    result = search_directory(query, Viewer.for_user(request.user))
    pairs = query.to_params()
    context = {
        "login_url": login_url,
        "query": query,
        "result": result,
        "cards": _cards(result.hits),
        "panels": [_panel(facet, query, result) for facet in FACETS],
        "chips": _chips(query, result, base),
        "clear_url": _url(base, [(k, v) for k, v in pairs if k in ("q", "sort")]),
        # The corrected search keeps every filter and the sort; only the words change.
        "suggestion_url": _url(base, [("q", result.suggestion), *(p for p in pairs if p[0] != "q")])
        if result.suggestion
        else "",
        "pages": _page_links(result, base, pairs),
        "sorts": [(sort.value, label) for sort, label in SORT_LABELS.items()],
        "default_sort": Sort.RELEVANCE.value,
        "profile_url_template": reverse("members:member-detail", args=[0]).replace("/0/", "/{id}/"),
        "json_url": reverse("directory:search-json"),
    }
    return _private(render(request, "search/directory.html", context))


@require_GET
def search_json(request: HttpRequest) -> JsonResponse:
    """The same contract as JSON, for the autocomplete and for JST tools."""
    try:
        query = DirectoryQuery.from_params(request.GET)
    except InvalidQuery as error:
        return _private(JsonResponse({"error": str(error)}, status=400))
    result = search_directory(query, Viewer.for_user(request.user))
    payload = result.to_dict()
    payload["query"] = {
        "q": query.text,
        "filters": {key: list(values) for key, values in query.filters.items()},
        **{
            name: bound
            for facet in RANGES
            for name, bound in zip(range_params(facet), query.bounds(facet.key), strict=True)
        },
        "sort": query.sort.value,
        "page": query.page,
    }
    return _private(JsonResponse(payload, encoder=HtmlSafeJSONEncoder))


Response = TypeVar("Response", bound=HttpResponse)


def _private(response: Response) -> Response:
    # What the directory shows depends on who asks, so no shared cache may keep it.
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _url(base: str, pairs: list[tuple[str, str]]) -> str:
    return f"{base}?{urlencode(pairs)}" if pairs else base


def _cards(hits: list[Hit]) -> list[Card]:
    # Every photo on the page in one query, with the renditions the cards use.
    photo_ids = [hit.photo_id for hit in hits if hit.photo_id]
    photos = (
        get_image_model().objects.filter(pk__in=photo_ids).prefetch_renditions(PHOTO_FILTER)
        if photo_ids
        else []
    )
    by_id = {photo.pk: photo for photo in photos}
    return [
        Card(
            hit=hit,
            photo=by_id.get(hit.photo_id) if hit.photo_id else None,
            country=Country(hit.country) if hit.country else None,
            programme_label=str(Programme(hit.programme).label)
            if hit.programme in Programme.values
            else (hit.programme or ""),
            initials="".join(word[0] for word in (hit.display_name or "").split()[:2]).upper(),
        )
        for hit in hits
    ]


def _panel(facet: Facet, query: DirectoryQuery, result: DirectoryResult) -> FacetPanel:
    # The form picks a facet as its kind says: checkboxes, radio buttons or two bounds.
    widget = facet.kind.value
    counts = result.facets.get(facet.key, [])
    if facet.kind != FacetKind.RANGE:
        return FacetPanel(facet, widget, counts)
    bounds = ["" if bound is None else str(bound) for bound in query.bounds(facet.key)]
    # A chosen bound with no alumni left in it still needs its option, or the form would drop it.
    known = {count.value for count in counts}
    extra = [FacetCount(b, b, 0, True) for b in dict.fromkeys(bounds) if b and b not in known]
    counts = sorted([*counts, *extra], key=lambda count: count.value)
    return FacetPanel(facet, widget, counts, *bounds)


def _chips(query: DirectoryQuery, result: DirectoryResult, base: str) -> list[Chip]:
    """One removable chip per search text, filter value and year bound."""
    pairs = query.to_params()

    def without(key: str, value: str) -> str:
        return _url(base, [pair for pair in pairs if pair != (key, value)])

    chips = []
    if query.text:
        chips.append(Chip(str(_("Search")), query.text, without("q", query.text)))
    for key, values in query.filters.items():
        facet = FACETS_BY_KEY[key]
        labels = {count.value: count.label for count in result.facets.get(key, [])}
        chips += [
            Chip(str(facet.label), labels.get(value, value), without(key, value))
            for value in values
        ]
    for facet in RANGES:
        low, high = query.bounds(facet.key)
        name_from, name_to = range_params(facet)
        if low is not None:
            label = _("from %(year)d") % {"year": low}
            chips.append(Chip(str(facet.label), label, without(name_from, str(low))))
        if high is not None:
            label = _("until %(year)d") % {"year": high}
            chips.append(Chip(str(facet.label), label, without(name_to, str(high))))
    return chips


def _page_links(result: DirectoryResult, base: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Previous/next and a window of page numbers, each URL keeping every other parameter."""

    def page_url(number: int) -> str:
        return _url(base, pairs + ([("page", str(number))] if number > 1 else []))

    current, last = result.page, result.pages
    window = range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)
    numbers: list[dict[str, Any]] = []
    previous = 0
    for number in sorted({1, last, *window}):
        if number - previous > 1:
            numbers.append({"gap": True})
        numbers.append({"number": number, "url": page_url(number), "current": number == current})
        previous = number
    return {
        # Past the end (a stale shared link), "previous" leads back to the last real page.
        "previous": page_url(min(current - 1, last)) if current > 1 else "",
        "next": page_url(current + 1) if current < last else "",
        "numbers": numbers if last > 1 else [],
    }
