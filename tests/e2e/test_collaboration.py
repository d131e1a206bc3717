"""In a real browser: comments, share links, and two people editing one touchpoint at the same time."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browsing import Browsing

pytestmark = pytest.mark.browser


def column(page: Any, touchpoint: str) -> Any:
    """The map column of the touchpoint named `touchpoint`, pinned by its id so it survives re-rendering."""
    found = page.locator(".jm-tp").filter(has=page.get_by_role("heading", name=touchpoint, exact=True))
    return page.locator(f"#{found.get_attribute('id')}")


def test_a_comment_on_a_touchpoint_mentions_a_colleague_and_can_be_resolved(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("comments"))
    comments = column(page, "Fill in the form").get_by_role("button", name="Comments on Fill in the form")
    expect(comments).to_have_text("")  # no open comments yet
    comments.click()

    panel = page.get_by_role("complementary", name="Comments")
    expect(panel.get_by_role("heading", name=re.compile(r"Comments on Fill in the form"))).to_be_visible()
    panel.get_by_label("Add a comment").fill("@erik can you check which documents this form asks for?")
    panel.get_by_role("button", name="Comment", exact=True).click()
    expect(panel.get_by_text("can you check which documents this form asks for?")).to_be_visible()
    expect(panel.get_by_text("Mentioned:")).to_contain_text("@erik")
    browsing.shot(page)

    page.reload()  # the map counts the open comment on the touchpoint
    expect(column(page, "Fill in the form").get_by_role("button", name="Comments on Fill in the form")).to_have_text(
        "1"
    )
    column(page, "Fill in the form").get_by_role("button", name="Comments on Fill in the form").click()
    panel.get_by_role("button", name="Resolve").click()
    expect(panel.get_by_text("Resolved")).to_be_visible()
    expect(panel.get_by_role("button", name="Reopen")).to_be_visible()

    page.get_by_role("link", name="Comments", exact=True).click()
    expect(page.get_by_text("can you check which documents this form asks for?")).to_be_visible()


def test_a_share_link_shows_the_map_to_a_visitor_until_it_is_revoked(browsing: Browsing, expect: Any) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("share"))
    page.get_by_role("link", name="Share", exact=True).click()
    page.get_by_role("button", name="Create link").click()
    link = page.get_by_role("textbox", name="Share link").input_value()
    assert link.startswith(browsing.server.url + "/s/")

    visitor = browsing.visitor()
    response = visitor.goto(link)
    assert response is not None
    assert response.status == 200
    expect(visitor).to_have_url(link)
    expect(visitor.get_by_role("heading", name="Parking permit (share)", level=1).first).to_be_visible()
    expect(visitor.get_by_text("Fill in the form").first).to_be_visible()
    expect(visitor.get_by_role("button", name="Log out")).to_have_count(0)
    expect(visitor.get_by_role("textbox")).to_have_count(0)
    browsing.shot(visitor)

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("The link is revoked")).to_be_visible()
    response = visitor.reload()
    assert response is not None
    assert response.status == 404


def test_two_editors_changing_different_fields_of_one_touchpoint_both_keep_their_edit(
    browsing: Browsing, expect: Any
) -> None:
    eva, erik = browsing.member("eva"), browsing.member("erik")
    for page in (eva, erik):
        page.goto(browsing.editor_url("different_fields"))
    eva_form, erik_form = column(eva, "Fill in the form"), column(erik, "Fill in the form")

    eva_form.get_by_role("heading").get_by_role("button").click()
    erik_form.get_by_title("Description").click()
    eva_form.get_by_role("textbox", name="Touchpoint name").fill("Fill in the online form")
    erik_form.get_by_role("textbox", name="Description").fill("Anna fills in the form on her phone.")

    eva_form.get_by_role("textbox", name="Touchpoint name").press("Enter")
    expect(eva.locator("#jm-status")).to_have_text("Saved")
    erik_form.get_by_role("textbox", name="Description").press("Control+Enter")
    expect(erik.locator("#jm-status")).to_have_text("Saved")
    expect(erik_form.get_by_role("alert")).to_have_count(0)
    for form in (eva_form, erik_form):  # a saved field closes its editor
        expect(form.get_by_role("textbox")).to_have_count(0)

    # Both edits are stored: each editor sees both after reloading.
    for page in (eva, erik):
        page.reload()
        expect(page.get_by_role("heading", name="Fill in the online form", exact=True)).to_be_visible()
        expect(page.get_by_text("Anna fills in the form on her phone.", exact=True)).to_be_visible()
    expect(eva.get_by_role("heading", name="Fill in the form", exact=True)).to_have_count(0)
    browsing.shot(erik)


def test_two_editors_changing_the_same_field_the_second_sees_a_conflict_and_keeps_their_text(
    browsing: Browsing, expect: Any
) -> None:
    eva, erik = browsing.member("eva"), browsing.member("erik")
    for page in (eva, erik):
        page.goto(browsing.editor_url("same_field"))
    eva_call, erik_call = column(eva, "Call the contact centre"), column(erik, "Call the contact centre")

    eva_call.get_by_role("heading").get_by_role("button").click()
    erik_call.get_by_role("heading").get_by_role("button").click()
    eva_call.get_by_role("textbox", name="Touchpoint name").fill("Call the helpdesk")
    erik_call.get_by_role("textbox", name="Touchpoint name").fill("Phone the municipality")
    eva_call.get_by_role("textbox", name="Touchpoint name").press("Enter")
    expect(eva.locator("#jm-status")).to_have_text("Saved")

    erik_call.get_by_role("textbox", name="Touchpoint name").press("Enter")
    conflict = erik_call.get_by_role("alert")
    expect(conflict).to_contain_text("eva changed this field to “Call the helpdesk”")
    expect(conflict).to_contain_text("Your text is kept: “Phone the municipality”")
    expect(erik_call.get_by_role("textbox", name="Touchpoint name")).to_have_value("Phone the municipality")
    browsing.shot(erik)

    # Nothing was overwritten behind anyone's back: the server still has eva's text ...
    eva.reload()
    expect(eva.get_by_role("heading", name="Call the helpdesk", exact=True)).to_be_visible()
    # ... until erik deliberately overwrites it with his.
    conflict.get_by_role("button", name="Overwrite with mine").click()
    expect(erik.locator("#jm-status")).to_have_text("Saved")
    expect(erik.get_by_role("heading", name="Phone the municipality", exact=True)).to_be_visible()
    eva.reload()
    expect(eva.get_by_role("heading", name="Phone the municipality", exact=True)).to_be_visible()
