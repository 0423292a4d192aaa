"""The privacy rule: who may see which section of a member's profile.

This module is the only place the rule lives. It is expressed as *audience
tokens*: a profile section is visible to a viewer when the section's audience
and the viewer's tokens intersect, or the viewer is JST staff. The same tokens
drive the Python check, the ORM filter (``visible_q``) and the search index, so
every path (pages, exports, the JSON API, search hits and facet counts) agrees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef, Q
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _

from club.members.models import ChapterMembership, Member, MemberStatus
from club.members.models.profiles import MemberQuerySet
from club.members.roles import group_roles, views_all_profiles
from club.members.sections import PROFILE_FIELDS, Section, Visibility, fields_of
from club.page_cache import depends_on, member_tag

PUBLIC_AUDIENCE = "public"
MEMBERS_AUDIENCE = "members"
# The audiences that are not one person or one chapter, broadest first.
BROAD_AUDIENCES = (PUBLIC_AUDIENCE, MEMBERS_AUDIENCE)


def section_contents(section: Section) -> str:
    """What a section holds, in words, from the attributes' own names (for the settings form)."""
    labels = []
    for name in fields_of(section):
        label = PROFILE_FIELDS[name].label
        if label is None:
            try:
                field = Member._meta.get_field(name)
            except FieldDoesNotExist:  # a property such as display_name: named by its parts
                continue
            label = (
                getattr(field, "verbose_name", None)
                or field.related_model._meta.verbose_name_plural
            )
        labels.append(str(label))
    listed = capfirst(get_text_list(list(dict.fromkeys(labels)), _("and")))
    return _("%(contents)s.") % {"contents": listed}


def chapter_token(chapter_id: int) -> str:
    return f"chapter:{chapter_id}"


def member_token(member_id: int) -> str:
    return f"member:{member_id}"


def section_token(section: Section, audience_token: str) -> str:
    """One audience token of one section, as the directory stores them ("career:members")."""
    return f"{section.value}:{audience_token}"


@dataclass(frozen=True)
class Viewer:
    """Who is looking: everything the privacy rule needs to know about them."""

    member_id: int | None = None
    is_member: bool = False
    is_staff: bool = False
    chapter_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def tokens(self) -> frozenset[str]:
        tokens = {PUBLIC_AUDIENCE}
        if self.is_member:
            tokens.add(MEMBERS_AUDIENCE)
            tokens.update(chapter_token(pk) for pk in self.chapter_ids)
        if self.member_id is not None:
            tokens.add(member_token(self.member_id))
        return frozenset(tokens)

    @classmethod
    def for_user(cls, user: Any) -> Viewer:
        """The viewer for a request's user; cached on the user object."""
        if user is None or not user.is_authenticated:
            return ANONYMOUS
        cached: Viewer | None = getattr(user, "_club_viewer", None)
        if cached is not None:
            return cached
        is_staff = views_all_profiles(user)
        member: Member | None = getattr(user, "member", None)
        if member is None or member.status != MemberStatus.ACTIVE or not user.is_active:
            member = None
        viewer = cls(
            member_id=member.pk if member else None,
            is_member=member is not None or is_staff,
            is_staff=is_staff,
            chapter_ids=frozenset(pk for kind, pk in group_roles(member) if kind == "chapter")
            if member
            else frozenset(),
        )
        user._club_viewer = viewer
        return viewer


ANONYMOUS = Viewer()


def section_audience(member: Member, section: Section, chapter_ids: Iterable[int]) -> list[str]:
    """The audience tokens of one profile section, as stored in the search index."""
    level = member.visibility(section)
    audience = [member_token(member.pk)]
    if level == Visibility.PUBLIC:
        audience += [PUBLIC_AUDIENCE, MEMBERS_AUDIENCE]
    elif level == Visibility.MEMBERS:
        audience.append(MEMBERS_AUDIENCE)
    elif level == Visibility.CHAPTER:
        audience += [chapter_token(pk) for pk in chapter_ids]
    return audience


def audience_admits(viewer: Viewer, audience: Iterable[str]) -> bool:
    """The rule itself: staff see everything, others need a token in the audience."""
    return viewer.is_staff or not viewer.tokens.isdisjoint(audience)


def can_see(viewer: Viewer, member: Member, section: Section) -> bool:
    """Whether ``viewer`` may see ``section`` of ``member``'s profile."""
    if viewer.is_staff:
        return True
    if member.status != MemberStatus.ACTIVE:
        return False
    needs_chapters = member.visibility(section) == Visibility.CHAPTER and viewer.chapter_ids
    chapter_ids = _member_chapter_ids(member) if needs_chapters else ()
    return audience_admits(viewer, section_audience(member, section, chapter_ids))


def visible_sections(viewer: Viewer, member: Member) -> frozenset[Section]:
    return frozenset(section for section in Section if can_see(viewer, member, section))


def visible_q(viewer: Viewer, section: Section, prefix: str = "") -> Q:
    """The privacy rule as an ORM filter on members (``prefix`` for related lookups)."""
    if viewer.is_staff:
        return Q()
    column = f"{prefix}visibility_{section}"
    rule = Q(**{column: Visibility.PUBLIC})
    if viewer.is_member:
        rule |= Q(**{column: Visibility.MEMBERS})
        if viewer.chapter_ids:
            shares_chapter = ChapterMembership.objects.filter(
                member=OuterRef(f"{prefix}pk"), chapter_id__in=viewer.chapter_ids
            )
            rule |= Q(**{column: Visibility.CHAPTER}) & Q(Exists(shares_chapter))
    if viewer.member_id is not None:
        rule |= Q(**{f"{prefix}pk": viewer.member_id})
    return rule


def visible_members(
    viewer: Viewer, section: Section = Section.PROFILE, queryset: MemberQuerySet | None = None
) -> MemberQuerySet:
    """Listed members whose ``section`` the viewer may see (staff: everyone)."""
    members: MemberQuerySet = Member.objects.all() if queryset is None else queryset
    if not viewer.is_staff:
        members = members.listed()
    return members.filter(visible_q(viewer, section))


def _member_chapter_ids(member: Member) -> list[int]:
    prefetched = getattr(member, "_prefetched_objects_cache", {}).get("chapters")
    if prefetched is not None:
        return [chapter.pk for chapter in prefetched]
    return list(member.chapters.values_list("pk", flat=True))


class ProfileView:
    """A member exactly as one viewer may see them.

    Templates, exports and JSON read members through this object only: a hidden
    section reads as empty, and fields outside every section do not exist.
    """

    def __init__(self, member: Member, viewer: Viewer) -> None:
        self._member = member
        self.pk = member.pk
        # Whatever renders this member depends on them (the anonymous page cache).
        depends_on(member_tag(member.pk))
        self.is_own = viewer.member_id == member.pk
        self.sections = visible_sections(viewer, member)
        self.shows = {section.value: section in self.sections for section in Section}

    def __getattr__(self, name: str) -> Any:
        field = PROFILE_FIELDS.get(name)
        if field is None:
            raise AttributeError(name)
        if field.section not in self.sections:
            return [] if field.many else None
        value = getattr(self._member, name)
        return list(value.all()) if field.many else value

    def to_dict(self) -> dict[str, Any]:
        """The visible fields as plain JSON-ready data."""
        data: dict[str, Any] = {"id": self.pk}
        for section in Section:
            if section not in self.sections:
                continue
            for name in fields_of(section):
                data[name] = _plain(getattr(self, name))
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if hasattr(value, "code") and hasattr(value, "name"):  # a django-countries Country
        return value.code or None
    if hasattr(value, "file"):  # a Wagtail image: never expose the storage path
        return value.pk
    if hasattr(value, "name") and hasattr(value, "slug"):  # a tag
        return value.name
    return value
