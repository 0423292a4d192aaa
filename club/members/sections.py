"""The vocabulary of privacy: who may look (visibility levels), at what (profile sections).

Which member attribute belongs to which section is said here and nowhere else. This module
sits below the models (their visibility fields use it); the rule that applies it, with the
models in hand, is club/members/privacy.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Visibility(TextChoices):
    PUBLIC = "public", _("Everyone, including visitors who are not signed in")
    MEMBERS = "members", _("Signed-in club members")
    CHAPTER = "chapter", _("Members of my chapters")
    PRIVATE = "private", _("Only me (and JST staff)")


class Section(TextChoices):
    PROFILE = "profile", _("Name, photo, country and fields")
    BIO = "bio", _("Biography")
    CONTACT = "contact", _("Contact details and links")
    CAREER = "career", _("Current position and career")
    PARTICIPATION = "participation", _("Sakura Science programme participation")
    REVISITS = "revisits", _("Re-visits to Japan")


@dataclass(frozen=True)
class ProfileField:
    """Where one member attribute is shown: its section, and whether it holds several values."""

    section: Section
    many: bool = False
    # How the privacy settings name it, where the model's own name does not read well.
    label: str | Promise | None = None


# Which member attributes belong to which section: the only place this is said. Moving
# an attribute to another section is a change of its line here; pages, exports, the JSON
# API, the directory's hits, words and facets, and the privacy settings' help all follow.
# Anything not listed is never shown to anyone but the member and staff.
PROFILE_FIELDS: dict[str, ProfileField] = {
    "display_name": ProfileField(Section.PROFILE),
    "given_name": ProfileField(Section.PROFILE),
    "family_name": ProfileField(Section.PROFILE),
    "native_name": ProfileField(Section.PROFILE),
    "name_order": ProfileField(Section.PROFILE),
    "photo": ProfileField(Section.PROFILE),
    "country": ProfileField(Section.PROFILE),
    "nationality": ProfileField(Section.PROFILE),
    "fields": ProfileField(Section.PROFILE, many=True),
    "open_to_mentoring": ProfileField(Section.PROFILE),
    "chapters": ProfileField(Section.PROFILE, many=True, label=_("chapters")),
    "subject_groups": ProfileField(Section.PROFILE, many=True, label=_("subject groups")),
    "bio": ProfileField(Section.BIO),
    "bio_ja": ProfileField(Section.BIO),
    "contact_email": ProfileField(Section.CONTACT),
    "links": ProfileField(Section.CONTACT, many=True, label=_("links")),
    "position": ProfileField(Section.CAREER),
    "organisation": ProfileField(Section.CAREER),
    "careers": ProfileField(Section.CAREER, many=True),
    "participations": ProfileField(Section.PARTICIPATION, many=True),
    "revisits": ProfileField(Section.REVISITS, many=True),
}


def section_of(name: str) -> Section | None:
    """The section a member attribute belongs to (None: shown to nobody but owner and staff)."""
    field = PROFILE_FIELDS.get(name)
    return field.section if field else None


def fields_of(section: Section) -> list[str]:
    """The member attributes of one section, in their listed order."""
    return [name for name, field in PROFILE_FIELDS.items() if field.section == section]
