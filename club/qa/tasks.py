"""Durable background work for the Q&A: the answered-question email."""

from __future__ import annotations

from django_tasks import task

from club.qa.emails import send_answered


@task(backend="durable")
def notify_question_answered(answer_id: int) -> bool:
    """Email the asker that their question has an answer (see club.qa.emails)."""
    return send_answered(answer_id)
