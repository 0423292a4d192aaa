"""Every role question: who is an active member, who coordinates what, what JST staff may do.

JST staff hold one permission per capability (see ``CAPABILITIES``); the "JST staff" group
gets all of them, kept in place after every migrate. Apps ask here, never ``has_perm``
themselves, so a capability means the same thing on every page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.db.models import CharField, QuerySet, Value

from club.members.models import (
    Chapter,
    ChapterMembership,
    GroupRole,
    Member,
    MemberStatus,
    SubjectGroup,
    SubjectGroupMembership,
)

# One permission per staff capability (declared on Member.Meta.permissions, and on the model
# of the app that owns it: Wave.Meta.permissions for surveys).
VIEW_ALL_PROFILES = "members.view_all_profiles"
SEE_ALL_OUTCOMES = "members.see_all_outcomes"
MANAGE_ALL_EVENTS = "members.manage_all_events"
MODERATE_ALL_QA = "members.moderate_all_qa"
RUN_SURVEYS = "surveys.run_surveys"
CAPABILITIES = (
    VIEW_ALL_PROFILES,
    SEE_ALL_OUTCOMES,
    MANAGE_ALL_EVENTS,
    MODERATE_ALL_QA,
    RUN_SURVEYS,
)

# Wagtail's own permission to enter the admin (the editors' links on the site follow it).
ACCESS_ADMIN = "wagtailadmin.access_admin"

JST_STAFF_GROUP = "JST staff"
JST_STAFF_PERMISSIONS = [
    tuple(ACCESS_ADMIN.split(".")),
    *(tuple(capability.split(".")) for capability in CAPABILITIES),
    ("members", "export_members"),
    ("members", "import_roster"),
    ("members", "view_member"),
    ("members", "change_member"),
    ("members", "view_institution"),
    ("members", "add_institution"),
    ("members", "change_institution"),
    ("members", "view_chapter"),
    ("members", "add_chapter"),
    ("members", "change_chapter"),
    ("members", "view_subjectgroup"),
    ("members", "add_subjectgroup"),
    ("members", "change_subjectgroup"),
    # Recording re-visits: in the admin and by CSV import (club/members/revisits.py).
    ("members", "view_revisit"),
    ("members", "add_revisit"),
    ("members", "change_revisit"),
    ("members", "delete_revisit"),
    # Managing Q&A channels in the Wagtail admin.
    ("qa", "view_questionchannel"),
    ("qa", "add_questionchannel"),
    ("qa", "change_questionchannel"),
    ("qa", "delete_questionchannel"),
]


def is_signed_in(user: Any) -> bool:
    """A signed-in, active account (staff or member)."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def holds(user: Any, permission: str) -> bool:
    """Whether an active, signed-in user holds ``permission`` (superusers hold every one)."""
    return is_signed_in(user) and user.has_perm(permission)


def uses_the_admin(user: Any) -> bool:
    """May enter the Wagtail admin (JST staff, editors); each admin view checks the rest."""
    return holds(user, ACCESS_ADMIN)


def views_all_profiles(user: Any) -> bool:
    """Sees every section of every profile, whatever its privacy setting."""
    return holds(user, VIEW_ALL_PROFILES)


def sees_all_outcomes(user: Any) -> bool:
    """Sees the re-visit figures of every chapter and the admin dashboard."""
    return holds(user, SEE_ALL_OUTCOMES)


def manages_all_events(user: Any) -> bool:
    """Organises every event, with or without a chapter."""
    return holds(user, MANAGE_ALL_EVENTS)


def moderates_all_qa(user: Any) -> bool:
    """Moderates every Q&A channel and opens any event's live Q&A."""
    return holds(user, MODERATE_ALL_QA)


def records_revisits(user: Any) -> bool:
    """Records re-visits as JST's and imports them from CSV (adding and changing them)."""
    return holds(user, "members.add_revisit") and holds(user, "members.change_revisit")


def runs_surveys(user: Any) -> bool:
    """Defines and sends follow-up survey waves, and reads their figures."""
    return holds(user, RUN_SURVEYS)


def active_member(user: Any) -> Member | None:
    """The user's member profile if they are signed in, active and not pending or anonymised."""
    if not is_signed_in(user):
        return None
    member: Member | None = getattr(user, "member", None)
    if member is None or member.status != MemberStatus.ACTIVE:
        return None
    return member


def coordinated(
    user: Any, group_model: type[Chapter] | type[SubjectGroup] | None = None
) -> QuerySet[Any]:
    """The chapters (or subject groups) the user coordinates as an active member."""
    group_model = group_model or Chapter
    member = active_member(user)
    if member is None:
        return group_model.objects.none()
    return group_model.objects.filter(
        memberships__member=member, memberships__role=GroupRole.COORDINATOR
    )


# Bumped on every membership change in this process, so that roles remembered on a member
# object before a change (say, a coordinator stepping down) are not used after it.
_membership_changes = 0


def note_membership_change(**_: Any) -> None:
    """post_save / post_delete receiver for chapter and subject group memberships."""
    global _membership_changes
    _membership_changes += 1


def group_roles(member: Member) -> dict[tuple[str, int], str]:
    """The member's role in each of their chapters and subject groups, keyed by (model name,
    pk): one query, kept on the member object, as the header, the page and its figures ask."""
    remembered: tuple[int, dict[tuple[str, int], str]] | None = member.__dict__.get("_group_roles")
    if remembered is not None and remembered[0] == _membership_changes:
        return remembered[1]

    def rows(model: Any, field: str, name: str) -> QuerySet[Any]:
        kind = Value(name, output_field=CharField())
        found: QuerySet[Any] = (
            model.objects.filter(member=member)
            .annotate(kind=kind)
            .values_list("kind", field, "role")
        )
        return found

    generation = _membership_changes
    found = rows(ChapterMembership, "chapter_id", "chapter").union(
        rows(SubjectGroupMembership, "group_id", "subjectgroup"), all=True
    )
    known = {(kind, pk): role for kind, pk, role in found}
    member.__dict__["_group_roles"] = (generation, known)
    return known


def coordinated_ids(
    user: Any, group_model: type[Chapter] | type[SubjectGroup] | None = None
) -> frozenset[int]:
    """Primary keys of what ``coordinated`` returns, without a query of its own."""
    member = active_member(user)
    if member is None:
        return frozenset()
    name = (group_model or Chapter)._meta.model_name
    return frozenset(
        pk
        for (kind, pk), role in group_roles(member).items()
        if kind == name and role == GroupRole.COORDINATOR
    )


def coordinates_a_chapter(user: Any) -> bool:
    """Whether the user coordinates any chapter as an active member."""
    return bool(coordinated_ids(user))


def is_coordinator(user: Any, group: Chapter | SubjectGroup) -> bool:
    """Whether the user is an active member who coordinates this chapter or subject group."""
    return group.pk in coordinated_ids(user, type(group))


def can_manage_group(user: Any, group: Chapter | SubjectGroup) -> bool:
    """Coordinators manage their own group; staff who may change groups manage every one."""
    if holds(user, f"members.change_{group._meta.model_name}"):
        return True
    return is_coordinator(user, group)


def ensure_staff_group(**_: Any) -> AuthGroup:
    """Create or refresh the 'JST staff' group (post_migrate receiver)."""
    group, _created = AuthGroup.objects.get_or_create(name=JST_STAFF_GROUP)
    for app_label, codename in JST_STAFF_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group
