"""Journey 6: live Q&A at the 7th India alumni meeting.

Somchai asks from his laptop (English, wide), Minh follows on her phone (Japanese, narrow)
and upvotes the question as it appears; the presenter screen behind the speaker shows it;
Ananya, who coordinates the hosting India chapter and so moderates the channel, answers it
and marks it answered. Everyone sees the outcome without reloading: it all goes over the
channel's WebSocket.
"""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

CHANNEL = "/qa/seventh-india-alumni-meeting-qa/"


def _open_live(browsing: Browsing, page, path: str) -> None:
    browsing.go(page, path)
    expect(page.locator("[data-qa-channel][data-connected]")).to_have_count(1)


def _question(page, text: str):
    return page.locator("[data-question-id]").filter(has_text=text)


def test_a_question_is_asked_upvoted_shown_and_answered_live(browsing: Browsing):
    text = f"Which labs in Tsukuba take summer interns? ({uuid.uuid4().hex[:6]})"
    reply = "Most NIMS groups do; apply by March through the NIMS internship page."

    screen = browsing.person(WIDE)
    browsing.sign_in(screen, "ananya")
    _open_live(browsing, screen, f"/en{CHANNEL}presenter/")

    moderator = browsing.person(WIDE)
    browsing.sign_in(moderator, "ananya")
    _open_live(browsing, moderator, f"/en{CHANNEL}")

    asker = browsing.person(WIDE)
    browsing.sign_in(asker, "somchai")
    _open_live(browsing, asker, f"/en{CHANNEL}")

    voter = browsing.person(NARROW)
    browsing.sign_in(voter, "minh", language="ja")
    # She finds the channel in the Japanese list, under the event's Japanese title.
    browsing.go(voter, "/ja/qa/")
    card = voter.locator("li.card").filter(has=voter.locator(f"a[href='/ja{CHANNEL}']"))
    expect(card.locator(".card__meta")).to_contain_text("第7回インド同窓会")
    expect(card.locator(".card__meta")).not_to_contain_text("India")
    card.locator(f"a[href='/ja{CHANNEL}']").click()
    expect(voter.locator("[data-qa-channel][data-connected]")).to_have_count(1)
    browsing.check(voter)

    # Somchai asks; the form goes over the socket and is cleared.
    asker.get_by_label("Your question").fill(text)
    asker.locator("form[data-qa-action=ask] button[type=submit]").click()
    expect(asker.locator("#qa-feedback")).to_have_text("Your question was posted.")
    expect(asker.get_by_label("Your question")).to_have_value("")
    expect(_question(asker, text)).to_contain_text("0 votes")

    # Minh sees it arrive and upvotes it.
    asked = _question(voter, text)
    expect(asked).to_have_count(1)
    vote = asked.locator("[data-field=vote-button]")
    expect(vote).to_have_attribute("aria-pressed", "false")
    vote.click()
    expect(vote).to_have_attribute("aria-pressed", "true")
    expect(asked.locator("[data-field=votes]")).to_have_text("1 票")
    browsing.check(voter)

    # The vote reaches the asker, the moderator and the presenter screen.
    expect(_question(asker, text).locator("[data-field=votes]")).to_have_text("1 vote")
    expect(_question(moderator, text).locator("[data-field=votes]")).to_have_text("1 vote")
    on_screen = _question(screen, text)
    expect(on_screen.locator("[data-field=votes]")).to_have_text("1 vote")
    expect(on_screen.locator("[data-field=author]")).to_be_visible()
    browsing.check(screen)

    # Ananya answers it, then marks it answered.
    moderated = _question(moderator, text)
    moderated.locator("details.qa-answer-form summary").click()
    moderated.locator("textarea[name=text]").fill(reply)
    moderated.locator("form[data-qa-action=answer] button[type=submit]").click()
    expect(moderated.locator("[data-field=answers]")).to_contain_text(reply)
    moderated.locator("button[name=state][value=answered]").click()
    expect(moderated).to_have_attribute("data-state", "answered")
    browsing.check(moderator)

    # Both members see the answer and the new state, each in their language.
    expect(_question(asker, text).locator("[data-field=answers]")).to_contain_text(reply)
    expect(_question(asker, text).locator("[data-field=state]")).to_have_text("Answered")
    expect(_question(voter, text).locator("[data-field=answers]")).to_contain_text(reply)
    expect(_question(voter, text)).to_have_attribute("data-state", "answered")
    expect(_question(voter, text).locator("[data-field=state]")).not_to_have_text("Answered")

    # The presenter screen drops it: no open question is left, and it does not say "yet".
    expect(on_screen).to_have_count(0)
    empty = screen.locator("[data-qa-empty]")
    expect(empty).to_be_visible()
    expect(empty).not_to_contain_text("yet")
    expect(empty).to_contain_text("answered")
    browsing.check(screen)

    # A reload of the presenter view says the same.
    browsing.go(screen, f"/en{CHANNEL}presenter/")
    expect(screen.locator("[data-qa-empty]")).to_contain_text("answered")

    # Members cannot moderate.
    expect(_question(asker, text).locator("button[name=state]")).to_have_count(0)
    expect(_question(voter, text).locator("button[name=state]")).to_have_count(0)
