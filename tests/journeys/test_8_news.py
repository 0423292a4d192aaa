"""Journey 8: an editor publishes a news item and its Japanese translation.

The editor starts from the news listing on the site (Wagtail's user bar: "Add a child
page"), publishes the English item, translates it with "Translate", gives it a Japanese
title and publishes that too. Each appears on its home page and in both feeds of its
language, and the Japanese page keeps the English slug: /en/news/x/ and /ja/news/x/ are
one article (the admin used to re-derive the slug from the Japanese title).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from playwright.sync_api import expect

from tests.journeys.browser import Browsing

ATOM = "{http://www.w3.org/2005/Atom}"


def _publish(editor) -> None:
    """Wagtail's footer: "Publish" sits in the menu next to "Save draft"."""
    editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.locator("button[name=action-publish]").click()
    editor.wait_for_url(lambda url: "/edit/" not in url and "/add/" not in url)


def _feed_titles(editor, url: str) -> tuple[list[str], list[str]]:
    """(RSS item titles and links, Atom entry titles and links) of one language's news."""
    rss = editor.context.request.get(f"{url}/news/feed/rss/")
    assert rss.ok and rss.headers["content-type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.body()).find("channel")
    atom = editor.context.request.get(f"{url}/news/feed/atom/")
    assert atom.ok and atom.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(atom.body())
    return (
        [(i.findtext("title"), i.findtext("link")) for i in channel.findall("item")],
        [
            (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"))
            for e in feed.findall(f"{ATOM}entry")
        ],
    )


def test_an_editor_publishes_news_and_its_japanese_translation(browsing: Browsing):
    key = uuid.uuid4().hex[:6]
    title = f"Alumni visit RIKEN Wako {key}"
    slug = f"alumni-visit-riken-wako-{key}"
    title_ja = f"同窓生が理研和光を訪問 {key}"

    # A signed-out reader has the news index open, so it sits in the anonymous page cache.
    reader = browsing.person()
    browsing.go(reader, "/en/news/")
    expect(reader.locator("main")).not_to_contain_text(title)

    editor = browsing.person()
    browsing.sign_in_admin(editor)
    browsing.go(editor, "/en/news/")
    editor.get_by_role("navigation", name="Editing").get_by_role(
        "link", name="Add a child page"
    ).click()
    editor.wait_for_url("**/admin/pages/add/news/newspage/**")
    browsing.check(editor)

    editor.locator("#id_title").fill(title)
    editor.locator("#id_intro").fill("Twelve alumni from India toured the Nishina Center.")
    _publish(editor)
    browsing.check(editor)
    expect(editor.locator(".messages")).to_contain_text(title)

    # The English page is live at the slug the admin made from its title.
    browsing.go(editor, f"/en/news/{slug}/")
    expect(editor.locator("h1")).to_have_text(title)
    # The reader sees it at once: publishing forgot the cached index.
    browsing.go(reader, "/en/news/")
    expect(reader.locator("main").get_by_role("link", name=title)).to_be_visible()

    # Translate it from its edit view, then give the copy a Japanese title.
    editor.get_by_role("navigation", name="Editing").get_by_role(
        "link", name="Edit this page"
    ).click()
    editor.wait_for_url("**/edit/")
    browsing.check(editor)
    translate = editor.get_by_role("link", name="Translate")
    if not translate.is_visible():  # the header's "Actions" menu
        editor.locator("header [data-w-dropdown-target=toggle]").first.click()
    translate.click()
    editor.wait_for_url("**/translation/submit/page/**")
    browsing.check(editor)
    editor.get_by_label("Japanese").check()
    editor.locator("main form [type=submit]").click()
    editor.wait_for_url("**/edit/")
    browsing.check(editor)
    expect(editor.locator("#id_title")).to_have_value(title)
    editor.locator("#id_title").fill(title_ja)
    editor.locator("#id_title").blur()
    _publish(editor)
    expect(editor.locator(".messages")).to_contain_text(title_ja)

    # Both home pages list their own language's item, at one slug.
    browsing.go(editor, "/en/")
    expect(editor.locator("main").get_by_role("link", name=title)).to_have_attribute(
        "href", f"/en/news/{slug}/"
    )
    browsing.go(editor, "/ja/")
    expect(editor.locator("main").get_by_role("link", name=title_ja)).to_have_attribute(
        "href", f"/ja/news/{slug}/"
    )
    expect(editor.locator("main")).not_to_contain_text(title)
    browsing.go(editor, f"/ja/news/{slug}/")
    expect(editor.locator("h1")).to_have_text(title_ja)
    expect(editor.locator("html")).to_have_attribute("lang", "ja")

    # And both feeds of each language carry it.
    for language, expected in (("en", title), ("ja", title_ja)):
        rss, atom = _feed_titles(editor, f"{browsing.url}/{language}")
        link = f"{browsing.url}/{language}/news/{slug}/"
        assert (expected, link) in rss, rss[:3]
        assert (expected, link) in atom, atom[:3]
        assert (title if language == "ja" else title_ja) not in {t for t, _l in rss}
