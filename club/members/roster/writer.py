"""Writing one chunk of valid rows: match members, then bulk-create or bulk-update everything.

A chunk costs a fixed handful of queries (plus one per never-seen institution or field),
whatever its size: no query is made per row.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import User
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from club.members.models import (
    ErasedIdentity,
    Member,
    MemberStatus,
    NameOrder,
    Participation,
    TaggedField,
)
from club.members.roster.institutions import FieldVocabulary, InstitutionDirectory
from club.members.roster.report import MAX_PREVIEW_ROWS, ImportReport, RowOutcome, RowProblem
from club.members.roster.rows import RosterRow, column_max_length

# Row attribute → Member field, copied when the row gives a value.
_MEMBER_FIELDS = (
    ("given_name", "given_name"),
    ("family_name", "family_name"),
    ("native_name", "native_name"),
    ("name_order", "name_order"),
    ("nationality", "nationality"),
    ("country", "country"),
    ("position", "position"),
    ("organisation", "organisation"),
    ("preferred_language", "preferred_language"),
    ("email", "contact_email"),
)
_UPDATABLE = [field for _attr, field in _MEMBER_FIELDS] + ["roster_id", "updated_at"]
_PARTICIPATION_UPDATABLE = ["fiscal_year", "end_date", "sending_institution", "host_institution"]
_USERNAME_LENGTH = column_max_length(get_user_model(), "username")


@dataclass(slots=True)
class _Match:
    row: RosterRow
    member: Member
    member_action: str


class ChunkWriter:
    """Writes chunks for one import; remembers which members it created or changed."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.institutions = InstitutionDirectory(report)
        self.fields = FieldVocabulary(report)
        self.created_ids: set[int] = set()
        self.updated_ids: set[int] = set()
        self._matched_ids: set[int] = set()

    def write(self, rows: list[RosterRow]) -> None:
        """Import the valid rows of one chunk; rows in conflict with stored data become problems."""
        if not rows:
            return
        rows = self._without_erased(rows)
        self._by_roster, self._by_email = self._existing_members(rows)
        self._new: dict[int, Member] = {}
        self._dirty: dict[int, Member] = {}
        matches = [match for row in rows if (match := self._match(row)) is not None]
        self._save_members()
        self._count_members(matches)
        actions = self._save_participations(matches)
        self._save_fields(matches)
        room = max(0, MAX_PREVIEW_ROWS - len(self.report.preview))
        for match, action in list(zip(matches, actions, strict=True))[:room]:
            self.report.add_preview(
                RowOutcome(
                    line=match.row.line,
                    roster_id=match.row.roster_id,
                    name=match.row.display_name,
                    native_name=match.row.native_name,
                    email=match.row.email,
                    programme=match.row.programme,
                    member_action=match.member_action,
                    participation_action=action,
                )
            )

    @property
    def touched_ids(self) -> set[int]:
        """Members this import created or changed."""
        return self.created_ids | self.updated_ids

    # Members -------------------------------------------------------------------------------

    def _without_erased(self, rows: list[RosterRow]) -> list[RosterRow]:
        """The rows, less those of alumni who deleted their membership (they stay deleted)."""
        erased = ErasedIdentity.objects.erased(
            {row.line: (row.roster_id, [row.email]) for row in rows}
        )
        for row in rows:
            if row.line in erased:
                self.report.add_erased(row.line)
        return [row for row in rows if row.line not in erased]

    def _existing_members(
        self, rows: list[RosterRow]
    ) -> tuple[dict[str, Member], dict[str, list[Member]]]:
        roster_ids = {row.roster_id for row in rows if row.roster_id}
        emails = {row.email for row in rows if row.email}
        members = Member.objects.annotate(
            contact_key=Lower("contact_email"), login_key=Lower("user__email")
        ).filter(Q(roster_id__in=roster_ids) | Q(contact_key__in=emails) | Q(login_key__in=emails))
        by_roster: dict[str, Member] = {}
        by_email: dict[str, list[Member]] = {}
        for member in members:
            if member.roster_id:
                by_roster[member.roster_id] = member
            for key in {member.contact_key, member.login_key} & emails:
                by_email.setdefault(key, []).append(member)
        return by_roster, by_email

    def _match(self, row: RosterRow) -> _Match | None:
        """The member a row is about: by roster ID, else by email, else a new one."""
        member = self._by_roster.get(row.roster_id) if row.roster_id else None
        owners = [m for m in self._by_email.get(row.email, []) if m is not member]
        conflict = None
        if member is not None and owners:
            conflict = owners[0]
        elif len(owners) > 1:
            message = _("%(email)s matches several members; merge them first.")
            self._reject(row, message % {"email": row.email})
            return None
        elif owners:
            member = owners[0]
            # The row's roster ID is unknown, so a roster ID on this member is a different one.
            if row.roster_id and member.roster_id:
                conflict = member
        if conflict is not None:
            self._reject(
                row,
                _("%(email)s already belongs to another member (roster ID %(other)s).")
                % {"email": row.email, "other": conflict.roster_id or "-"},
            )
            return None
        if member is None:
            member = Member(status=MemberStatus.ACTIVE, name_order=NameOrder.GIVEN_FIRST)
            self._new[id(member)] = member
        changed = _apply(row, member)
        if member.pk is None or member.pk in self.created_ids:
            action = "create"
        else:
            action = "update" if changed else "unchanged"
        if changed and member.pk is not None:
            self._dirty[member.pk] = member
        if member.roster_id:
            self._by_roster[member.roster_id] = member
        if row.email and member not in self._by_email.get(row.email, []):
            self._by_email.setdefault(row.email, []).append(member)
        return _Match(row, member, action)

    def _reject(self, row: RosterRow, message: str) -> None:
        self.report.invalid_rows += 1
        self.report.add_problem(RowProblem(row.line, str(message), "email"))

    def _save_members(self) -> None:
        new_members = list(self._new.values())
        if new_members:
            users = [_new_user(member) for member in new_members]
            _make_usernames_unique(users)
            get_user_model().objects.bulk_create(users)
            for member, user in zip(new_members, users, strict=True):
                # The id, not the object: member.user = user would link the two both ways,
                # a reference cycle that keeps every chunk's objects alive until a full GC.
                member.user_id = user.pk
            Member.objects.bulk_create(new_members)
            self.created_ids.update(member.pk for member in new_members)
            self.report.members_created += len(new_members)
        if self._dirty:
            now = timezone.now()
            for member in self._dirty.values():
                member.updated_at = now
            Member.objects.bulk_update(list(self._dirty.values()), _UPDATABLE)

    def _count_members(self, matches: list[_Match]) -> None:
        for match in matches:
            pk = match.member.pk
            if pk in self.created_ids:
                continue
            self._matched_ids.add(pk)
            if pk in self._dirty:
                self.updated_ids.add(pk)
        self.report.members_updated = len(self.updated_ids)
        self.report.members_unchanged = len(self._matched_ids) - len(self.updated_ids)

    # Participations and fields -------------------------------------------------------------

    def _save_participations(self, matches: list[_Match]) -> list[str]:
        stored = {
            (p.member_id, p.programme, p.start_date): p
            for p in Participation.objects.filter(
                member_id__in={match.member.pk for match in matches}
            )
        }
        pending: dict[tuple[int, str, date], Participation] = {}
        created, changed, actions = [], {}, []
        for match in matches:
            row, key = match.row, (match.member.pk, match.row.programme, match.row.start_date)
            values = self._participation_values(row)
            participation = stored.get(key) or pending.get(key)
            if participation is None:
                participation = Participation(
                    member_id=match.member.pk,
                    programme=row.programme,
                    start_date=row.start_date,
                    **values,
                )
                pending[key] = participation
                created.append(participation)
                actions.append("create")
                continue
            differs = any(getattr(participation, name) != value for name, value in values.items())
            for name, value in values.items():
                setattr(participation, name, value)
            if participation.pk is None:
                actions.append("create")
            elif differs:
                changed[participation.pk] = participation
                actions.append("update")
            else:
                actions.append("unchanged")
        Participation.objects.bulk_create(created)
        if changed:
            Participation.objects.bulk_update(list(changed.values()), _PARTICIPATION_UPDATABLE)
        self.report.participations_created += len(created)
        self.report.participations_updated += len(changed)
        self.report.participations_unchanged += sum(action == "unchanged" for action in actions)
        return actions

    def _participation_values(self, row: RosterRow) -> dict[str, object]:
        values: dict[str, object] = {"fiscal_year": row.fiscal_year, "end_date": row.end_date}
        if row.host_institution:
            values["host_institution_id"] = self.institutions.id_for(row.host_institution, "JP")
        if row.sending_institution:
            country = row.nationality or row.country  # the row validator requires one
            values["sending_institution_id"] = self.institutions.id_for(
                row.sending_institution, country
            )
        return values

    def _save_fields(self, matches: list[_Match]) -> None:
        wanted = {
            (match.member.pk, self.fields.id_for(name))
            for match in matches
            for name in match.row.fields
        }
        if not wanted:
            return
        stored = set(
            TaggedField.objects.filter(
                content_object_id__in={pk for pk, _tag in wanted}
            ).values_list("content_object_id", "tag_id")
        )
        TaggedField.objects.bulk_create(
            TaggedField(content_object_id=pk, tag_id=tag) for pk, tag in sorted(wanted - stored)
        )


def _apply(row: RosterRow, member: Member) -> bool:
    """Copy the row's non-empty values onto ``member``; True if anything changed."""
    changed = False
    for attr, field in _MEMBER_FIELDS:
        value = getattr(row, attr)
        if not value:
            continue
        if member.pk is None:  # a new member: no need to compare (country fields are slow to read)
            setattr(member, field, value)
            changed = True
            continue
        current = getattr(member, field)
        if field == "contact_email":
            current = current.lower()  # rows are lower-cased; stored addresses may not be
        if current != value:
            setattr(member, field, value)
            changed = True
    if row.roster_id and not member.roster_id:
        member.roster_id = row.roster_id
        changed = True
    return changed


def _new_user(member: Member) -> User:
    base = member.contact_email or f"roster-{member.roster_id}".lower()
    return get_user_model()(
        username=base[:_USERNAME_LENGTH],
        email=member.contact_email,
        first_name=member.given_name[:150],
        last_name=member.family_name[:150],
        # What make_password(None) stores, without its per-character random draws (3x faster).
        password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
        is_active=True,
    )


def _make_usernames_unique(users: list[User]) -> None:
    """Give a random suffix to usernames already taken (one query for the whole chunk)."""
    model = get_user_model()
    taken = set(
        model.objects.filter(username__in=[user.username for user in users]).values_list(
            "username", flat=True
        )
    )
    for user in users:
        while user.username in taken:
            user.username = f"{user.username[: _USERNAME_LENGTH - 9]}-{secrets.token_hex(4)}"
        taken.add(user.username)
