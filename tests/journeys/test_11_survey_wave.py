"""Journey 11: JST sends a follow-up survey wave; an alumna who never claimed an account
answers in Japanese from the e-mail, and the outcomes dashboard counts her re-visit and her
known status at once; another alumnus unsubscribes from his e-mail, and the reminder then
reaches only the one who has done neither.

The alumni come from a roster JST imports (no invitation to claim accounts), of a cohort and
nationality no other journey uses, so the wave's audience is exactly them.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.journeys.browser import Browsing, links_in

HEADER = (
    "roster_id,email,given_name,family_name,nationality,country_of_residence,programme,"
    "fiscal_year,start_date,end_date,host_institution,preferred_language"
)
COHORT = "2011"
SUPPRESSED = "<5"
NATIONALITY = "IS"


def link(message: EmailMessage, part: str) -> str:
    return next(url for url in links_in(message) if part in url)


HEADLINE = """() => Object.fromEntries(
  Array.from(document.querySelectorAll(".outcomes-headline > div")).map((item) => [
    item.querySelector("dt").textContent.replace(/\\s+/g, " ").trim(),
    item.querySelector("dd").textContent.replace(/\\s+/g, " ").trim(),
  ]))"""


def dashboard_figures(browsing: Browsing, page) -> dict[str, str]:
    browsing.go(page, "/admin/outcomes/")
    return page.evaluate(HEADLINE)


def number(figure: str) -> int:
    return int(figure.replace(",", ""))


def one_more(before: str, after: str) -> bool:
    """``after`` counts one alumnus more than ``before``; counts under 5 show as "<5"."""
    if before == SUPPRESSED:  # 0 to 4 before, so 1 to 5 after
        return after in (SUPPRESSED, "5")
    return number(after) == number(before) + 1


def count(page, name: str):
    return page.locator(f"td[data-count={name}]")


def test_jst_runs_a_wave_that_an_unclaimed_alumna_answers_in_japanese(browsing: Browsing):
    key = uuid.uuid4().hex[:6]
    aiko, omar, lena = (f"{name}.{key}@example.org" for name in ("aiko", "omar", "lena"))
    roster = "\n".join(
        [
            HEADER,
            f"S-{key}-1,{aiko},Aiko,Jonsdottir,IS,IS,B,{COHORT},2011-07-04,2011-07-15,"
            "Tohoku University,ja",
            f"S-{key}-2,{omar},Omar,Olafsson,IS,IS,A,{COHORT},2011-07-04,2011-07-15,"
            "Tohoku University,en",
            f"S-{key}-3,{lena},Lena,Larsdottir,IS,IS,A,{COHORT},2011-07-04,2011-07-15,"
            "Tohoku University,en",
        ]
    )
    today = datetime.now(ZoneInfo("Asia/Tokyo")).date()

    # JST imports the roster (no claim invitations) and defines the wave.
    staff = browsing.person()
    browsing.sign_in_admin(staff, "jst-staff")
    browsing.go(staff, "/admin/roster-import/")
    staff.locator("input[type=file]").set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": roster.encode()}]
    )
    staff.get_by_role("button", name="Check the file").click()
    staff.get_by_role("button", name="Import 3 rows").click()
    expect(staff.get_by_role("status").first).to_contain_text("The roster was imported.")

    before = dashboard_figures(browsing, staff)

    browsing.go(staff, "/admin/survey-waves/new/")
    staff.locator("#id_title").fill(f"Have you come back to Japan? {key}")
    staff.locator("#id_title_ja").fill(f"日本に戻ってきましたか？ {key}")
    staff.locator("#id_cohort_from").fill(COHORT)
    staff.locator("#id_cohort_to").fill(COHORT)
    staff.locator("#id_countries").select_option([NATIONALITY])
    staff.locator("#id_opens_on").fill(today.isoformat())
    staff.locator("#id_closes_on").fill((today + timedelta(days=30)).isoformat())
    staff.locator("#id_reminder_after_days").fill("0")
    staff.keyboard.press("Escape")  # close a date picker left open
    staff.locator("main form [type=submit]").first.click()
    staff.wait_for_url("**/admin/survey-waves/*/")
    wave_page = staff.url
    browsing.check(staff)
    expect(staff.locator("main")).to_contain_text("Audience now: 3 alumni.")

    staff.get_by_role("button", name="Send the invitations").click()
    expect(staff.locator("main")).to_contain_text("3 invitations are being sent.")

    # The invitations arrive through the task worker, each in its person's language.
    invitation = browsing.wait_for_mail(aiko)
    assert invitation["Subject"].strip() == f"日本に戻ってきましたか？ {key}"
    assert invitation["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    answer_link = link(invitation, "/surveys/answer/")
    assert f"{browsing.url}/ja/surveys/answer/" in answer_link

    # Aiko never claimed an account: the link alone opens her survey, in Japanese.
    alumna = browsing.person()
    browsing.go(alumna, answer_link)
    assert alumna.url.endswith("/ja/surveys/answer/form/")  # the token left the address
    expect(alumna.locator("html")).to_have_attribute("lang", "ja")
    expect(alumna.locator("h1")).to_contain_text(f"日本に戻ってきましたか？ {key}")
    form = alumna.locator("main form")
    form.locator("select[name=revisits-0-kind]").select_option("researcher")
    form.locator("input[name=revisits-0-institution_name]").fill("Tohoku University")
    form.locator("input[name=revisits-0-start_date]").fill("2022-04-01")
    form.locator("input[name=revisits-0-end_date]").fill("2023-03-31")
    form.locator("select[name=revisits-0-funding]").select_option("jsps")
    form.locator("input[name=position-position]").fill("Postdoctoral researcher")
    form.locator("input[name=position-organisation]").fill("University of Iceland")
    form.locator("input[name=position-start_date]").fill("2023-04-01")
    form.locator("button[type=submit]").last.click()
    alumna.wait_for_load_state("load")
    browsing.check(alumna)
    expect(alumna.locator("[role=status]")).to_be_visible()
    expect(alumna.locator("html")).to_have_attribute("lang", "ja")

    # The dashboard counts her at once: a re-visitor, and an alumna whose status is known.
    after = dashboard_figures(browsing, staff)
    assert after["Alumni"] == before["Alumni"]
    for figure in ("Alumni who re-visited", "Alumni with a known status"):
        assert one_more(before[figure], after[figure]), (figure, before, after)
    alumni = number(after["Alumni"])
    for rate, part in (
        ("Coverage", "Alumni with a known status"),
        ("Re-visit rate (all alumni)", "Alumni who re-visited"),
    ):
        if after[part] != SUPPRESSED:
            shown = float(after[rate].removesuffix("%"))
            assert abs(shown - 100 * number(after[part]) / alumni) <= 0.05 + 1e-9, (rate, after)
    browsing.go(staff, wave_page)

    # Omar unsubscribes with the link in his own e-mail.
    omars_mail = browsing.wait_for_mail(omar)
    unsubscribe_link = link(omars_mail, "/surveys/unsubscribe/")
    assert omars_mail["List-Unsubscribe"].strip() == f"<{unsubscribe_link}>"
    alumnus = browsing.person()
    browsing.go(alumnus, unsubscribe_link)
    alumnus.get_by_role("button", name="Yes, stop survey e-mails").click()
    expect(alumnus.locator("h1")).to_contain_text("You will get no more survey e-mails")
    browsing.check(alumnus)

    # The wave page counts the answer and its re-visit, and the unsubscribe.
    staff.reload()
    expect(count(staff, "answered")).to_have_text("1")
    expect(count(staff, "revisits")).to_have_text("1")
    expect(count(staff, "unsubscribed")).to_have_text("1")
    expect(count(staff, "sent")).to_have_text("3")

    # The reminder goes to Lena alone: not to Aiko (answered) nor Omar (unsubscribed).
    browsing.wait_for_mail(lena)
    received = len(browsing.mail.mails)
    staff.get_by_role("button", name="Send the reminders that are due").click()
    expect(staff.locator("main")).to_contain_text("1 reminder is being sent.")
    reminder = browsing.wait_for_mail(lena, subject="Reminder:", after=received)
    assert link(reminder, "/surveys/answer/")
    later = [str(m["To"]) for m in browsing.mail.mails[received:]]
    assert later == [lena], later
