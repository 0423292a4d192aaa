"""Journey 10: JST imports re-visits in the admin; the alumni see them as recorded by JST.

Two rows: a new stay for Somchai, and the doctorate Minh has declared himself (Tohoku
University since April 2023), which must become one re-visit confirmed by JST, not two.
The file is Shift_JIS, as Excel in Japan saves CSV.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

REVISITS = (
    "email,kind,institution,start_date,end_date,funding,source_note\r\n"
    "somchai@example.org,researcher,National Institute for Materials Science,2024-01-15,"
    "2024-12-20,jsps,JSPS 外国人特別研究員 2024\r\n"
    "minh@example.org,degree,Tohoku University,2023-04-01,,mext,MEXT 国費留学生 2023\r\n"
)


def test_jst_imports_revisits_and_the_alumni_see_them_recorded_by_jst(browsing: Browsing):
    staff = browsing.person(WIDE)
    browsing.sign_in_admin(staff, "jst-staff")
    browsing.go(staff, "/admin/revisit-import/")
    staff.locator("input[type=file]").set_input_files(
        files=[{"name": "revisits.csv", "mimeType": "text/csv", "buffer": REVISITS.encode("cp932")}]
    )
    staff.get_by_role("button", name="Check the file").click()
    browsing.check(staff)
    expect(staff.locator("main")).to_contain_text("nothing has been written yet")
    rows = staff.locator("main table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Somchai Srisuk")
    expect(rows.nth(0)).to_contain_text("new re-visit")
    expect(rows.nth(1)).to_contain_text("Nguyen Duc Minh")
    expect(rows.nth(1)).to_contain_text("merged with the same stay")

    staff.get_by_role("button", name="Import 2 rows").click()
    expect(staff.get_by_role("status").first).to_contain_text("The re-visits were imported.")
    browsing.check(staff)

    # The admin lists Minh's stay once, as recorded by JST and declared by him.
    browsing.go(staff, "/admin/revisits/?q=Minh")
    listed = staff.locator("main table tbody tr")
    expect(listed).to_have_count(1)
    expect(listed.first).to_contain_text("Recorded by JST and declared by the member")

    somchai = browsing.person(NARROW)
    browsing.sign_in(somchai, "somchai")
    browsing.go(somchai, "/en/account/profile/revisits/")
    recorded = somchai.locator("section[aria-labelledby=recorded-title]")
    expect(recorded).to_contain_text("Recorded by JST")
    expect(recorded).to_contain_text("National Institute for Materials Science")
    expect(recorded.locator(".badge--jst")).to_have_text("Recorded by JST")
    expect(recorded.get_by_role("button", name="Withdraw my declaration")).to_have_count(0)

    minh = browsing.person(WIDE)
    browsing.sign_in(minh, "minh")
    browsing.go(minh, "/en/account/profile/revisits/")
    confirmed = minh.locator("section[aria-labelledby=recorded-title]")
    expect(confirmed.locator(".badge--jst")).to_have_text("Confirmed by JST")
    expect(confirmed.locator(".timeline li")).to_have_count(1)
    browsing.go(minh, "/en/account/profile/")
    expect(minh.locator("main .badge--jst")).to_have_text("Confirmed by JST")

    # He withdraws his own declaration; JST's record stays, as JST's alone.
    browsing.go(minh, "/en/account/profile/revisits/")
    confirmed.get_by_role("button", name="Withdraw my declaration").click()
    minh.wait_for_load_state("load")
    browsing.check(minh)
    expect(minh.locator("main")).to_contain_text("JST's record of the stay remains")
    expect(confirmed.locator(".badge--jst")).to_have_text("Recorded by JST")
