"""Chapters and subject groups in the Wagtail admin, with member counts and coordinators.

Memberships themselves are managed on the site's manage pages, linked from each row.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from club.members.groups import Membership, membership_model
from club.members.models import Chapter, GroupRole, SubjectGroup


class LinkColumn(Column):
    """A cell whose value links to a URL computed from the row."""

    cell_template_name = "members/admin/link_cell.html"

    def __init__(self, name: str, get_url: Any, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self._get_url = get_url

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_cell_context_data(instance, parent_context)
        context["url"] = self._get_url(instance)
        return context


class GroupIndexView(generic.IndexView):
    """Chapters or subject groups with their member counts and coordinators."""

    def get_base_queryset(self) -> QuerySet[Any]:
        coordinators = Prefetch(
            "memberships",
            queryset=membership_model(self.model)
            .objects.filter(role=GroupRole.COORDINATOR)
            .select_related("member"),
            to_attr="coordinator_memberships",
        )
        # Rows carry the count and the prefetched list as extra attributes, hence Any.
        queryset: QuerySet[Any] = (
            super()
            .get_base_queryset()
            .annotate(member_count=Count("memberships", distinct=True))
            .prefetch_related(coordinators)
        )
        return queryset


class _ListedGroup(Protocol):
    """A row of GroupIndexView: a group with its coordinators' memberships prefetched."""

    coordinator_memberships: list[Membership]


def _coordinators(group: _ListedGroup) -> str:
    return ", ".join(m.member.display_name for m in group.coordinator_memberships)


def _group_columns(filter_name: str, manage_url_name: str, *extra: str) -> list[Any]:
    return [
        "name",
        "name_ja",
        *extra,
        LinkColumn(
            "member_count",
            label=_("Members"),
            sort_key="member_count",
            get_url=lambda group: f"{reverse('member-admin:index')}?{filter_name}={group.pk}",
        ),
        Column("coordinators", label=_("Coordinators"), accessor=_coordinators),
        LinkColumn(
            "manage",
            label=_("Membership"),
            accessor=lambda group: _("Manage on the site"),
            get_url=lambda group: reverse(manage_url_name, kwargs={"slug": group.slug}),
        ),
    ]


class ChapterViewSet(ModelViewSet):
    """Chapters. Memberships are managed on the site's manage page (linked per row)."""

    model = Chapter
    name = "chapter-admin"
    url_prefix = "chapters"
    icon = "site"
    menu_label = _("Chapters")
    index_view_class = GroupIndexView
    copy_view_enabled = False
    list_display = _group_columns("chapter", "members:chapter-manage", "country")
    list_filter = ["country"]
    search_fields = ["name", "name_ja", "slug"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_ja"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("description"),
    ]


class SubjectGroupViewSet(ModelViewSet):
    """Subject groups. Memberships are managed on the site's manage page (linked per row)."""

    model = SubjectGroup
    name = "subjectgroup-admin"
    url_prefix = "subject-groups"
    icon = "tag"
    menu_label = _("Subject groups")
    index_view_class = GroupIndexView
    copy_view_enabled = False
    list_display = _group_columns("subject_group", "members:group-manage")
    search_fields = ["name", "name_ja", "slug"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_ja"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
