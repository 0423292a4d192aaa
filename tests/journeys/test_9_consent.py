"""Journey 9: a member confirms their profile is still true, then leaves the directory.

Somchai signs in and is asked whether his profile is still true (the demo never confirmed
it); one click answers, and the banner is gone. He withdraws his directory listing on the
consent settings page, and Ananya, signed in elsewhere, no longer finds him. He then gives it
back, and she finds him again (so the shared demo site is as the other journeys expect it).
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

BANNER = "[data-confirm-banner]"
DIRECTORY_LABEL = "Being listed in the alumni directory"


def directory_finds_somchai(browsing: Browsing, page) -> object:
    browsing.go(page, "/en/directory/?q=Somchai")
    return expect(page.locator(".member-card__name").filter(has_text="Somchai Srisuk"))


def save_directory_consent(browsing: Browsing, page, listed: bool) -> None:
    box = page.get_by_label(DIRECTORY_LABEL)
    box.set_checked(listed)
    with page.expect_navigation():
        page.get_by_role("button", name="Save my consent").click()
    browsing.check(page)
    expect(page.locator(".messages")).to_contain_text("consent settings have been saved")
    expect(page.get_by_label(DIRECTORY_LABEL)).to_be_checked(checked=listed)


def test_a_member_confirms_their_profile_and_withdraws_from_the_directory(browsing: Browsing):
    # Registering asks for each use separately, nothing ticked (and passes axe).
    visitor = browsing.person(NARROW)
    browsing.go(visitor, "/en/account/register/")
    choices = visitor.locator("fieldset.consent-choices input[type=checkbox]")
    expect(choices).to_have_count(4)
    for index in range(4):
        expect(choices.nth(index)).not_to_be_checked()

    somchai = browsing.person(WIDE)
    browsing.sign_in(somchai, "somchai")

    # Signed in, on his own pages: asked whether his profile is still true.
    banner = somchai.locator(BANNER)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="Update my profile")).to_be_visible()
    with somchai.expect_navigation():
        banner.get_by_role("button", name="Still true").click()
    browsing.check(somchai)
    expect(somchai.locator(".messages")).to_contain_text("confirmed as up to date")
    expect(somchai.locator(BANNER)).to_have_count(0)
    browsing.go(somchai, "/en/")
    expect(somchai.locator(BANNER)).to_have_count(0)

    # Ananya, signed in on her phone, finds him in the directory.
    ananya = browsing.person(NARROW)
    browsing.sign_in(ananya, "ananya")
    directory_finds_somchai(browsing, ananya).to_have_count(1)

    # He opens his consent settings from the account navigation and withdraws his listing.
    browsing.go(somchai, "/en/account/profile/")
    with somchai.expect_navigation():
        somchai.get_by_role("navigation", name="My profile").get_by_role(
            "link", name="Consent"
        ).click()
    browsing.check(somchai)
    expect(somchai.get_by_label(DIRECTORY_LABEL)).to_be_checked()  # never asked: listed
    save_directory_consent(browsing, somchai, listed=False)
    history = somchai.locator(".consent-history tbody tr")
    expect(history).to_have_count(4)  # every purpose was answered, once
    withdrawn = history.filter(has_text="Withdrawn").filter(has_text="alumni directory")
    expect(withdrawn).to_have_count(1)

    # At once: her next search no longer finds him.
    directory_finds_somchai(browsing, ananya).to_have_count(0)

    # He changes his mind; he is listed again.
    save_directory_consent(browsing, somchai, listed=True)
    directory_finds_somchai(browsing, ananya).to_have_count(1)
