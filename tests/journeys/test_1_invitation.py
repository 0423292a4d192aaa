"""Journey 1: JST imports a one-row roster with invitations; the alumna claims her account.

The way imported alumni get in. It broke in Chromium: the claim page's no-referrer policy
made the browser post the form with "Origin: null", which Django's CSRF check refused.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

HEADER = (
    "roster_id,email,given_name,family_name,nationality,country_of_residence,programme,"
    "fiscal_year,start_date,end_date,host_institution,preferred_language"
)


@pytest.mark.parametrize(
    ("language", "width"),
    [("en", WIDE), ("en", NARROW), ("ja", WIDE), ("ja", NARROW)],
)
def test_an_imported_alumna_claims_her_account_from_the_emailed_link(
    browsing: Browsing, language: str, width: int
):
    key = f"{language}{width}"
    email = f"lakshmi.{key}@example.org"
    roster = (
        f"{HEADER}\nJ1-{key},{email},Lakshmi,Iyer,IN,IN,B,2019,2019-07-01,2019-07-10,"
        f"Tohoku University,{language}\n"
    )

    staff = browsing.person()
    browsing.sign_in_admin(staff)
    browsing.go(staff, "/admin/roster-import/")
    staff.locator("input[type=file]").set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": roster.encode()}]
    )
    staff.locator("input[name=invite]").check()
    staff.get_by_role("button", name="Check the file").click()
    browsing.check(staff)
    staff.get_by_role("button", name="Import 1 row").click()
    expect(staff.get_by_role("status").first).to_contain_text("The roster was imported.")
    browsing.check(staff)

    invitation = browsing.wait_for_mail(email)
    link = browsing.claim_link(invitation)
    assert f"/{language}/account/claim/" in link

    alumna = browsing.person(width)
    browsing.go(alumna, link)
    assert "/account/claim/" in alumna.url
    assert link.rstrip("/").rsplit("/", 1)[1] not in alumna.url  # the token left the address
    expect(alumna.locator("html")).to_have_attribute("lang", language)
    expect(alumna.locator("main")).to_contain_text("Lakshmi Iyer")
    alumna.locator("input[name=password1]").fill("cherry blossoms 2019")
    alumna.locator("input[name=password2]").fill("cherry blossoms 2019")
    alumna.locator("main form button[type=submit]").click()
    alumna.wait_for_url(f"**/{language}/account/profile/")
    browsing.check(alumna)
    programme = "Bコース" if language == "ja" else "Course B"
    expect(alumna.locator("main")).to_contain_text(programme)

    # Signed out and back in with the new password, she finds her programme again.
    browsing.sign_out(alumna)
    browsing.sign_in(alumna, email, "cherry blossoms 2019", language)
    assert alumna.url.endswith(f"/{language}/account/profile/")
    expect(alumna.locator("main")).to_contain_text(programme)

    # The link worked once.
    browsing.go_expecting(alumna, link, 410)
