"""Chapter and subject-group pages: listings, members, join and leave, and coordinator tools.

Chapters and subject groups share every view; a ``GroupKind`` passed from the URL
pattern says which model and URL names to use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from club.bounds import parse_id
from club.members import groups as services
from club.members import roles
from club.members.forms.groups import MembershipAction, MembershipActionForm
from club.members.groups import Group
from club.members.models import Chapter, GroupRole, Member, SubjectGroup
from club.members.privacy import ProfileView, Viewer
from club.page_cache import depends_on, group_tag
from club.pagination import page_or_404

MEMBERS_PER_PAGE = 24
MEMBERSHIPS_PER_PAGE = 50


@dataclass(frozen=True)
class GroupKind:
    """Which kind of group a view serves, with its labels and URL names."""

    model: type[Chapter] | type[SubjectGroup]
    prefix: str
    title: Promise
    intro: Promise

    def get_or_404(self, slug: str) -> Group:
        """The group of this kind with that slug, or a 404."""
        # get_object_or_404 types a union of model classes as their common abstract base.
        return cast(Group, get_object_or_404(self.model, slug=slug))

    def url_name(self, view: str) -> str:
        return f"members:{self.prefix}-{view}"

    @property
    def list_url(self) -> str:
        return self.url_name("list")

    @property
    def detail_url(self) -> str:
        return self.url_name("detail")

    @property
    def join_url(self) -> str:
        return self.url_name("join")

    @property
    def leave_url(self) -> str:
        return self.url_name("leave")

    @property
    def manage_url(self) -> str:
        return self.url_name("manage")


CHAPTERS = GroupKind(
    model=Chapter,
    prefix="chapter",
    title=_("Chapters"),
    intro=_("Regional alumni associations that meet, organise reunions and welcome newcomers."),
)
SUBJECT_GROUPS = GroupKind(
    model=SubjectGroup,
    prefix="group",
    title=_("Subject groups"),
    intro=_("Alumni from every country who work in the same field."),
)


@require_GET
def group_list(request: HttpRequest, kind: GroupKind) -> HttpResponse:
    """Every chapter (or subject group) with its visible member count and coordinators."""
    viewer = Viewer.for_user(request.user)
    groups = services.groups_with_visible_counts(kind.model.objects.all(), viewer)
    cards = [
        {
            "group": group,
            "coordinators": [
                ProfileView(membership.member, viewer)
                for membership in group.visible_coordinator_memberships
            ],
        }
        for group in groups
    ]
    return render(request, "members/groups/group_list.html", {"kind": kind, "cards": cards})


@require_GET
def group_detail(request: HttpRequest, kind: GroupKind, slug: str) -> HttpResponse:
    """A group's description, coordinators and members, as far as the viewer may see them."""
    group = kind.get_or_404(slug)
    depends_on(group_tag(group))
    viewer = Viewer.for_user(request.user)
    member = roles.active_member(request.user)
    # The page of members and the coordinators get their relations in one go, not one each.
    page_obj = page_or_404(
        services.visible_members(group, viewer).prefetch_related(None),
        request.GET.get("page"),
        MEMBERS_PER_PAGE,
    )
    members = list(page_obj.object_list)
    coordinators = list(
        services.visible_members(group, viewer, role=GroupRole.COORDINATOR).prefetch_related(None)
    )
    prefetch_related_objects([*members, *coordinators], *services.PROFILE_RELATIONS)
    context = {
        "kind": kind,
        "group": group,
        "page_obj": page_obj,
        "members": [ProfileView(m, viewer) for m in members],
        "coordinators": [ProfileView(m, viewer) for m in coordinators],
        "can_join": member is not None,
        "membership": services.membership_of(member, group),
        "can_manage": roles.can_manage_group(request.user, group),
    }
    return render(request, "members/groups/group_detail.html", context)


def _member_or_refuse(request: HttpRequest, kind: GroupKind, group: Group) -> Member | HttpResponse:
    """The active member; a login redirect for visitors, 403 for accounts that are not members."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse(kind.detail_url, kwargs={"slug": group.slug}))
    member = roles.active_member(request.user)
    if member is None:
        raise PermissionDenied(_("Only active club members can join or leave groups."))
    return member


@require_POST
def group_join(request: HttpRequest, kind: GroupKind, slug: str) -> HttpResponse:
    """Join a group (POST only)."""
    group = kind.get_or_404(slug)
    member = _member_or_refuse(request, kind, group)
    if isinstance(member, HttpResponse):
        return member
    result = services.join(member, group)
    if result.changed:
        messages.success(request, _("You joined %(group)s.") % {"group": group})
    else:
        messages.info(request, _("You are already a member of %(group)s.") % {"group": group})
    return redirect(kind.detail_url, slug=group.slug)


@require_POST
def group_leave(request: HttpRequest, kind: GroupKind, slug: str) -> HttpResponse:
    """Leave a group (POST only). The last coordinator may leave, with a warning."""
    group = kind.get_or_404(slug)
    member = _member_or_refuse(request, kind, group)
    if isinstance(member, HttpResponse):
        return member
    result = services.leave(member, group)
    if not result.changed:
        messages.info(request, _("You are not a member of %(group)s.") % {"group": group})
    else:
        messages.success(request, _("You left %(group)s.") % {"group": group})
    if result.left_without_coordinator:
        messages.warning(request, _no_coordinator_warning(group))
    return redirect(kind.detail_url, slug=group.slug)


def _no_coordinator_warning(group: Group) -> str:
    return _(
        "%(group)s has no coordinator now. JST staff will appoint a new one;"
        " members can still join and leave."
    ) % {"group": group}


@require_http_methods(["GET", "POST"])
def group_manage(request: HttpRequest, kind: GroupKind, slug: str) -> HttpResponse:
    """Coordinators manage their own group's members; JST staff manage every group."""
    group = kind.get_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not roles.can_manage_group(request.user, group):
        raise PermissionDenied(_("Only this group's coordinators and JST staff can manage it."))

    status = 200
    if request.method == "POST":
        form = MembershipActionForm(request.POST, group=group)
        if form.is_valid():
            return _apply_action(request, kind, group, form)
        for errors in form.errors.values():
            for error in errors:
                # An ErrorList yields its messages as strings, whatever it holds.
                messages.error(request, str(error))
        status = 400

    viewer = Viewer.for_user(request.user)
    page_obj = page_or_404(
        services.manageable_memberships(group), request.GET.get("page"), MEMBERSHIPS_PER_PAGE
    )
    rows = [
        {"membership": membership, "profile": ProfileView(membership.member, viewer)}
        for membership in page_obj.object_list
    ]
    context = {
        "kind": kind,
        "group": group,
        "page_obj": page_obj,
        "rows": rows,
        "actions": MembershipAction,
        "has_coordinator": services.coordinator_count(group) > 0,
    }
    return render(request, "members/groups/group_manage.html", context, status=status)


def _apply_action(
    request: HttpRequest, kind: GroupKind, group: Group, form: MembershipActionForm
) -> HttpResponse:
    member = form.cleaned_data["member"]
    action = form.cleaned_data["action"]
    if action == MembershipAction.REMOVE:
        result = services.remove(group, member)
        done = _("The member was removed from %(group)s.")
    elif action == MembershipAction.MAKE_COORDINATOR:
        result = services.set_role(group, member, GroupRole.COORDINATOR)
        done = _("The member is now a coordinator of %(group)s.")
    else:
        result = services.set_role(group, member, GroupRole.MEMBER)
        done = _("The member is now a plain member of %(group)s.")
    if result.changed:
        messages.success(request, done % {"group": group})
    else:
        messages.info(request, _("Nothing changed."))
    if result.left_without_coordinator:
        messages.warning(request, _no_coordinator_warning(group))
    # A coordinator who stepped down or removed themselves can no longer manage the group.
    if not roles.can_manage_group(request.user, group):
        return redirect(kind.detail_url, slug=group.slug)
    manage = reverse(kind.manage_url, kwargs={"slug": group.slug})
    return redirect(f"{manage}{_page_query(request, group)}")


def _page_query(request: HttpRequest, group: Group) -> str:
    """Back to the page the coordinator was on, or the last one if it no longer exists."""
    page = request.GET.get("page", "")
    number = parse_id(page)
    if number is None or number <= 1:
        return ""
    last = Paginator(services.manageable_memberships(group), MEMBERSHIPS_PER_PAGE).num_pages
    return f"?page={min(number, last)}"


def _routes(kind: GroupKind, base: str) -> list[URLPattern]:
    prefix = kind.prefix
    kwargs = {"kind": kind}
    return [
        path(f"{base}/", group_list, kwargs, name=f"{prefix}-list"),
        path(f"{base}/<slug:slug>/", group_detail, kwargs, name=f"{prefix}-detail"),
        path(f"{base}/<slug:slug>/join/", group_join, kwargs, name=f"{prefix}-join"),
        path(f"{base}/<slug:slug>/leave/", group_leave, kwargs, name=f"{prefix}-leave"),
        path(f"{base}/<slug:slug>/manage/", group_manage, kwargs, name=f"{prefix}-manage"),
    ]


urlpatterns = [*_routes(CHAPTERS, "chapters"), *_routes(SUBJECT_GROUPS, "groups")]
