"""The re-visit outcomes dashboard: in the Wagtail admin for JST staff, and on the site for
chapter coordinators (their own chapters only). Both render the same templates.

The figures are aggregates, so the per-profile privacy rule does not apply; small-number
suppression does (``club.outcomes.suppression``). Bad filters get a message and HTTP
400, never a 500.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from club.members.models import Chapter
from club.members.roles import sees_all_outcomes
from club.outcomes import charts, exports
from club.outcomes.access import may_see_chapter, outcome_chapters
from club.outcomes.definitions import definitions
from club.outcomes.filters import OutcomeFilterForm, describe_selection
from club.outcomes.refresh import is_built, rebuild
from club.outcomes.report import build_report

EXPORTERS = {"csv": exports.csv_response, "xlsx": exports.xlsx_response}


def _filter_query(request: HttpRequest, form: OutcomeFilterForm) -> str:
    """The request's filter parameters only, for export links."""
    query = QueryDict(mutable=True)
    for name in form.fields:
        value = request.GET.get(name)
        if value:
            query[name] = value
    return query.urlencode()


def dashboard_context(
    request: HttpRequest, chapter: Chapter | None, export_urls: dict[str, str]
) -> tuple[dict[str, Any], int]:
    """Everything the dashboard template needs, and the HTTP status (400 for bad filters)."""
    form = OutcomeFilterForm(request.GET, chapter=chapter)
    query = _filter_query(request, form)
    context: dict[str, Any] = {
        "form": form,
        "chapter": chapter,
        "definitions": definitions(),
        "report": None,
    }
    if not form.is_valid():
        return context, 400
    report = build_report(form.selection())
    context.update(
        report=report,
        definitions=definitions(report.selection.window_years),
        filters=describe_selection(report.selection),
        sections=[
            {"breakdown": b, "chart": charts.bar_chart(b, f"chart-{b.name}")}
            for b in report.breakdowns
        ],
        curve_chart=charts.curve_chart(report.curves, report.curve_years, "chart-curves"),
        export_links=[
            (label, f"{export_urls[fmt]}?{query}" if query else export_urls[fmt])
            for fmt, label in (("xlsx", _("Download XLSX")), ("csv", _("Download CSV")))
        ],
    )
    return context, 200


def _export(request: HttpRequest, chapter: Chapter | None, fmt: str) -> HttpResponse | None:
    """The export response, or None (with an error message) when the filters are invalid."""
    form = OutcomeFilterForm(request.GET, chapter=chapter)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(str(message) for message in error))
        return None
    return EXPORTERS[fmt](build_report(form.selection()))


# Wagtail admin (JST staff).


class StaffOnlyMixin:
    """Refuse anyone who may not see every chapter's outcomes (Wagtail shows its own notice)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not sees_all_outcomes(request.user):
            raise PermissionDenied
        # A mixin: dispatch comes from the view it is mixed into, which mypy cannot see.
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        return response


@method_decorator(never_cache, name="dispatch")
class AdminDashboardView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every alumnus, filterable by country, programme, cohorts, host and chapter."""

    template_name = "outcomes/admin_dashboard.html"
    page_title = _("Re-visit outcomes")
    header_icon = "table"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("outcomes-admin:dashboard"), "label": _("Re-visit outcomes")},
    ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        export_urls = {fmt: reverse("outcomes-admin:export", args=[fmt]) for fmt in EXPORTERS}
        context, status = dashboard_context(request, None, export_urls)
        context["built"] = is_built()
        return self.render_to_response(self.get_context_data(**context), status=status)


@method_decorator(never_cache, name="dispatch")
class AdminExportView(StaffOnlyMixin, View):
    """CSV or XLSX of the filtered dashboard."""

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        response = _export(request, None, fmt)
        if response is None:
            return redirect(f"{reverse('outcomes-admin:dashboard')}?{request.GET.urlencode()}")
        return response


class AdminRebuildView(StaffOnlyMixin, View):
    """Re-derive every outcome row (after bulk writes that bypass the signals)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        count = rebuild()
        messages.success(
            request, _("Recomputed the figures for %(count)s alumni.") % {"count": count}
        )
        return redirect("outcomes-admin:dashboard")


# On the site (chapter coordinators, and JST staff).


def _chapter_or_refuse(request: HttpRequest, slug: str) -> Chapter | HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    chapter = get_object_or_404(Chapter, slug=slug)
    if not may_see_chapter(request.user, chapter):
        raise PermissionDenied(_("Only this chapter's coordinators and JST staff see its figures."))
    return chapter


@require_GET
@never_cache
def chapter_index(request: HttpRequest) -> HttpResponse:
    """The chapters the user may see figures for (straight to the one if there is one)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    chapters = outcome_chapters(request.user)
    if not chapters:
        raise PermissionDenied(_("Re-visit figures are for chapter coordinators and JST staff."))
    if len(chapters) == 1 and not sees_all_outcomes(request.user):
        return redirect("outcomes:chapter", slug=chapters[0].slug)
    return render(request, "outcomes/chapter_index.html", {"chapters": chapters})


@require_GET
@never_cache
def chapter_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The dashboard restricted to one chapter's members."""
    chapter = _chapter_or_refuse(request, slug)
    if isinstance(chapter, HttpResponse):
        return chapter
    export_urls = {fmt: reverse("outcomes:chapter-export", args=[slug, fmt]) for fmt in EXPORTERS}
    context, status = dashboard_context(request, chapter, export_urls)
    return render(request, "outcomes/chapter_dashboard.html", context, status=status)


@require_GET
@never_cache
def chapter_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """CSV or XLSX of one chapter's figures."""
    chapter = _chapter_or_refuse(request, slug)
    if isinstance(chapter, HttpResponse):
        return chapter
    response = _export(request, chapter, fmt)
    if response is None:
        dashboard = reverse("outcomes:chapter", kwargs={"slug": slug})
        return redirect(f"{dashboard}?{request.GET.urlencode()}")
    return response
