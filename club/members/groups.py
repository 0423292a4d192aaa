"""Chapter and subject-group membership: joining, leaving, roles and listings.

Chapters and subject groups share one shape (``memberships`` with a role), so every
service here takes either. Member listings always go through the privacy rule in
``club.members.privacy``; who may manage a group is decided in ``club.members.roles``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Func, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from club.members import privacy
from club.members.models import (
    Chapter,
    ChapterMembership,
    GroupRole,
    Member,
    Purpose,
    SubjectGroup,
    SubjectGroupMembership,
)
from club.members.privacy import Viewer
from club.members.sections import Section

Group = Chapter | SubjectGroup
Membership = ChapterMembership | SubjectGroupMembership


def membership_model(group: Group | type[Group]) -> type[Membership]:
    """The membership model for a chapter or a subject group (instance or class)."""
    group_model = group if isinstance(group, type) else type(group)
    return ChapterMembership if issubclass(group_model, Chapter) else SubjectGroupMembership


def _membership_filter(group_model: type[Group], group: Any, **extra: Any) -> dict[str, Any]:
    """Member lookups through one membership row (one join, so conditions apply together)."""
    prefix = "chaptermembership" if issubclass(group_model, Chapter) else "subjectgroupmembership"
    field = "chapter" if issubclass(group_model, Chapter) else "group"
    lookups = {f"{prefix}__{field}": group}
    lookups.update({f"{prefix}__{name}": value for name, value in extra.items()})
    return lookups


def _group_field(group: Group) -> str:
    return "chapter" if isinstance(group, Chapter) else "group"


def membership_of(member: Member | None, group: Group) -> Membership | None:
    """The member's membership row in the group, if any."""
    if member is None:
        return None
    return group.memberships.filter(member=member).first()


def coordinator_count(group: Group) -> int:
    return group.memberships.filter(role=GroupRole.COORDINATOR).count()


@dataclass(frozen=True)
class MembershipChange:
    """What a join, leave, removal or role change did."""

    changed: bool
    left_without_coordinator: bool = False


def join(member: Member, group: Group) -> MembershipChange:
    """Add the member to the group as a plain member; joining twice changes nothing."""
    in_group: dict[str, Any] = {_group_field(group): group}
    _membership, created = membership_model(group).objects.get_or_create(member=member, **in_group)
    return MembershipChange(changed=created)


@transaction.atomic
def leave(member: Member, group: Group) -> MembershipChange:
    """Remove the member from the group.

    The last coordinator may leave (people move on); the result says so, and the
    group then waits for JST staff to appoint a new coordinator.
    """
    membership = (
        membership_model(group)
        .objects.select_for_update()
        .filter(member=member, **{_group_field(group): group})
        .first()
    )
    if membership is None:
        return MembershipChange(changed=False)
    was_coordinator = membership.is_coordinator
    membership.delete()
    orphaned = was_coordinator and coordinator_count(group) == 0
    return MembershipChange(changed=True, left_without_coordinator=orphaned)


def remove(group: Group, member: Member) -> MembershipChange:
    """A coordinator or staff removes someone from the group."""
    return leave(member, group)


@transaction.atomic
def set_role(group: Group, member: Member, role: GroupRole | str) -> MembershipChange:
    """Make a member a coordinator or a plain member of a group they already belong to."""
    role = GroupRole(role)
    membership = (
        membership_model(group)
        .objects.select_for_update()
        .filter(member=member, **{_group_field(group): group})
        .first()
    )
    if membership is None or membership.role == role:
        return MembershipChange(changed=False)
    membership.role = role
    membership.save(update_fields=["role"])
    orphaned = role == GroupRole.MEMBER and coordinator_count(group) == 0
    return MembershipChange(changed=True, left_without_coordinator=orphaned)


# Listings through the privacy rule.


# What a listed profile shows besides the member row (``ProfileView``).
PROFILE_RELATIONS = ("chapters", "fields")


def _listable(viewer: Viewer) -> QuerySet[Member]:
    """Members a chapter or group page may list to the viewer: their profile visible to them
    and, for anyone but JST staff, still consenting to be listed (a member list is a
    directory too: withdrawing takes the member off every list at once, counts included)."""
    members = privacy.visible_members(viewer, Section.PROFILE, Member.objects.listed())
    return members if viewer.is_staff else members.consenting(Purpose.DIRECTORY)


def visible_members(group: Group, viewer: Viewer, **membership: Any) -> QuerySet[Member]:
    """The group's members whose profile the viewer may see, ready for ``ProfileView``.

    ``membership`` narrows on the membership row, e.g. ``role=GroupRole.COORDINATOR``.
    """
    return (
        _listable(viewer)
        .filter(**_membership_filter(type(group), group, **membership))
        .select_related("photo")
        .prefetch_related(*PROFILE_RELATIONS)
        .order_by("family_name", "given_name", "pk")
    )


def visible_coordinators(group: Group, viewer: Viewer) -> list[Member]:
    """The group's coordinators whose profile the viewer may see."""
    return list(visible_members(group, viewer, role=GroupRole.COORDINATOR))


class _Count(Func):
    """COUNT(*) of a subquery without GROUP BY, so it can annotate each group row."""

    function = "COUNT"
    template = "%(function)s(*)"
    output_field = IntegerField()


def groups_with_visible_counts(queryset: QuerySet[Any], viewer: Viewer) -> QuerySet[Any]:
    """Annotate each group with ``visible_member_count`` and prefetch visible coordinators.

    The count only includes members the viewer may see, so hidden profiles cannot be
    inferred from a total.
    """
    group_model = queryset.model
    visible = _listable(viewer)
    count = (
        visible.filter(**_membership_filter(group_model, OuterRef("pk")))
        .order_by()
        .annotate(total=_Count(F("pk")))
        .values("total")
    )
    coordinators = Prefetch(
        "memberships",
        queryset=(
            membership_model(group_model)
            .objects.filter(role=GroupRole.COORDINATOR, member__in=visible)
            .select_related("member")
            .prefetch_related("member__chapters")
            .order_by("member__family_name", "member__given_name")
        ),
        to_attr="visible_coordinator_memberships",
    )
    # Rows carry the annotation and the prefetched list as extra attributes, hence Any.
    annotated: QuerySet[Any] = queryset.annotate(
        visible_member_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0))
    ).prefetch_related(coordinators)
    return annotated


def manageable_memberships(group: Group) -> QuerySet[Any]:
    """Every membership of the group, coordinators first, for the manage page."""
    return (
        group.memberships.select_related("member", "member__photo")
        .prefetch_related("member__chapters")
        # "coordinator" sorts before "member", so coordinators come first.
        .order_by("role", "member__family_name", "member__given_name", "pk")
    )
