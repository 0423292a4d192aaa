"""E-mails written from templates, in the recipient's language: the one way the site sends mail.

A mail ``members/email/welcome`` is ``welcome_subject.txt`` (folded onto one line),
``welcome_body.txt`` and, for mails with an HTML part, ``welcome_body.html`` (autoescaped,
so text people typed arrives as text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation

if TYPE_CHECKING:
    from club.members.models import Member


def member_address(member: Member) -> str:
    """The member's sign-in address, else their contact address ('' if neither)."""
    user = member.user  # None without a query when there is no account
    if user is not None and user.email:
        email: str = user.email
        return email
    return member.contact_email


def build(
    template: str,
    context: dict[str, Any],
    recipients: Iterable[str],
    language: str,
    *,
    html: bool = False,
    connection: BaseEmailBackend | None = None,
) -> EmailMultiAlternatives:
    """The mail ``template`` rendered with ``context`` in ``language``, from DEFAULT_FROM_EMAIL."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}_body.txt", context)
        html_body = render_to_string(f"{template}_body.html", context) if html else None
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        settings.DEFAULT_FROM_EMAIL,
        list(recipients),
        connection=connection,
    )
    if html_body is not None:
        message.attach_alternative(html_body, "text/html")
    return message


def send(
    template: str,
    context: dict[str, Any],
    recipients: Iterable[str],
    language: str,
    *,
    connection: BaseEmailBackend | None = None,
) -> None:
    """Send the text-only mail ``template``; a batch passes the one ``connection`` it shares."""
    build(template, context, recipients, language, connection=connection).send()
