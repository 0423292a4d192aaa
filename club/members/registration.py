"""Account life cycle: claiming an invitation, self-registration, and staff approval."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission, User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from club import mail
from club.members.consent import record_consents
from club.members.models import (
    ConsentSource,
    Institution,
    Invitation,
    Member,
    MemberStatus,
    Participation,
)
from club.members.models.accounts import hash_token
from club.public_urls import absolute

APPROVE_PERMISSION = "members.change_member"


class InvitationProblem(enum.Enum):
    """Why a claim link cannot be used."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


class InvitationUnavailable(Exception):
    """The invitation was used or expired while the claim form was being filled in."""


def find_invitation(token: str) -> tuple[Invitation | None, InvitationProblem | None]:
    """The usable invitation for ``token``, or None with the reason it cannot be used."""
    invitation = Invitation.objects.for_token(token)
    if invitation is not None:
        return invitation, None
    if not token or len(token) > 100:
        return None, InvitationProblem.UNKNOWN
    stale = Invitation.objects.filter(token_hash=hash_token(token)).first()
    if stale is None:
        return None, InvitationProblem.UNKNOWN
    if stale.used_at is not None:
        return None, InvitationProblem.USED
    return None, InvitationProblem.EXPIRED


def email_taken(email: str) -> bool:
    """Whether any account or member profile already uses ``email`` (any letter case)."""
    return (
        get_user_model()._default_manager.filter(email__iexact=email).exists()
        or Member.objects.filter(contact_email__iexact=email).exists()
    )


def _unique_username(email: str) -> str:
    user_model = get_user_model()
    base = email.strip().lower()[:140]
    candidate, suffix = base, 1
    while user_model._default_manager.filter(username__iexact=candidate).exists():
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


@transaction.atomic
def claim_invitation(
    invitation: Invitation,
    *,
    password: str,
    given_name: str,
    family_name: str,
    preferred_language: str,
    consents: Mapping[str, bool] | None = None,
) -> User:
    """Set the password and confirmed names, activate the account and use up the link.

    ``consents`` (purpose: given) are recorded in the same transaction, as given on the claim.
    """
    locked = (
        Invitation.objects.select_for_update(of=("self",)).usable().filter(pk=invitation.pk).first()
    )
    if locked is None:
        raise InvitationUnavailable
    member = Member.objects.select_related("user").get(pk=locked.member_id)
    if member.status == MemberStatus.ANONYMISED:
        raise InvitationUnavailable
    user = member.user
    if user is None:
        user = get_user_model()(username=_unique_username(locked.email), email=locked.email)
    user.set_password(password)
    user.is_active = True
    user.email = user.email or locked.email
    user.first_name, user.last_name = given_name[:150], family_name[:150]
    user.save()

    member.user = user
    member.given_name, member.family_name = given_name, family_name
    member.preferred_language = preferred_language
    member.status = MemberStatus.ACTIVE
    member.contact_email = member.contact_email or locked.email
    member.save()
    if consents:
        record_consents(member, consents, ConsentSource.CLAIM)

    locked.mark_used()
    member.invitations.filter(used_at__isnull=True).update(used_at=timezone.now())
    return user


@dataclass(frozen=True)
class Registration:
    """What a person tells us when they register themselves."""

    given_name: str
    family_name: str
    email: str
    password: str
    nationality: str
    country: str
    preferred_language: str
    programme: str = ""
    fiscal_year: int | None = None
    host_institution: str = ""
    consents: Mapping[str, bool] = field(default_factory=dict)


def _host_institution(name: str) -> Institution | None:
    name = name.strip()
    if not name:
        return None
    found = Institution.objects.resolve(name)
    if found is not None:
        return found
    # A host institution is in Japan by definition; staff merge duplicates via aliases.
    institution = Institution(name=name[:200], country="JP")
    institution.save()
    return institution


def register_member(registration: Registration) -> Member | None:
    """Create an inactive user and a pending member, then tell the staff who approve them.

    If the address is already in use, nothing is created and the address's owner is told
    by e-mail how to sign in (None is returned); the person registering sees the same page
    either way, so the form cannot be used to learn who is a member.
    """
    if email_taken(registration.email):
        notify_address_in_use(registration.email, registration.preferred_language)
        return None
    try:
        with transaction.atomic():
            user = get_user_model()(
                username=_unique_username(registration.email),
                email=registration.email,
                first_name=registration.given_name[:150],
                last_name=registration.family_name[:150],
                is_active=False,
            )
            user.set_password(registration.password)
            user.save()
            member: Member = Member.objects.create(
                user=user,
                status=MemberStatus.PENDING,
                given_name=registration.given_name,
                family_name=registration.family_name,
                contact_email=registration.email,
                nationality=registration.nationality,
                country=registration.country,
                preferred_language=registration.preferred_language,
            )
            if registration.programme and registration.fiscal_year:
                # The exact dates are rarely remembered: the fiscal year (April to March)
                # bounds the visit until the member or JST records the real dates.
                Participation.objects.create(
                    member=member,
                    programme=registration.programme,
                    fiscal_year=registration.fiscal_year,
                    start_date=date(registration.fiscal_year, 4, 1),
                    end_date=date(registration.fiscal_year + 1, 3, 31),
                    host_institution=_host_institution(registration.host_institution),
                )
            if registration.consents:
                record_consents(member, registration.consents, ConsentSource.REGISTRATION)
    except IntegrityError:  # a simultaneous registration with the same address
        notify_address_in_use(registration.email, registration.preferred_language)
        return None
    notify_staff(member)
    return member


def pending_registrations() -> QuerySet[Member]:
    """Self-registered members awaiting approval, oldest first."""
    return (
        Member.objects.filter(status=MemberStatus.PENDING, user__isnull=False)
        .select_related("user")
        .prefetch_related("participations__host_institution")
        .order_by("created_at", "pk")
    )


def staff_recipients() -> list[str]:
    """Addresses of active users who may approve registrations, or SERVER_EMAIL."""
    app_label, codename = APPROVE_PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    who = Q(is_superuser=True)
    if permission is not None:
        who |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    emails = (
        get_user_model()
        ._default_manager.filter(who, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(emails)) or [settings.SERVER_EMAIL]


def contact_address() -> str:
    """Where people write to JST about their account: the address our mail comes from."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL


def _send(template: str, context: dict[str, Any], recipients: Iterable[str], language: str) -> None:
    mail.send(f"members/email/{template}", context, recipients, language)


def notify_address_in_use(email: str, language: str) -> None:
    """Tell the owner of ``email`` that someone tried to register with it, and how to sign in.

    Written in the owner's language when we know it, not in the language of whoever asked.
    """
    owner = Member.objects.filter(
        Q(user__email__iexact=email) | Q(contact_email__iexact=email)
    ).first()
    if owner is not None and owner.preferred_language:
        language = owner.preferred_language
    with translation.override(language):
        context = {
            "login": absolute(reverse("members:login")),
            "reset": absolute(reverse("members:password-reset")),
            "contact": contact_address(),
        }
    _send("address_in_use", context, [email], language)


def notify_staff(member: Member) -> None:
    """Email the approvers that ``member`` registered and waits for them."""
    context = {
        "member": member,
        "email": member.user.email if member.user else member.contact_email,
        "participations": list(member.participations.select_related("host_institution")),
        "link": absolute(reverse("member-registrations:index")),
    }
    _send("registration_staff", context, staff_recipients(), settings.LANGUAGE_CODE)


@transaction.atomic
def approve_registration(member: Member) -> None:
    """Activate a pending member and their account, and welcome them in their language."""
    member = Member.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)
    if member.status != MemberStatus.PENDING or member.user is None:
        return
    member.user.is_active = True
    member.user.save(update_fields=["is_active"])
    member.status = MemberStatus.ACTIVE
    member.save(update_fields=["status", "updated_at"])
    with translation.override(member.preferred_language):
        link = absolute(reverse("members:login"))
    _send(
        "welcome",
        {"member": member, "link": link, "username": member.user.get_username()},
        [member.user.email],
        member.preferred_language,
    )


@transaction.atomic
def reject_registration(member: Member) -> None:
    """Delete a pending member and their account, and tell them politely."""
    member = Member.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)
    if member.status != MemberStatus.PENDING:
        return
    user, email = member.user, member.user.email if member.user else member.contact_email
    context = {"member": member, "contact": contact_address()}
    member.delete()
    if user is not None:
        user.delete()
    if email:
        _send("rejected", context, [email], member.preferred_language)
