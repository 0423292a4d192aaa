"""Journey 4: a member searches the directory, narrows it with two facets and walks the history.

All of the directory's state lives in the address, so after Back and Forward the search box,
the ticked facets and the results must say what the address says, and the address, opened
in another browser, must give the same results.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlparse

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

SEARCH = "univ"  # host and home universities: most demo alumni match it


def show_filters(page) -> None:
    """On a phone the filter panel starts folded away; open it as a person would."""
    panel = page.locator("details.directory__filter-panel")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    expect(panel).to_have_attribute("open", "")


def seen(page) -> dict[str, object]:
    """What the page shows: the search box, the ticked facets, the count and the names."""
    return {
        "q": page.locator("#directory-q").input_value(),
        "ticked": sorted(
            page.locator("fieldset.facet input[type=checkbox]:checked").evaluate_all(
                "boxes => boxes.map(box => box.name + '=' + box.value)"
            )
        ),
        "count": page.locator("#directory-count").inner_text(),
        "names": page.locator(".member-card__name").all_inner_texts(),
    }


def expect_state(page, state: dict[str, object]) -> None:
    """The page shows ``state``, and the address says the same."""
    params = parse_qsl(urlparse(page.url).query)
    assert ("q", state["q"]) in params, page.url
    assert sorted(f"{k}={v}" for k, v in params if k != "q") == state["ticked"], page.url
    expect(page.locator("#directory-q")).to_have_value(str(state["q"]))
    ticked = page.locator("fieldset.facet input[type=checkbox]:checked")
    expect(ticked).to_have_count(len(state["ticked"]))  # type: ignore[arg-type]
    for pair in state["ticked"]:  # type: ignore[union-attr]
        name, value = pair.split("=", 1)
        expect(page.locator(f"input[type=checkbox][name={name}][value='{value}']")).to_be_checked()
    expect(page.locator("#directory-count")).to_have_text(str(state["count"]))
    expect(page.locator(".member-card__name")).to_have_text(state["names"])  # type: ignore[arg-type]


def tick_first(browsing: Browsing, page, facet: str) -> None:
    """Tick the first value of ``facet`` not ticked yet; the page reloads by itself."""
    show_filters(page)
    boxes = page.locator(f"fieldset[data-facet={facet}] input[type=checkbox]")
    value = boxes.locator(":scope:not(:checked)").first.get_attribute("value")
    # Named by its value: a locator for "the first unticked box" would move once it is ticked.
    with page.expect_navigation():
        boxes.locator(f":scope[value='{value}']").check()
    browsing.check(page)


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_a_member_narrows_the_directory_and_walks_back_and_forward(browsing: Browsing, width: int):
    member = browsing.person(width)
    browsing.sign_in(member, "ananya")
    browsing.go(member, "/en/directory/")

    # Suggestions tell people apart by country (and work, where shared).
    search = member.locator("#directory-q")
    search.press_sequentially("anany", delay=30)
    option = member.get_by_role("option").filter(has_text="Ananya Sharma")
    expect(option).to_contain_text("India")

    # A misspelt name finds nobody, and the page offers the name it was probably meant to be.
    search.fill("Sharna")
    with member.expect_navigation():
        search.press("Enter")
    browsing.check(member)
    expect(member.locator("#directory-count")).to_have_text("0 alumni")
    with member.expect_navigation():
        member.locator(".directory__did-you-mean a").click()
    browsing.check(member)
    expect(member.locator(".member-card__name").filter(has_text="Ananya Sharma")).to_have_count(1)

    # The search, then two facets.
    search.fill(SEARCH)
    with member.expect_navigation():
        search.press("Enter")
    browsing.check(member)
    searched = seen(member)
    assert searched["ticked"] == [] and searched["names"], searched
    tick_first(browsing, member, "country")
    one_facet = seen(member)
    tick_first(browsing, member, "programme")
    two_facets = seen(member)
    assert len(one_facet["ticked"]) == 1 and len(two_facets["ticked"]) == 2, two_facets
    assert two_facets["names"], "each facet value offered has alumni behind it"
    expect_state(member, two_facets)
    shared = member.url

    # Back twice, forward twice: every step shows what its address says.
    member.go_back()
    expect_state(member, one_facet)
    member.go_back()
    expect_state(member, searched)
    member.go_forward()
    expect_state(member, one_facet)
    member.go_forward()
    expect_state(member, two_facets)

    # After the history, the form still works: untick one facet and get the first state back.
    show_filters(member)
    second = str(two_facets["ticked"][1]).split("=", 1)  # type: ignore[index]
    with member.expect_navigation():
        member.locator(f"input[name={second[0]}][value='{second[1]}']").uncheck()
    expect_state(member, one_facet)

    # The shared address, opened by the same member in another browser, gives the same.
    elsewhere = browsing.person(width)
    browsing.sign_in(elsewhere, "ananya")
    browsing.go(elsewhere, shared)
    expect_state(elsewhere, two_facets)
