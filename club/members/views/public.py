"""The public profile page: a member exactly as the viewer may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET

from club.members.models import Member, Participation, Revisit
from club.members.privacy import ANONYMOUS, ProfileView, Viewer
from club.members.sections import Section, fields_of

# What each shown attribute needs from the database, fetched in one query per relation
# so the page costs the same whatever the number of careers, re-visits or links. Keyed
# by attribute, so a move to another section (club.members.privacy) is followed here.
FIELD_PREFETCHES: dict[str, tuple[str | Prefetch[str, Any, Any], ...]] = {
    "fields": ("fields",),
    "subject_groups": ("subject_groups",),
    "photo": ("photo__renditions",),
    "links": ("links",),
    "careers": ("careers",),
    "participations": (
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related(
                "host_institution", "sending_institution"
            ),
        ),
    ),
    "revisits": (Prefetch("revisits", queryset=Revisit.objects.select_related("institution")),),
}

# The owner may preview their page as these viewers; the privacy rule decides the rest.
PREVIEW_VIEWERS: dict[str, Viewer] = {
    "public": ANONYMOUS,
    "members": Viewer(is_member=True),
}


@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's profile; a 404 when the viewer may not see its profile section."""
    viewer = Viewer.for_user(request.user)
    # Chapters come first: the privacy rule needs them for chapter-only sections.
    member = get_object_or_404(
        Member.objects.select_related("photo").prefetch_related("chapters"), pk=pk
    )
    profile = ProfileView(member, viewer)
    if not profile.shows[Section.PROFILE]:
        raise Http404

    preview = request.GET.get("preview", "")
    preview_viewer = PREVIEW_VIEWERS.get(preview) if profile.is_own else None
    if preview_viewer is not None:
        profile = ProfileView(member, preview_viewer)

    lookups = [
        lookup
        for section in profile.sections
        for name in fields_of(section)
        for lookup in FIELD_PREFETCHES.get(name, ())
    ]
    if member.photo is None:
        lookups = [lookup for lookup in lookups if lookup != "photo__renditions"]
    prefetch_related_objects([member], *lookups)

    return render(
        request,
        "members/public/member_detail.html",
        {
            "profile": profile,
            "is_owner": preview_viewer is not None or profile.is_own,
            "preview": preview if preview_viewer else "",
        },
    )


urlpatterns: list[URLPattern] = [
    path("members/<int:pk>/", member_detail, name="member-detail"),
]
