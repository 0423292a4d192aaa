"""Journey 9: consent asked on registration, "is this still true?", and leaving the directory.

Kiran registers, agreeing to the directory and surveys only (each use its own box, none
ticked to begin with); JST approves. Signed in, he is asked whether his profile is still true
(it was never confirmed); one click answers, and the banner is gone. Ananya, signed in on her
phone, finds him in the directory. He withdraws his listing on the consent settings page,
where his answers from registration are listed, and her next search no longer finds him.

A new alumnus of its own: the demo accounts confirm their profiles in the profile journey.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing, links_in

EMAIL = "kiran.consent@example.org"
NAME = "Kiran Veerasamy"
PASSWORD = "monsoon over kochi 2019"
BANNER = "[data-confirm-banner]"
DIRECTORY_LABEL = "Being listed in the alumni directory"


def register(browsing: Browsing, page) -> None:
    browsing.go(page, "/en/account/register/")
    choices = page.locator("fieldset.consent-choices input[type=checkbox]")
    expect(choices).to_have_count(4)
    for index in range(4):
        expect(choices.nth(index)).not_to_be_checked()
    given, family = NAME.split()
    page.locator("input[name=given_name]").fill(given)
    page.locator("input[name=family_name]").fill(family)
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("select[name=nationality]").select_option("IN")
    page.locator("select[name=country]").select_option("IN")
    page.locator("select[name=programme]").select_option("B")
    page.locator("select[name=fiscal_year]").select_option("2019")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_label(DIRECTORY_LABEL).check()
    page.get_by_label("Being contacted for follow-up surveys").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/en/account/register/done/")
    browsing.check(page)


def approve(browsing: Browsing, notification_link: str) -> None:
    staff = browsing.person()
    browsing.sign_in_admin(staff)
    browsing.go(staff, notification_link)
    staff.get_by_role("row").filter(has_text=EMAIL).get_by_role(
        "button", name=f"Approve {NAME}"
    ).click()
    expect(staff.get_by_text(f"Approved {NAME}")).to_be_visible()


def directory_shows_kiran(browsing: Browsing, page) -> object:
    browsing.go(page, "/en/directory/?q=Kiran")
    return expect(page.locator(".member-card__name").filter(has_text=NAME))


def test_a_member_confirms_their_profile_and_withdraws_from_the_directory(browsing: Browsing):
    kiran = browsing.person(WIDE)
    staff_mail = browsing.mail_from_now()
    register(browsing, kiran)
    review = next(link for link in links_in(staff_mail("admin@example.org")) if "/admin/" in link)
    welcome_mail = browsing.mail_from_now()
    approve(browsing, review)
    welcome_mail(EMAIL)

    # Signed in, on his own pages: asked whether his profile is still true.
    browsing.go(kiran, "/en/account/login/")
    browsing.submit_sign_in(kiran, EMAIL, PASSWORD)
    kiran.wait_for_url("**/en/account/profile/")
    browsing.check(kiran)
    banner = kiran.locator(BANNER)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="Update my profile")).to_be_visible()
    with kiran.expect_navigation():
        banner.get_by_role("button", name="Still true").click()
    browsing.check(kiran)
    expect(kiran.locator(".messages")).to_contain_text("confirmed as up to date")
    expect(kiran.locator(BANNER)).to_have_count(0)
    browsing.go(kiran, "/en/")
    expect(kiran.locator(BANNER)).to_have_count(0)

    # Ananya, signed in on her phone, finds him in the directory.
    ananya = browsing.person(NARROW)
    browsing.sign_in(ananya, "ananya")
    directory_shows_kiran(browsing, ananya).to_have_count(1)

    # He opens his consent settings from the account navigation: his answers from
    # registration, one per use, and the boxes as he left them.
    browsing.go(kiran, "/en/account/profile/")
    with kiran.expect_navigation():
        kiran.get_by_role("navigation", name="My profile").get_by_role(
            "link", name="Consent"
        ).click()
    browsing.check(kiran)
    history = kiran.locator(".consent-history tbody tr")
    expect(history.filter(has_text="Registration")).to_have_count(4)
    expect(kiran.get_by_label(DIRECTORY_LABEL)).to_be_checked()
    expect(kiran.get_by_label("Receiving newsletters and digests")).not_to_be_checked()

    # He withdraws his listing.
    kiran.get_by_label(DIRECTORY_LABEL).uncheck()
    with kiran.expect_navigation():
        kiran.get_by_role("button", name="Save my consent").click()
    browsing.check(kiran)
    expect(kiran.locator(".messages")).to_contain_text("consent settings have been saved")
    expect(kiran.get_by_label(DIRECTORY_LABEL)).not_to_be_checked()
    withdrawn = history.filter(has_text="Withdrawn").filter(has_text="Consent settings page")
    expect(withdrawn).to_have_count(1)
    expect(withdrawn).to_contain_text("alumni directory")

    # At once: her next search no longer finds him.
    directory_shows_kiran(browsing, ananya).to_have_count(0)
