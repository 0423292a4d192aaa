"""The end of a member's life cycle: exporting everything we hold, and deleting the account."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from club.members.consent import current_consent
from club.members.models import (
    ChapterMembership,
    ErasedIdentity,
    Member,
    MemberLink,
    MemberStatus,
    NameOrder,
    Purpose,
    SubjectGroupMembership,
)
from club.members.photos import delete_photo
from club.members.sections import Section, Visibility

# Stored in place of the given name. Anonymised members are shown to nobody but staff.
ANONYMISED_NAME = "Deleted member"

# What survives an account deletion, for the outcome statistics JST reports on.
KEPT_AFTER_DELETION = ("country", "nationality", "participations", "revisits")


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_member_data(member: Member) -> dict[str, Any]:
    """Everything we hold about a member and their account, as JSON-ready data."""
    member = (
        Member.objects.select_related("user", "photo")
        .prefetch_related(
            "links", "fields", "careers", "invitations", "consent_records", "confirmations"
        )
        .get(pk=member.pk)
    )
    participations = member.participations.select_related("sending_institution", "host_institution")
    return {
        "exported_at": timezone.now().isoformat(),
        "account": _account(member),
        "member": _member_fields(member),
        "visibility": {section.value: member.visibility(section).value for section in Section},
        "links": [{"label": link.label, "url": link.url} for link in member.links.all()],
        "fields": sorted(tag.name for tag in member.fields.all()),
        "participations": [item.as_dict() for item in participations],
        "revisits": [item.as_dict() for item in member.revisits.select_related("institution")],
        "careers": [career.as_dict() for career in member.careers.all()],
        "chapters": [
            {
                "chapter": membership.chapter.name,
                "slug": membership.chapter.slug,
                "role": membership.role,
                "joined_at": _iso(membership.joined_at),
            }
            for membership in ChapterMembership.objects.filter(member=member).select_related(
                "chapter"
            )
        ],
        "subject_groups": [
            {
                "group": membership.group.name,
                "slug": membership.group.slug,
                "role": membership.role,
                "joined_at": _iso(membership.joined_at),
            }
            for membership in SubjectGroupMembership.objects.filter(member=member).select_related(
                "group"
            )
        ],
        # Claim tokens are secrets (and only their hashes are stored): dates only.
        "invitations": [
            {
                "created_at": _iso(invitation.created_at),
                "expires_at": _iso(invitation.expires_at),
                "used_at": _iso(invitation.used_at),
            }
            for invitation in member.invitations.all()
        ],
        "consent": {purpose.value: current_consent(member, purpose) for purpose in Purpose},
        "consent_history": [
            {
                "purpose": record.purpose,
                "given": record.given,
                "recorded_at": _iso(record.recorded_at),
                "policy_version": record.policy_version,
                "source": record.source,
            }
            for record in member.consent_records.all()
        ],
        "profile_confirmed_at": _iso(member.profile_confirmed_at),
        "profile_confirmations": [
            {"confirmed_at": _iso(item.confirmed_at), "kind": item.kind}
            for item in member.confirmations.all()
        ],
    }


def _account(member: Member) -> dict[str, Any] | None:
    user = member.user
    if user is None:
        return None
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
    }


def _member_fields(member: Member) -> dict[str, Any]:
    photo = member.photo
    return {
        "id": member.pk,
        "roster_id": member.roster_id,
        "status": member.status,
        "given_name": member.given_name,
        "family_name": member.family_name,
        "native_name": member.native_name,
        "name_order": member.name_order,
        "display_name": member.display_name,
        "bio": member.bio,
        "bio_ja": member.bio_ja,
        "country": member.country.code or None,
        "nationality": member.nationality.code or None,
        "position": member.position,
        "organisation": member.organisation,
        "contact_email": member.contact_email,
        "preferred_language": member.preferred_language,
        "open_to_mentoring": member.open_to_mentoring,
        "photo": photo
        and {
            "width": photo.width,
            "height": photo.height,
            "file_size": photo.file_size,
            "uploaded_at": _iso(photo.created_at),
        },
        "created_at": _iso(member.created_at),
        "updated_at": _iso(member.updated_at),
        "anonymised_at": _iso(member.anonymised_at),
    }


def anonymise_member(member: Member) -> Member:
    """Delete the account and personal data, keeping what aggregate statistics need.

    Country, nationality, programme participations and re-visits stay; the user account,
    names, texts, contact details, links, fields, careers, photo, group memberships and
    invitations go. The member row stays with status "anonymised".
    """
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        user, photo = member.user, member.photo
        # So that the next roster import skips this alumnus instead of recreating them.
        ErasedIdentity.objects.remember(
            member.roster_id, [member.contact_email, user.email if user else None]
        )

        member.given_name = ANONYMISED_NAME
        member.family_name = ""
        member.native_name = ""
        member.name_order = NameOrder.GIVEN_FIRST
        member.bio = ""
        member.bio_ja = ""
        member.contact_email = ""
        member.position = ""
        member.organisation = ""
        member.open_to_mentoring = False
        # The roster ID would tie the kept records back to JST's list of names.
        member.roster_id = None
        member.photo = None
        member.user = None
        for section in Section:
            setattr(member, f"visibility_{section}", Visibility.PRIVATE)
        member.status = MemberStatus.ANONYMISED
        member.anonymised_at = timezone.now()
        member.save()

        member.fields.clear()
        MemberLink.objects.filter(member=member).delete()
        member.careers.all().delete()
        ChapterMembership.objects.filter(member=member).delete()
        SubjectGroupMembership.objects.filter(member=member).delete()
        member.invitations.all().delete()
        delete_photo(photo)
        if user is not None:
            user.delete()
    return member
