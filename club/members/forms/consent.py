"""Consent per use: one checkbox per purpose, on registration, the claim form and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from club.members.consent import current_consent
from club.members.models import Member, Purpose

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What each purpose means, in plain words, next to its checkbox.
EXPLANATIONS: dict[str, StrOrPromise] = {
    Purpose.DIRECTORY: _(
        "Signed-in alumni can find you in the alumni directory, with the parts of your "
        "profile your privacy settings let them see."
    ),
    Purpose.SURVEYS: _(
        "JST may e-mail you a short follow-up survey, about once a year, asking whether you "
        "have come back to Japan and what you do now."
    ),
    Purpose.NEWSLETTERS: _("News from the club and JST, and digests of upcoming reunions."),
    Purpose.RESEARCH: _(
        "Your own record (programme, re-visits, career) may be included in files JST gives "
        "to researchers who study the programme. Without this, you are still counted in "
        "aggregate figures, where groups of fewer than five people are never shown."
    ),
}

FIELD_PREFIX = "consent_"


def consent_fields(member: Member | None = None) -> dict[str, forms.BooleanField]:
    """One unticked checkbox per purpose (ticked only where ``member`` already said yes)."""
    return {
        f"{FIELD_PREFIX}{purpose}": forms.BooleanField(
            label=purpose.label,
            help_text=EXPLANATIONS[purpose],
            required=False,
            initial=current_consent(member, purpose) if member is not None else False,
        )
        for purpose in Purpose
    }


def consent_answers(cleaned_data: dict[str, Any]) -> dict[str, bool]:
    """The answer per purpose from a form built with ``consent_fields``."""
    return {purpose: bool(cleaned_data.get(f"{FIELD_PREFIX}{purpose}")) for purpose in Purpose}


def consent_bound_fields(form: forms.Form) -> list[forms.BoundField]:
    """The consent checkboxes of ``form``, for templates that show them as one group."""
    return [form[f"{FIELD_PREFIX}{purpose}"] for purpose in Purpose]


class ConsentSettingsForm(forms.Form):
    """The member's current answer per purpose; saving records only what changed."""

    def __init__(self, *args: Any, member: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields.update(consent_fields(member))

    def consent_group(self) -> list[forms.BoundField]:
        return consent_bound_fields(self)

    def changed_answers(self) -> dict[str, bool]:
        """Answers that differ from the current ones, or were never asked before."""
        return {
            purpose: given
            for purpose, given in consent_answers(self.cleaned_data).items()
            if getattr(self.member, f"consent_{purpose}") is not given
        }
