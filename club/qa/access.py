"""Who may read, post in and moderate a Q&A channel, and how authors are named to its readers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from club.members.models import Member, SubjectGroup
from club.members.privacy import ANONYMOUS, ProfileView, Viewer
from club.members.roles import active_member, coordinated, is_signed_in, moderates_all_qa
from club.qa.models import QuestionChannel


@dataclass(frozen=True)
class Access:
    """What one user may do in one channel, worked out once per request or connection."""

    member: Member | None
    signed_in: bool
    can_read: bool
    can_post: bool
    is_moderator: bool

    @property
    def member_id(self) -> int | None:
        return self.member.pk if self.member else None


def is_moderator(user: Any, channel: QuestionChannel, member: Member | None = None) -> bool:
    """Staff, assigned moderators, and the coordinators of the hosting chapter or subject group."""
    if moderates_all_qa(user):
        return True
    member = member if member is not None else active_member(user)
    if member is None:
        return False
    # One query: an assigned moderator, or a coordinator of the hosting chapter or group.
    moderates = Q(moderators=member)
    if channel.event_id is not None:
        # Through the event's chapter: no need to load the (wide) event page row.
        moderates |= Q(event__chapter__in=coordinated(user))
    if channel.subject_group_id is not None:
        moderates |= Q(subject_group__in=coordinated(user, SubjectGroup))
    return QuestionChannel.objects.filter(moderates, pk=channel.pk).exists()


def access_for(user: Any, channel: QuestionChannel) -> Access:
    """Reading needs sign-in unless the channel is public; posting needs an active member."""
    signed_in = is_signed_in(user)
    member = active_member(user)
    moderator = is_moderator(user, channel, member)
    # Pending and anonymised accounts read like visitors: only active members and staff count.
    can_read = channel.is_public or moderator or member is not None
    return Access(
        member=member,
        signed_in=signed_in,
        can_read=can_read,
        can_post=can_read and channel.is_open and member is not None,
        is_moderator=moderator,
    )


def audience(channel: QuestionChannel) -> Viewer:
    """The least privileged reader of a channel: every broadcast must be fit for them."""
    return ANONYMOUS if channel.is_public else Viewer(is_member=True)


def author_name(member: Member | None, channel: QuestionChannel) -> str | None:
    """The author's name if the privacy rule shows it to every reader of the channel, else None.

    Pages and the live client show a translated "A club member" in place of None.
    """
    if member is None:
        return None
    return ProfileView(member, audience(channel)).display_name or None
