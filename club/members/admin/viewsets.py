"""Wagtail admin for members and institutions; chapters and subject groups are in groups.py.

Everything sits under one "Members" menu. Other admin modules add their own entries to
that menu through the ``register_members_menu_item`` hook (``MEMBERS_MENU_HOOK``).
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.urls import URLPattern, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from club.bounds import one_line
from club.members.admin.groups import ChapterViewSet, SubjectGroupViewSet
from club.members.admin.revisits import RevisitViewSet
from club.members.exports import RESEARCH_USE, can_export, export_response
from club.members.models import (
    Chapter,
    Institution,
    Member,
    MemberStatus,
    Participation,
    SubjectGroup,
)
from club.members.privacy import Viewer, visible_members
from club.members.programmes import Programme
from club.members.sections import Section

MEMBERS_MENU_HOOK = "register_members_menu_item"
MEMBER_SEARCH_FIELDS = ["given_name", "family_name", "native_name", "contact_email", "user__email"]


def _countries_in_use(field: str) -> list[tuple[str, str]]:
    """Only the countries some member has, so the filter list stays short."""
    codes = set(Member.objects.order_by().values_list(field, flat=True).distinct()) - {""}
    return [(code, name) for code, name in countries if code in codes]


def _fiscal_years() -> list[tuple[str, str]]:
    years = Participation.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True)
    return [(str(year), str(year)) for year in dict.fromkeys(years)]


class MemberFilterSet(WagtailFilterSet):
    """Filters for the member listing and the CSV export (which honours the same query string)."""

    country = django_filters.ChoiceFilter(
        label=_("Country of residence"), choices=lambda: _countries_in_use("country")
    )
    nationality = django_filters.ChoiceFilter(
        label=_("Nationality"), choices=lambda: _countries_in_use("nationality")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MemberStatus.choices)
    # Programme and fiscal year match one participation together; see filter_queryset.
    programme = django_filters.ChoiceFilter(
        label=_("Programme"), choices=Programme.choices, method="_combined_later"
    )
    fiscal_year = django_filters.ChoiceFilter(
        label=_("Fiscal year (participation)"), choices=_fiscal_years, method="_combined_later"
    )
    chapter = django_filters.ModelChoiceFilter(
        label=_("Chapter"), field_name="chapters", queryset=Chapter.objects.all()
    )
    subject_group = django_filters.ModelChoiceFilter(
        label=_("Subject group"), field_name="subject_groups", queryset=SubjectGroup.objects.all()
    )

    class Meta:
        model = Member
        fields: list[str] = []

    def _combined_later(
        self, queryset: QuerySet[Member], name: str, value: Any
    ) -> QuerySet[Member]:
        return queryset

    def filter_queryset(self, queryset: QuerySet[Member]) -> QuerySet[Member]:
        queryset = super().filter_queryset(queryset)
        conditions = {
            name: self.form.cleaned_data.get(name)
            for name in ("programme", "fiscal_year")
            if self.form.cleaned_data.get(name) not in (None, "")
        }
        if conditions:
            took_part = Participation.objects.filter(member=OuterRef("pk"), **conditions)
            queryset = queryset.filter(Exists(took_part))
        return queryset


def search_members(queryset: QuerySet[Member], query: str) -> QuerySet[Member]:
    """The admin's name/email search, shared by the listing and the export."""
    # one_line: PostgreSQL refuses a NUL, which would be a 500 for the listing and export.
    query = one_line(query)[:200]
    if not query:
        return queryset
    match = Q()
    for field in MEMBER_SEARCH_FIELDS:
        match |= Q(**{f"{field}__icontains": query})
    return queryset.filter(match)


def programmes_summary(member: Member) -> str:
    """'A 2018, HSP 2019' from the prefetched participations."""
    return ", ".join(f"{p.programme} {p.fiscal_year}" for p in member.participations.all())


class MemberIndexView(generic.IndexView):
    """The member listing, with the name as the edit link and a CSV export button."""

    def get_base_queryset(self) -> QuerySet[Member]:
        queryset: QuerySet[Member] = (
            super()
            .get_base_queryset()
            .select_related("user")
            .prefetch_related(
                Prefetch("participations", queryset=Participation.objects.order_by("start_date"))
            )
        )
        return queryset

    def search_queryset(self, queryset: QuerySet[Member]) -> QuerySet[Member]:
        return search_members(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def columns(self) -> list[Column]:
        title_class = self._get_title_column_class(TitleColumn)
        name = title_class(
            "display_name", label=_("Name"), sort_key="family_name", get_url=self.get_edit_url
        )
        return [name, *super().columns[1:]]

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        buttons = list(super().header_more_buttons)
        if can_export(self.request.user):
            query = self.request.GET.copy()
            for key in ("p", "ordering", "_w_filter_fragment"):
                query.pop(key, None)
            url = reverse("member-admin:export")
            buttons.append(
                Button(
                    _("Download CSV"),
                    url=f"{url}?{query.urlencode()}" if query else url,
                    icon_name="download",
                    priority=100,
                )
            )
            query["use"] = RESEARCH_USE
            buttons.append(
                Button(
                    _("Download research CSV (members who consented)"),
                    url=f"{url}?{query.urlencode()}",
                    icon_name="download",
                    priority=110,
                )
            )
        return buttons


def export_members(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """Stream the (filtered) member list as CSV; needs ``members.export_members``."""
    if not can_export(request.user):
        raise PermissionDenied
    viewer = Viewer.for_user(request.user)
    filters = MemberFilterSet(
        request.GET, queryset=visible_members(viewer, Section.PROFILE), request=request
    )
    if not filters.is_valid():
        problems = "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in filters.errors.items()
        )
        return HttpResponseBadRequest(
            _("Invalid filter: %(problems)s") % {"problems": problems},
            content_type="text/plain; charset=utf-8",
        )
    use = request.GET.get("use", "")
    if use not in ("", RESEARCH_USE):
        return HttpResponseBadRequest(
            _("Unknown export: %(use)s") % {"use": use[:50]},
            content_type="text/plain; charset=utf-8",
        )
    return export_response(search_members(filters.qs, request.GET.get("q", "")), viewer, use)


class MemberHistoryPanel(HelpPanel):
    """Programme participations and re-visits, read-only on the member form."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("template", "members/admin/member_history_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context: dict[str, Any] = super().get_context_data(parent_context)
            member = self.instance
            if member is not None and member.pk:
                context["participations"] = member.participations.select_related(
                    "sending_institution", "host_institution"
                )
                context["revisits"] = member.revisits.select_related("institution")
            return context


NAME_FIELDS = ("given_name", "family_name", "native_name", "name_order")
PROFILE_FIELDS = (
    "roster_id",
    "photo",
    "country",
    "nationality",
    "fields",
    "position",
    "organisation",
    "bio",
    "bio_ja",
    "contact_email",
)


class MemberViewSet(ModelViewSet):
    """Members: listing with filters and search, editing by JST staff."""

    model = Member
    name = "member-admin"
    url_prefix = "members"
    icon = "user"
    menu_label = _("Members")
    index_view_class = MemberIndexView
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["family_name", "given_name"]
    list_display = [
        "display_name",
        "country",
        "nationality",
        "status",
        Column("programmes", label=_("Programmes"), accessor=programmes_summary),
    ]
    filterset_class = MemberFilterSet
    search_fields = MEMBER_SEARCH_FIELDS
    search_backend_name = None

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel([FieldPanel(name) for name in NAME_FIELDS], heading=_("Name")),
                    FieldPanel("status", read_only=True),
                    *[FieldPanel(name) for name in PROFILE_FIELDS],
                    InlinePanel("links", label=_("Links")),
                    FieldPanel("preferred_language"),
                    FieldPanel("open_to_mentoring"),
                ],
                heading=_("Profile"),
            ),
            ObjectList(
                [MemberHistoryPanel(heading=_("Sakura Science history"))], heading=_("History")
            ),
            ObjectList(
                [FieldPanel(f"visibility_{section}") for section in Section],
                heading=_("Privacy"),
            ),
        ]
    )

    def get_urlpatterns(self) -> list[URLPattern]:
        return [*super().get_urlpatterns(), path("export/", export_members, name="export")]


class InstitutionViewSet(SnippetViewSet):
    """Institutions as snippets, so participations and re-visits can choose them."""

    model = Institution
    icon = "home"
    menu_label = _("Institutions")
    # Listed in the Members menu, not under Snippets.
    menu_item_is_registered = True
    list_display = ["name", "name_ja", "country", "kind"]
    list_filter = ["country", "kind"]
    list_per_page = 50
    ordering = ["name"]
    copy_view_enabled = False


class MembersAdminGroup(ViewSetGroup):
    """The 'Members' admin menu."""

    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 200
    submenu_hook = MEMBERS_MENU_HOOK
    items = (
        MemberViewSet,
        InstitutionViewSet,
        RevisitViewSet,
        ChapterViewSet,
        SubjectGroupViewSet,
    )


class ExportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_export(request.user)


@hooks.register(MEMBERS_MENU_HOOK)
def register_export_menu_item() -> MenuItem:
    return ExportMenuItem(
        _("Export members (CSV)"),
        reverse("member-admin:export"),
        icon_name="download",
        order=900,
    )


# register_snippet takes the whole group so Institution becomes a snippet (with a chooser)
# while the other models stay plain model viewsets.
register_snippet(MembersAdminGroup)
