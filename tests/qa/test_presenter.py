"""The presenter view: the top-voted open questions in large type, live, with a manual reload."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from club.qa.models import Question, QuestionState
from club.qa.views import PRESENTER_LIMIT

pytestmark = pytest.mark.django_db


def test_it_shows_pinned_then_top_voted_open_questions_only(client, channel, alice):
    for votes in range(PRESENTER_LIMIT + 2):
        Question.objects.create(channel=channel, author=alice, text=f"Q{votes}", vote_count=votes)
    Question.objects.create(channel=channel, author=alice, text="Pinned", state="pinned")
    Question.objects.create(
        channel=channel, author=alice, text="Done", state=QuestionState.ANSWERED, vote_count=99
    )
    Question.objects.create(
        channel=channel, author=alice, text="Spam", state=QuestionState.HIDDEN, vote_count=99
    )

    response = client.get(reverse("qa:presenter", kwargs={"slug": channel.slug}))

    texts = [q["text"] for q in response.context["questions"]]
    assert texts == ["Pinned", *[f"Q{v}" for v in range(PRESENTER_LIMIT + 1, 2, -1)]]
    assert len(texts) == PRESENTER_LIMIT
    content = response.content.decode()
    assert "Done" not in content and "Spam" not in content
    assert 'class="qa-presenter__list"' in content
    assert 'data-socket-path="/ws/qa/materials-science/"' in content


def test_it_reloads_by_link_not_by_meta_refresh(client, channel):
    content = client.get(reverse("qa:presenter", kwargs={"slug": channel.slug})).content.decode()

    assert 'http-equiv="refresh"' not in content
    assert f'href="{reverse("qa:presenter", kwargs={"slug": channel.slug})}"' in content


def test_markup_in_questions_is_escaped_in_the_presenter_view(client, channel, alice):
    Question.objects.create(channel=channel, author=alice, text="<script>alert(1)</script>")

    content = client.get(reverse("qa:presenter", kwargs={"slug": channel.slug})).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


def test_a_members_only_presenter_view_needs_sign_in(client, private_channel):
    response = client.get(reverse("qa:presenter", kwargs={"slug": private_channel.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def _empty_notice(client, channel) -> str:
    content = client.get(reverse("qa:presenter", kwargs={"slug": channel.slug})).content.decode()
    return re.search(r"<p [^>]*data-qa-empty[^>]*>(.*?)</p>", content).group(1)


def test_it_says_yet_only_while_no_question_was_asked(client, channel):
    assert _empty_notice(client, channel) == "No open questions yet."


def test_once_every_question_is_answered_it_says_none_is_left(client, channel, alice):
    Question.objects.create(channel=channel, author=alice, text="Done", state="answered")
    Question.objects.create(channel=channel, author=alice, text="Spam", state="hidden")

    notice = _empty_notice(client, channel)

    assert notice == "All questions have been answered: no open questions left."
