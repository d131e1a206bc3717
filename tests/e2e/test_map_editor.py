"""In a real browser: an editor builds a journey map and rates the experience."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browsing import Browsing

pytestmark = pytest.mark.browser


def _name_field(expect: Any, scope: Any, label: str, value: str) -> None:
    """Type `value` into the open in-place editor labelled `label`, save it with Enter, and wait until it is
    saved: the editor closes. (While it is open, the heading's accessible name includes the typed text.)"""
    box = scope.get_by_role("textbox", name=label)
    box.fill(value)
    box.press("Enter")
    expect(scope.get_by_role("textbox", name=label)).to_have_count(0)


def _stage(page: Any, name: str) -> Any:
    """The stage (a region of the map) whose header is named `name`."""
    return page.get_by_role("region").filter(has=page.get_by_role("heading", name=name, level=2, exact=True))


def test_an_editor_creates_a_journey_and_adds_stages_and_touchpoints(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.url("/w/e2e/journeys/"))
    page.get_by_role("link", name="New journey").click()
    expect(page.get_by_role("radio", name="Blank journey")).to_be_checked()
    page.get_by_label("Title").fill("Moving house")
    page.get_by_role("button", name="Create journey").click()

    expect(page.get_by_role("heading", name="Moving house")).to_be_visible()
    expect(page.get_by_text("This journey has no stages yet.")).to_be_visible()
    page.get_by_role("button", name="Add the first stage").click()
    _name_field(expect, page, "Stage name", "Orientation")
    orientation = _stage(page, "Orientation")
    expect(orientation).to_be_visible()

    orientation.get_by_role("button", name="+ Touchpoint").click()
    _name_field(expect, orientation, "Touchpoint name", "Read about moving")
    expect(orientation.get_by_role("heading", name="Read about moving")).to_be_visible()
    orientation.get_by_role("button", name="+ Touchpoint").click()
    _name_field(expect, orientation, "Touchpoint name", "Ask a neighbour")
    expect(orientation.get_by_role("heading", name="Ask a neighbour")).to_be_visible()

    page.get_by_role("button", name="+ Stage").click()
    _name_field(expect, page, "Stage name", "Registration")
    registration = _stage(page, "Registration")
    expect(registration).to_be_visible()
    registration.get_by_role("button", name="+ Touchpoint").click()
    _name_field(expect, registration, "Touchpoint name", "Register the new address")
    expect(registration.get_by_role("heading", name="Register the new address")).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(0)  # each name was saved and its editor closed

    # Everything was saved on the server, in order.
    page.reload()
    stages = page.get_by_role("region", name=re.compile(r"^Stage: "))
    expect(stages).to_have_count(2)
    expect(stages.nth(0)).to_have_accessible_name("Stage: Orientation")
    expect(stages.nth(1)).to_have_accessible_name("Stage: Registration")
    expect(stages.nth(0).get_by_role("heading", level=3)).to_have_text(["Read about moving", "Ask a neighbour"])
    expect(stages.nth(1).get_by_role("heading", level=3)).to_have_text(["Register the new address"])
    browsing.shot(page)


def _current_curve(page: Any) -> list[tuple[int, int]]:
    """The points of the solid (current) emotion curve in the map's curve lane."""
    points = page.locator("#jm-curve polyline:not([stroke-dasharray])").get_attribute("points")
    return [(int(x), int(y)) for x, y in (pair.split(",") for pair in points.split())]


def test_choosing_a_rating_redraws_the_emotion_curve(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("rating"))
    before = _current_curve(page)
    assert len(before) == 4  # one point per touchpoint

    first = page.get_by_role("group", name="Current rating, Anna de Boer").first
    expect(first.get_by_role("button", name="+1")).to_have_attribute("aria-pressed", "true")
    first.get_by_role("button", name="−2").click()
    expect(page.locator("#jm-status")).to_have_text("Saved")
    expect(first.get_by_role("button", name="−2")).to_have_attribute("aria-pressed", "true")

    expect(page.locator("#jm-curve polyline:not([stroke-dasharray])")).to_have_count(1)
    after = _current_curve(page)
    assert after[0][0] == before[0][0]
    assert after[0][1] > before[0][1], "the first point drops from +1 to −2 (down the screen)"
    assert after[1:] == before[1:], "the other touchpoints keep their place on the curve"
    browsing.shot(page)

    page.reload()
    assert _current_curve(page) == after
    expect(
        page.get_by_role("group", name="Current rating, Anna de Boer").first.get_by_role("button", name="−2")
    ).to_have_attribute("aria-pressed", "true")


# Every answer of the ops endpoint arrives a second late, as from a busy server.
SLOW_SAVES = """() => {
    const fetchNow = window.fetch;
    window.fetch = (address, options) => fetchNow(address, options).then((response) =>
        String(address).includes("/ops/") ? new Promise((done) => setTimeout(() => done(response), 1000)) : response);
}"""


def test_text_typed_while_a_save_is_under_way_is_not_lost(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("typing"))
    page.evaluate(SLOW_SAVES)
    page.get_by_role("heading", name="Search the website", exact=True).get_by_role("button").click()
    box = page.get_by_role("textbox", name="Touchpoint name")
    box.fill("Search the city website")
    box.press("Enter")
    latest = "Search the city website"
    if box.is_editable():  # (an editor that locks its input while saving cannot lose text this way)
        latest = "Search the city website for permits"  # a typo noticed right after Enter, fixed at once
        box.fill(latest)
    expect(page.locator("#jm-status")).to_have_text("Saved")
    if page.get_by_role("textbox", name="Touchpoint name").count():  # kept open with the newer text: save that
        page.get_by_role("textbox", name="Touchpoint name").press("Enter")
        expect(page.get_by_role("textbox", name="Touchpoint name")).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name=latest, exact=True)).to_be_visible(timeout=3000)


def test_an_own_emotion_is_named_rated_and_dropped_on_the_map(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("rating"))
    emotions = page.locator('[data-f="emotions"]').first
    emotions.click()
    popover = page.get_by_role("dialog")
    popover.get_by_label("Own emotion: name (leave empty to drop it)").last.fill("Relieved")
    popover.get_by_label("Own emotion · intensity").last.select_option("4")
    popover.get_by_role("button", name="Add").click()
    expect(page.locator("#jm-status")).to_have_text("Saved")
    expect(page.locator('[data-f="emotions"]').first).to_contain_text("Relieved 4")
    browsing.shot(page)

    page.reload()
    emotions = page.locator('[data-f="emotions"]').first
    expect(emotions).to_contain_text("Relieved 4")
    emotions.click()
    name = page.get_by_role("dialog").get_by_label("Own emotion: name (leave empty to drop it)").first
    expect(name).to_have_value("Relieved")
    name.fill("")
    page.get_by_role("dialog").get_by_role("button", name="Add").click()
    expect(page.locator('[data-f="emotions"]').first).not_to_contain_text("Relieved")
