"""The channel page without WebSockets: listing, asking, voting and moderating with plain forms."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django.urls import reverse

from club.qa.models import ChannelEvent, Question, QuestionChannel, QuestionState, Vote

pytestmark = pytest.mark.django_db


def url(name: str, channel: QuestionChannel, **kwargs) -> str:
    return reverse(f"qa:{name}", kwargs={"slug": channel.slug, **kwargs})


def signed_in(member) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def ask(channel, author, text, **fields) -> Question:
    return Question.objects.create(channel=channel, author=author, text=text, **fields)


def listed_texts(response) -> list[str]:
    return [q["text"] for q in response.context["questions"]]


def test_it_lists_pinned_first_then_most_voted_and_hides_hidden_ones(channel, alice, bob):
    ask(channel, alice, "Few votes", vote_count=1)
    ask(channel, alice, "Many votes", vote_count=5)
    ask(channel, alice, "Pinned", vote_count=0, state=QuestionState.PINNED)
    ask(channel, alice, "Spam", vote_count=9, state=QuestionState.HIDDEN)

    response = signed_in(bob).get(url("channel", channel))

    assert response.status_code == 200
    assert listed_texts(response) == ["Pinned", "Many votes", "Few votes"]
    assert b"Spam" not in response.content


def test_moderators_also_see_hidden_questions_last(channel, alice, dora):
    ask(channel, alice, "Spam", vote_count=9, state=QuestionState.HIDDEN)
    ask(channel, alice, "Fine")

    response = signed_in(dora).get(url("channel", channel))

    assert listed_texts(response) == ["Fine", "Spam"]
    assert b"Mark answered" in response.content


def test_visitors_read_a_public_channel_and_are_invited_to_sign_in(client, channel, alice):
    ask(channel, alice, "Visible to all")

    response = client.get(url("channel", channel))

    assert response.status_code == 200
    assert b"Visible to all" in response.content
    assert b"Sign in to ask and vote" in response.content
    assert url("ask", channel).encode() not in response.content


def test_a_members_only_channel_sends_visitors_to_sign_in(client, private_channel, bob):
    response = client.get(url("channel", private_channel))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))
    assert signed_in(bob).get(url("channel", private_channel)).status_code == 200


def test_a_members_only_channel_is_refused_to_pending_accounts(private_channel):
    from tests.factories import MemberFactory, UserFactory

    pending = MemberFactory(user=UserFactory(username="pending"), status="pending")

    assert signed_in(pending).get(url("channel", private_channel)).status_code == 403


def test_the_channel_list_shows_members_only_channels_to_members_only(
    client, channel, private_channel, bob
):
    anonymous = client.get(reverse("qa:channel-list"))
    member = signed_in(bob).get(reverse("qa:channel-list"))

    assert private_channel.title.encode() not in anonymous.content
    assert channel.title.encode() in anonymous.content
    assert private_channel.title.encode() in member.content


def test_a_member_asks_with_a_plain_form(channel, alice):
    response = signed_in(alice).post(url("ask", channel), {"text": "  Where to live in Tsukuba?  "})

    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#question-{question.pk}")
    assert question.text == "Where to live in Tsukuba?"
    assert question.author == alice
    assert ChannelEvent.objects.filter(question=question, kind="asked").exists()


def test_a_form_post_without_its_csrf_token_is_refused(channel, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)

    response = client.post(url("ask", channel), {"text": "Forged"})

    assert response.status_code == 403
    assert not Question.objects.exists()


def test_a_post_still_saves_when_the_channel_layer_is_down(channel, alice, settings, caplog):
    # A real Redis layer pointed at a closed port: every group_send raises.
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    with caplog.at_level(logging.ERROR, logger="club.qa.broadcast"):
        response = signed_in(alice).post(url("ask", channel), {"text": "Saved anyway?"})

    assert response.status_code == 302
    assert Question.objects.filter(text="Saved anyway?").exists()
    assert "saved but not broadcast" in caplog.text


def test_visitors_posting_are_sent_to_sign_in(client, channel):
    response = client.post(url("ask", channel), {"text": "Hello"})

    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]
    assert not Question.objects.exists()


def test_a_too_long_question_is_a_form_error(channel, alice):
    response = signed_in(alice).post(url("ask", channel), {"text": "x" * 1001})

    assert response.status_code == 400
    assert b"at most 1000 characters" in response.content
    assert not Question.objects.exists()


def test_flooding_questions_is_a_form_error(channel, alice, settings):
    settings.QA_RATE_LIMITS = {"ask": (2, 60)}
    client = signed_in(alice)
    for number in range(2):
        client.post(url("ask", channel), {"text": f"Question {number}"})

    response = client.post(url("ask", channel), {"text": "One more"})

    assert response.status_code == 429
    assert b"You are asking very fast" in response.content
    assert Question.objects.count() == 2


def test_voting_and_withdrawing_with_a_plain_form(channel, alice, bob):
    question = ask(channel, alice, "Vote for me")
    client = signed_in(bob)

    client.post(url("vote", channel, question_id=question.pk), {"action": "up"})
    client.post(url("vote", channel, question_id=question.pk), {"action": "up"})
    question.refresh_from_db()
    assert question.vote_count == 1
    assert Vote.objects.filter(question=question, member=bob).exists()
    page = client.get(url("channel", channel))
    assert page.context["questions"][0]["voted"] is True

    client.post(url("vote", channel, question_id=question.pk), {"action": "down"})
    question.refresh_from_db()
    assert question.vote_count == 0


def test_bad_votes_get_a_message_not_an_error_page(channel, alice, bob):
    question = ask(channel, alice, "Hidden", state=QuestionState.HIDDEN)
    client = signed_in(bob)

    for question_id, action in ((question.pk, "up"), (999_999, "up"), (question.pk, "sideways")):
        response = client.post(
            url("vote", channel, question_id=question_id), {"action": action}, follow=True
        )
        assert response.status_code == 200
        assert list(response.context["messages"])
    assert question.votes.count() == 0


def test_only_moderators_moderate_with_the_plain_form(channel, alice, dora):
    question = ask(channel, alice, "Pin me")

    refused = signed_in(alice).post(
        url("moderate", channel, question_id=question.pk), {"state": "pinned"}
    )
    accepted = signed_in(dora).post(
        url("moderate", channel, question_id=question.pk), {"state": "pinned"}
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302
    question.refresh_from_db()
    assert question.state == QuestionState.PINNED


def test_a_member_answers_with_a_plain_form(channel, alice, bob):
    question = ask(channel, alice, "Which lab?")

    response = signed_in(bob).post(
        url("answer", channel, question_id=question.pk), {"text": "Try NIMS in Tsukuba."}
    )

    assert response.status_code == 302
    assert question.answers.get().text == "Try NIMS in Tsukuba."
    assert b"Try NIMS in Tsukuba." in signed_in(alice).get(url("channel", channel)).content


def test_markup_in_questions_is_escaped_on_the_page(channel, alice):
    ask(channel, alice, '<script>alert("x")</script><img src=x onerror=alert(1)>')

    content = Client().get(url("channel", channel)).content.decode()

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "<img src=x" not in content


def test_a_bad_page_number_is_not_found(client, channel):
    assert client.get(url("channel", channel), {"page": "9"}).status_code == 404
    assert client.get(url("channel", channel), {"page": "x"}).status_code == 404
