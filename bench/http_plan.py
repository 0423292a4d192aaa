"""Set-up and check-up for bench/http_load.py, run inside ``manage.py shell`` on its database.

manage.py shell -c "from bench.http_plan import print_plan; print_plan(200, 50)"
"""

from __future__ import annotations

import json

from django.test import Client
from wagtail.models import Page

from club.events.models import RSVP, EventPage
from club.members.models import Chapter, Member
from club.qa.models import QuestionChannel

BURST_EVENT = "seventh-india-alumni-meeting"
DIRECTORY_QUERIES = ("q=kumar", "q=tokyo", "q=chemistry", "q=Vietnam", "", "country=IN")


def print_plan(users: int, seats: int) -> None:
    """Print the plan: page addresses, and one signed-in session per bench member."""
    members = Member.objects.filter(user__is_active=True, user__is_staff=False).order_by("pk")
    sessions = []
    for member in members[:users]:
        client = Client()
        client.force_login(member.user)
        sessions.append(client.cookies["sessionid"].value)
    event = EventPage.objects.live().get(slug=BURST_EVENT, locale__language_code="en")
    event.capacity = seats
    event.save(update_fields=["capacity"])
    RSVP.objects.filter(event=event).delete()
    chapters = Chapter.objects.values_list("slug", flat=True)
    news = Page.objects.live().filter(url_path__contains="/news/").order_by("path")
    plan = {
        "static": "/static/css/site.css",
        "homes": ["/en/", "/ja/"],
        "news": [page.url for page in news[:10]],
        "events": [page.url for page in EventPage.objects.live()[:8]],
        "chapters": [f"/en/chapters/{slug}/" for slug in chapters[:6]],
        "directory": [f"/en/directory/?{query}" for query in DIRECTORY_QUERIES],
        "profiles": [
            f"/en/members/{pk}/"
            for pk in Member.objects.order_by("?").values_list("pk", flat=True)[:50]
        ],
        "qa": f"/en/qa/{QuestionChannel.objects.order_by('pk').values_list('slug', flat=True)[0]}/",
        "rsvp": f"{event.url}rsvp/",
        "event_id": event.pk,
        "sessions": sessions,
    }
    print("PLAN=" + json.dumps(plan))


def print_rsvp_count(event_id: int) -> None:
    """Print seats taken, waitlisted and distinct members for the burst's event."""
    rsvps = RSVP.objects.filter(event_id=event_id)
    going = rsvps.filter(status="going").count()
    waitlist = rsvps.filter(status="waitlist").count()
    print(f"RSVPS={going} {waitlist} {rsvps.values('member').distinct().count()}")
