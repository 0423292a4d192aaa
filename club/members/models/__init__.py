"""Alumni data: members, their programme history, institutions and groups."""

from club.members.models.accounts import Invitation
from club.members.models.consent import (
    ConfirmationKind,
    ConsentRecord,
    ConsentSource,
    ProfileConfirmation,
    Purpose,
)
from club.members.models.erasure import ErasedIdentity
from club.members.models.groups import (
    Chapter,
    ChapterMembership,
    GroupRole,
    SubjectGroup,
    SubjectGroupMembership,
)
from club.members.models.history import (
    CareerEntry,
    Funding,
    Participation,
    Revisit,
    RevisitKind,
    RevisitSource,
)
from club.members.models.institutions import Institution, InstitutionAlias, InstitutionKind
from club.members.models.profiles import (
    FieldTag,
    Member,
    MemberLink,
    MemberStatus,
    NameOrder,
    TaggedField,
)

__all__ = [
    "CareerEntry",
    "Chapter",
    "ConfirmationKind",
    "ConsentRecord",
    "ConsentSource",
    "ChapterMembership",
    "ErasedIdentity",
    "FieldTag",
    "Funding",
    "GroupRole",
    "Institution",
    "InstitutionAlias",
    "InstitutionKind",
    "Invitation",
    "Member",
    "MemberLink",
    "MemberStatus",
    "NameOrder",
    "Participation",
    "ProfileConfirmation",
    "Purpose",
    "Revisit",
    "RevisitKind",
    "RevisitSource",
    "SubjectGroup",
    "SubjectGroupMembership",
    "TaggedField",
]
