"""Journey 2: a person registers, JST approves, the welcome mail lets her in; then she resets
her password from the sign-in page and signs in with the new one.

Self-registration is how alumni JST never invited get an account; the approval happens in
the Wagtail admin, from the link in the staff's notification mail.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing, links_in, text_of


@pytest.mark.parametrize(("language", "width"), [("en", WIDE), ("ja", NARROW)])
def test_a_registered_alumna_is_approved_signs_in_and_resets_her_password(
    browsing: Browsing, language: str, width: int
):
    key = f"{language}{width}"
    email = f"priya.{key}@example.org"
    name = f"Priya {key.capitalize()}"
    password, new_password = "lotus pond 2017", "maple leaves 2026"

    # She registers through the public form.
    person = browsing.person(width)
    browsing.go(person, f"/{language}/account/register/")
    expect(person.locator("html")).to_have_attribute("lang", language)
    expect(person.locator("select[name=preferred_language]")).to_have_value(language)
    person.locator("input[name=given_name]").fill("Priya")
    person.locator("input[name=family_name]").fill(key.capitalize())
    person.locator("input[name=email]").fill(email)
    person.locator("select[name=nationality]").select_option("IN")
    person.locator("select[name=country]").select_option("IN")
    person.locator("select[name=programme]").select_option("A")
    person.locator("select[name=fiscal_year]").select_option("2017")
    person.locator("input[name=host_institution]").fill("Kyoto University")
    person.locator("input[name=password1]").fill(password)
    person.locator("input[name=password2]").fill(password)
    staff_mail = browsing.mail_from_now()
    person.locator("main form button[type=submit]").click()
    person.wait_for_url(f"**/{language}/account/register/done/")
    browsing.check(person)

    # Until JST approves, signing in says the registration is pending.
    browsing.go(person, f"/{language}/account/login/")
    browsing.submit_sign_in(person, email, password)
    expect(person.get_by_role("alert")).to_be_visible()
    assert "/account/login/" in person.url
    browsing.check(person)

    # JST staff follow the link in their notification to the pending registrations.
    notification = staff_mail("admin@example.org")
    assert name in str(notification["Subject"])
    assert email in text_of(notification)
    review = next(link for link in links_in(notification) if "/admin/" in link)
    staff = browsing.person()
    browsing.sign_in_admin(staff)
    browsing.go(staff, review)
    row = staff.get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Kyoto University")
    welcome_mail = browsing.mail_from_now()
    row.get_by_role("button", name=f"Approve {name}").click()
    expect(staff.get_by_text(f"Approved {name}")).to_be_visible()
    expect(staff.get_by_role("row").filter(has_text=email)).to_have_count(0)
    browsing.check(staff)

    # The welcome mail, in her language, leads her to the sign-in page.
    welcome = welcome_mail(email)
    sign_in_link = next(link for link in links_in(welcome) if "/account/login/" in link)
    assert f"/{language}/account/login/" in sign_in_link
    browsing.go(person, sign_in_link)
    browsing.submit_sign_in(person, email, password)
    person.wait_for_url(f"**/{language}/account/profile/")
    browsing.check(person)
    expect(person.locator("main")).to_contain_text(name)
    browsing.sign_out(person)

    # She forgets her password and resets it from the sign-in page.
    browsing.go(person, f"/{language}/account/login/")
    person.locator("main a[href*='/account/password-reset/']").click()
    person.wait_for_url(f"**/{language}/account/password-reset/")
    browsing.check(person)
    reset_mail = browsing.mail_from_now()
    person.locator("input[name=email]").fill(email)
    person.locator("main form button[type=submit]").click()
    person.wait_for_url(f"**/{language}/account/password-reset/done/")
    browsing.check(person)

    reset = reset_mail(email)
    reset_link = next(link for link in links_in(reset) if "/account/reset/" in link)
    assert f"/{language}/account/reset/" in reset_link
    browsing.go(person, reset_link)
    person.locator("input[name=new_password1]").fill(new_password)
    person.locator("input[name=new_password2]").fill(new_password)
    person.locator("main form button[type=submit]").click()
    person.wait_for_url(f"**/{language}/account/reset/complete/")
    browsing.check(person)

    # The old password no longer works; the new one does.
    browsing.go(person, f"/{language}/account/login/")
    browsing.submit_sign_in(person, email, password)
    expect(person.get_by_role("alert")).to_be_visible()
    browsing.sign_in(person, email, new_password, language)
    assert person.url.endswith(f"/{language}/account/profile/")

    # The reset link worked once.
    browsing.go(person, reset_link)
    expect(person.locator("input[name=new_password1]")).to_have_count(0)
    expect(person.locator("main a[href*='/account/password-reset/']")).to_be_visible()
