"""One service for "these members changed": everything derived from them follows.

Every writer reports here: ORM writes (profile forms, the admin, group and account
services) through the model hooks below, bulk writers (the roster import, demo seeding)
by calling ``members_changed`` themselves. What follows a change is listed in one place,
the ``MEMBER_CHANGE_SUBSCRIBERS`` setting, in the order the subscribers run.

Subscribers run inside the writer's transaction, so derived rows commit or roll back
with the change and never lag behind it; work outside the database (queueing the search
sync) is the subscriber's to defer with ``transaction.on_commit``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.module_loading import import_string

from club.members.models import (
    CareerEntry,
    ChapterMembership,
    Institution,
    InstitutionAlias,
    Member,
    Participation,
    Revisit,
)


@dataclass(frozen=True)
class MembersChanged:
    """Which members changed; ``deleted`` when their rows are gone."""

    member_ids: frozenset[int]
    deleted: bool = False


Subscriber = Callable[[MembersChanged], None]


def subscribers() -> tuple[Subscriber, ...]:
    """The functions that keep derived data in step, from ``MEMBER_CHANGE_SUBSCRIBERS``."""
    return tuple(import_string(path) for path in settings.MEMBER_CHANGE_SUBSCRIBERS)


def members_changed(member_ids: Iterable[int | None], *, deleted: bool = False) -> None:
    """Bring everything derived from these members up to date (``deleted``: they are gone)."""
    ids = frozenset(pk for pk in member_ids if pk is not None)
    if not ids:
        return
    change = MembersChanged(ids, deleted=deleted)
    for subscriber in subscribers():
        subscriber(change)


# ORM writes: one set of model hooks turns them into members_changed calls.

# Rows that belong to one member. Field tags are followed through m2m_changed, which their
# manager sends once per add, remove or clear (not once per tag).
MEMBER_ROWS = (Participation, Revisit, CareerEntry, ChapterMembership)
MemberRow = Participation | Revisit | CareerEntry | ChapterMembership


def _remember_owner(
    sender: type[MemberRow], instance: Any, raw: bool = False, update_fields: Any = None, **_: Any
) -> None:
    # A row moved to another member changes both members: keep the one it leaves, on the row.
    if raw or instance.pk is None or (update_fields and "member" not in update_fields):
        return
    previous = sender.objects.filter(pk=instance.pk).values_list("member_id", flat=True).first()
    instance._changes_previous_member_id = previous


def _row_saved(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    if not raw:
        previous = instance.__dict__.pop("_changes_previous_member_id", None)
        members_changed([instance.member_id, previous])


def _row_deleted(sender: type, instance: Any, origin: Any = None, **_: Any) -> None:
    # Rows going with their member are covered by the member's own deletion.
    if not _is_member_deletion(origin):
        members_changed([instance.member_id])


def _is_member_deletion(origin: Any) -> bool:
    return isinstance(origin, Member) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, Member)
    )


def _member_saved(sender: type, instance: Member, raw: bool = False, **_: Any) -> None:
    if not raw:
        members_changed([instance.pk])


def _member_deleted(sender: type, instance: Member, **_: Any) -> None:
    members_changed([instance.pk], deleted=True)


def _institution_saved(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    if raw:
        return
    # A renamed institution or a new alias changes the entries of everyone who went there.
    pk = getattr(instance, "institution_id", None) or instance.pk
    went_there = Q(host_institution_id=pk) | Q(sending_institution_id=pk)
    members_changed(
        Participation.objects.filter(went_there).values_list("member_id", flat=True).distinct()
    )


def _fields_changed(sender: type, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    members_changed((kwargs.get("pk_set") or ()) if reverse else [instance.pk])


def connect() -> None:
    """Connect the model hooks (MembersConfig.ready)."""
    for model in MEMBER_ROWS:
        uid = f"member-changes-{model.__name__}"
        pre_save.connect(_remember_owner, sender=model, dispatch_uid=uid)
        post_save.connect(_row_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_row_deleted, sender=model, dispatch_uid=uid)
    post_save.connect(_member_saved, sender=Member, dispatch_uid="member-changes-member")
    post_delete.connect(_member_deleted, sender=Member, dispatch_uid="member-changes-member")
    for institution_model in (Institution, InstitutionAlias):
        post_save.connect(
            _institution_saved,
            sender=institution_model,
            dispatch_uid=f"member-changes-{institution_model.__name__}",
        )
    m2m_changed.connect(
        _fields_changed, sender=Member.fields.through, dispatch_uid="member-changes-fields"
    )
