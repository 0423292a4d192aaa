"""Journey 3: an alumnus fills in their profile, hides one part, and checks who sees what.

They add a position and a re-visit, upload a photo, make their career "only me", then look
at their public page as another member and as a visitor, and download their data.

Each run sets every privacy choice it relies on, looks only for its own new text and, at the
end, puts the account back as it found it (privacy, photo, the added position and re-visit), so
the runs depend neither on each other's order nor on other journeys that use these accounts.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

# One re-visit date per run, so each run finds (and removes) its own.
REVISIT_STARTS = {
    "en1280": "2025-04-01",
    "en390": "2025-05-01",
    "ja1280": "2025-06-01",
    "ja390": "2025-07-01",
}
SECTIONS = ("profile", "bio", "contact", "career", "participation", "revisits")
# Privacy choices each run makes: the career is the hidden part.
PRIVACY = {
    "profile": "public",
    "participation": "public",
    "revisits": "members",
    "career": "private",
}


def png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 320), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def submit(page, form: str) -> None:
    """Post a form and wait for the page it redirects to."""
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").last.click()
    expect(page.locator(".message--error")).to_have_count(0)
    expect(page.locator(".messages .message--success")).to_have_count(1)


@pytest.mark.parametrize(
    ("language", "width", "alumnus", "other", "field"),
    [
        ("en", WIDE, "somchai", "minh", "Chemistry"),
        ("en", NARROW, "minh", "ananya", "Artificial intelligence"),
        ("ja", WIDE, "ananya", "somchai", "材料科学"),
        ("ja", NARROW, "minh", "somchai", "人工知能"),
    ],
)
def test_an_alumnus_edits_their_profile_and_hides_their_career(
    browsing: Browsing, language: str, width: int, alumnus: str, other: str, field: str
):
    key = f"{language}{width}"
    revisit_start = REVISIT_STARTS[key]
    organisation = f"Kaset Lab {key}"
    position = f"Visiting researcher {key}"
    base = f"/{language}/account/profile"

    me = browsing.person(width)
    browsing.sign_in(me, alumnus, language=language)

    # A new position, in the empty form at the end of the career list.
    browsing.go(me, f"{base}/careers/")
    new = me.locator("#careers-forms fieldset").last
    new.locator("input[name$='-position']").fill(position)
    new.locator("input[name$='-organisation']").fill(organisation)
    new.locator("select[name$='-country']").select_option("TH")
    new.locator("input[name$='-start_date']").fill("2024-04-01")
    new.locator("input[name$='-end_date']").fill("2024-09-30")
    submit(me, "main form")
    browsing.check(me)
    # The saved position comes back as one of the forms.
    expect(me.locator(f"input[name$='-organisation'][value='{organisation}']")).to_have_count(1)

    # A re-visit to a Japanese institution from the list.
    browsing.go(me, f"{base}/revisits/")
    new = me.locator("#revisits-forms fieldset").last
    new.locator("select[name$='-kind']").select_option("researcher")
    new.locator("input[name$='-institution_name']").fill("Kyoto University")
    new.locator("input[name$='-start_date']").fill(revisit_start)
    new.locator("input[name$='-end_date']").fill("2025-12-31")
    submit(me, "main form")
    browsing.check(me)

    # A photo, made here.
    browsing.go(me, f"{base}/photo/")
    had_photo = me.locator("main img.profile-photo").count() > 0
    me.locator("input[name=photo]").set_input_files(
        files=[{"name": f"me-{key}.png", "mimeType": "image/png", "buffer": png((200, 80, 120))}]
    )
    submit(me, "main form[enctype]")
    expect(me.locator("main img.profile-photo")).to_be_visible()
    browsing.check(me)

    # Privacy: the career becomes "only me".
    browsing.go(me, f"{base}/privacy/")
    before = {
        section: me.locator(f"input[name=visibility_{section}]:checked").get_attribute("value")
        for section in SECTIONS
    }
    for section, level in PRIVACY.items():
        me.locator(f"input[name=visibility_{section}][value={level}]").check()
    submit(me, "main form")
    for section, level in PRIVACY.items():
        expect(me.locator(f"input[name=visibility_{section}][value={level}]")).to_be_checked()
    browsing.check(me)

    # The overview shows the field in the page's language and links to the public page.
    browsing.go(me, f"{base}/")
    expect(me.locator("main")).to_contain_text(field)
    public_path = me.locator("main a[href*='/members/']").first.get_attribute("href")
    assert public_path and public_path.startswith(f"/{language}/members/"), public_path

    # The download holds everything, hidden parts included.
    with me.expect_download() as download:
        me.locator("main a[href$='export.json']").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert any(c["organisation"] == organisation for c in exported["careers"]), exported
    assert exported["visibility"]["career"] == "private"
    assert any(r["institution"] == "Kyoto University" for r in exported["revisits"])

    # Another member sees the profile and the re-visits, never the career.
    member = browsing.person(width)
    browsing.sign_in(member, other, language=language)
    browsing.go(member, public_path)
    main = member.locator("main")
    expect(main.locator("h1")).to_be_visible()
    expect(main.locator("img.profile-photo")).to_be_visible()
    expect(main).to_contain_text(field)
    expect(main.locator("#member-revisits")).to_be_visible()
    expect(main.locator("#member-programmes")).to_be_visible()
    expect(main.locator("#member-career")).to_have_count(0)
    html = member.content()
    assert organisation not in html and position not in html

    # A visitor sees the public parts only: no re-visits, no career.
    visitor = browsing.person(width)
    browsing.go(visitor, public_path)
    main = visitor.locator("main")
    expect(main.locator("h1")).to_be_visible()
    expect(main.locator("img.profile-photo")).to_be_visible()
    expect(main).to_contain_text(field)
    expect(main.locator("#member-programmes")).to_be_visible()
    expect(main.locator("#member-revisits")).to_have_count(0)
    expect(main.locator("#member-career")).to_have_count(0)
    html = visitor.content()
    assert organisation not in html and position not in html

    # The account goes back as it was before this run.
    browsing.go(me, f"{base}/privacy/")
    for section, level in before.items():
        me.locator(f"input[name=visibility_{section}][value={level}]").check()
    submit(me, "main form")
    browsing.go(me, f"{base}/careers/")
    added = me.locator("#careers-forms fieldset").filter(
        has=me.locator(f"input[name$='-organisation'][value='{organisation}']")
    )
    added.locator("input[name$='-DELETE']").check()
    submit(me, "main form")
    browsing.go(me, f"{base}/revisits/")
    added = me.locator("#revisits-forms fieldset").filter(
        has=me.locator(f"input[name$='-start_date'][value='{revisit_start}']")
    )
    added.locator("input[name$='-DELETE']").check()
    submit(me, "main form")
    if not had_photo:
        browsing.go(me, f"{base}/photo/")
        with me.expect_navigation():
            me.locator("button[name=remove]").click()
