"""CSV export of members for JST staff: streamed, UTF-8 with a BOM so Excel opens it cleanly.

Every row is read through ``ProfileView``, so the export shows exactly what the
privacy rule lets the exporting user see (everything, for JST staff).

Consent (club.members.consent) decides who is in the file at all:
- the research export holds only members who agreed to their individual record being in
  research exports, and no contact details (aggregate figures need no consent: they are
  the outcomes dashboard and its exports, with small-number suppression);
- an exporter who is not JST staff gets a list of other members, like the directory, so it
  leaves out those who withdrew their directory listing;
- JST staff's administrative export (running the programme: invitations, reconciling the
  roster) keeps everyone, as the member list in the admin does.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, cast

from django.db.models import Prefetch, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from club.members.models import Member, MemberStatus, Participation, Purpose, Revisit
from club.members.models.profiles import MemberQuerySet
from club.members.privacy import ProfileView, Viewer
from club.spreadsheet_cells import csv_cell

EXPORT_PERMISSION = "members.export_members"
BOM = "\ufeff"
CHUNK_SIZE = 500

# Header names follow the roster import's columns where they mean the same thing.
HEADER = (
    "roster_id",
    "given_name",
    "family_name",
    "native_name",
    "email",
    "country_of_residence",
    "nationality",
    "status",
    "programmes",
    "host_institutions",
    "revisits",
    "chapters",
)
PERSONAL_COLUMNS = frozenset({"roster_id", "given_name", "family_name", "native_name", "email"})
# Researchers get the record, never the means to contact the person.
RESEARCH_HEADER = tuple(column for column in HEADER if column != "email")
RESEARCH_USE = "research"

# Cells starting with these are run as formulas by spreadsheets (CSV injection).


def export_queryset(queryset: QuerySet[Member]) -> QuerySet[Member]:
    """The members with everything a row needs, in a fixed order, a few queries per chunk."""
    return (
        queryset.select_related("user")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("host_institution"),
            ),
            Prefetch("revisits", queryset=Revisit.objects.only("pk", "member_id", "start_date")),
            "chapters",
        )
        .order_by("pk")
    )


def consenting_members(queryset: QuerySet[Member], viewer: Viewer, use: str) -> QuerySet[Member]:
    """The members an export for ``use`` may hold, by their consent (see the module doc)."""
    members = cast(MemberQuerySet, queryset)  # every Member queryset is one
    if use == RESEARCH_USE:
        members = members.consenting(Purpose.RESEARCH)
    if not viewer.is_staff:
        members = members.consenting(Purpose.DIRECTORY)
    return members


def member_row(member: Member, viewer: Viewer) -> dict[str, str]:
    """One member as export cells; hidden sections come out empty."""
    view = ProfileView(member, viewer)
    participations = view.participations
    hosts = dict.fromkeys(
        p.host_institution.name for p in participations if p.host_institution is not None
    )
    email = view.contact_email or ""
    # The account email and roster id sit outside every profile section: staff only.
    if not email and viewer.is_staff and member.user is not None:
        email = member.user.email
    row = {
        "roster_id": (member.roster_id or "") if viewer.is_staff or view.is_own else "",
        "given_name": view.given_name or "",
        "family_name": view.family_name or "",
        "native_name": view.native_name or "",
        "email": email,
        "country_of_residence": view.country.code if view.country else "",
        "nationality": view.nationality.code if view.nationality else "",
        "status": member.status,
        "programmes": "; ".join(f"{p.programme} {p.fiscal_year}" for p in participations),
        "host_institutions": "; ".join(hosts),
        "revisits": str(len(view.revisits)) if view.shows["revisits"] else "",
        "chapters": "; ".join(chapter.name for chapter in view.chapters),
    }
    if member.status == MemberStatus.ANONYMISED:
        row.update(dict.fromkeys(PERSONAL_COLUMNS, ""))
    return row


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    members: Iterable[Member], viewer: Viewer, header: tuple[str, ...] = HEADER
) -> Iterator[str]:
    """The export as CSV text lines: a BOM, the header, then one line per member."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(header)
    for member in members:
        row = member_row(member, viewer)
        yield writer.writerow([csv_cell(row[column]) for column in header])


def export_response(
    queryset: QuerySet[Member], viewer: Viewer, use: str = ""
) -> StreamingHttpResponse:
    """A streamed CSV download of ``queryset`` as ``viewer`` may see it, for ``use``
    ("research", or "" for the administrative list)."""
    selected = consenting_members(queryset, viewer, use)
    members = export_queryset(selected).iterator(chunk_size=CHUNK_SIZE)
    header = RESEARCH_HEADER if use == RESEARCH_USE else HEADER
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(members, viewer, header)),
        content_type="text/csv; charset=utf-8",
    )
    prefix = "members-research" if use == RESEARCH_USE else "members"
    filename = f"{prefix}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def can_export(user: Any) -> bool:
    """Whether the user holds the staff permission to export member data."""
    return bool(
        user and user.is_authenticated and user.is_active and user.has_perm(EXPORT_PERMISSION)
    )
