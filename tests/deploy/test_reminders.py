"""deploy/systemd/club-reminders.service, run as written: its commands queue what is due,
once, on a real database, and club-reminders.timer starts that service every hour."""

from __future__ import annotations

import re
import subprocess

from tests.deploy.stack import DEPLOY, ROOT, exec_starts
from tests.servers import manage

SERVICE = DEPLOY / "systemd" / "club-reminders.service"
TIMER = DEPLOY / "systemd" / "club-reminders.timer"
# A wave open now whose invitation went to an alumnus two days ago: one reminder is due.
DUE_SURVEY_REMINDER = """
from datetime import timedelta
from django.utils import timezone
from club.surveys.models import Invitation, InvitationState, Wave
from tests.factories import MemberFactory
today = timezone.localdate()
two_days_ago = timezone.now() - timedelta(days=2)
wave = Wave.objects.create(
    title="Have you come back to Japan? (timer)", opens_on=today - timedelta(days=3),
    closes_on=today + timedelta(days=30), reminder_after_days=1, skip_answered_months=12,
    sent_at=two_days_ago,
)
Invitation.objects.create(
    wave=wave, member=MemberFactory(user=None, contact_email="timer@example.org"),
    state=InvitationState.SENT, sent_at=two_days_ago,
)
"""


def run_service(environment: dict[str, str]) -> list[str]:
    """Every ExecStart in order, as systemd runs a oneshot service: what each printed."""
    outputs = []
    for command in exec_starts(SERVICE):
        done = subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"{command[2:]}: {done.stderr[-2000:]}"
        outputs.append(done.stdout)
    return outputs


def test_the_timer_starts_the_reminders_every_hour():
    timer = TIMER.read_text()
    assert re.search(r"^OnCalendar=hourly$", timer, re.MULTILINE)
    assert re.search(rf"^Unit={SERVICE.name}$", timer, re.MULTILINE)
    assert re.search(r"^Type=oneshot$", SERVICE.read_text(), re.MULTILINE)
    assert [command[2] for command in exec_starts(SERVICE)] == [
        "send_event_reminders",
        "send_survey_reminders",
    ]


def test_the_reminder_service_queues_what_is_due_once(deploy_environment):
    manage(deploy_environment, "shell", "-c", DUE_SURVEY_REMINDER)

    first = run_service(deploy_environment)
    again = run_service(deploy_environment)

    assert "Queued 0 reminder(s)." in first[0]  # no event is near
    assert "Queued 1 reminder(s)." in first[1]
    assert "Queued 0 reminder(s)." in again[1]
