"""In a real browser: the details panels edit what the map has no room for, and it is all saved."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browsing import Browsing

pytestmark = pytest.mark.browser

# Resolves once every operation the page has queued is answered (editor.js sends them in order).
SAVES_DONE = "() => window.KlantreisEditor.state.queue.then(() => true)"


def _saved(page: Any) -> None:
    """Wait until the page's saves are all answered, then check none of them failed."""
    page.evaluate(SAVES_DONE)
    assert not page.locator("#jm-details .pf.has-problem").count(), "a field shows a problem"


def _type(field: Any, text: str) -> None:
    """Type into a panel field and leave it, as a user does (leaving the field saves it)."""
    field.fill(text)
    field.press("Tab")


def test_an_editor_edits_a_kpi_and_an_improvement_in_the_panels_and_they_persist(
    browsing: Browsing, expect: Any
) -> None:
    page = browsing.member("eva")
    page.goto(browsing.editor_url("panels"))

    # A KPI, in the touchpoint's details panel (opened from its card).
    page.get_by_role("button", name="Details of Search the website").click()
    panel = page.get_by_role("dialog", name="Touchpoint: Search the website")
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="+ KPI").click()
    name = panel.get_by_label("KPI name")
    expect(name).to_be_focused()
    _type(name, "Found the answer online")
    _type(panel.get_by_label("Value", exact=True), "62,5")
    _type(panel.get_by_label("Target", exact=True), "80")
    _type(panel.get_by_label("Unit"), "%")
    _type(panel.get_by_label("Source", exact=True), "Website survey")
    panel.get_by_label("Measured on").fill("2024-03-05")
    panel.get_by_label("Direction").select_option(label="Higher is better")
    _saved(page)
    browsing.shot(page, "touchpoint")
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_hidden()

    # An improvement, in the journey's improvement backlog.
    page.get_by_role("button", name="Improvements", exact=True).click()
    backlog = page.get_by_role("dialog", name="Improvements")
    backlog.get_by_role("button", name="+ Improvement").click()
    # (the panel is named after the improvement, so its name follows the title as it is saved)
    improvement = page.get_by_role("dialog", name=re.compile(r"^Improvement: "))
    title = improvement.get_by_label("Title")
    expect(title).to_be_focused()
    _type(title, "Explain the permit zones on one page")
    _type(improvement.get_by_label("Hypothesis"), "If the zones are on one page, fewer people call us.")
    improvement.get_by_label("Status").select_option(label="Planned")
    improvement.get_by_label("Impact, 1 to 5").select_option("4")
    improvement.get_by_label("Effort, 1 to 5").select_option("2")
    _type(improvement.get_by_label("Owner"), "Team Online")
    improvement.get_by_role("checkbox", name="Search the website").check()
    improvement.get_by_label("KPI it should move").select_option(label="Search the website › Found the answer online")
    _saved(page)
    browsing.shot(page, "improvement")

    # After a reload the panel named in the address opens again, with everything saved.
    page.reload()
    improvement = page.get_by_role("dialog", name="Improvement: Explain the permit zones on one page")
    expect(improvement).to_be_visible()
    expect(improvement.get_by_label("Hypothesis")).to_have_value("If the zones are on one page, fewer people call us.")
    expect(improvement.get_by_label("Status")).to_have_value("planned")
    expect(improvement.get_by_label("Impact, 1 to 5")).to_have_value("4")
    expect(improvement.get_by_label("Effort, 1 to 5")).to_have_value("2")
    expect(improvement.get_by_label("Owner")).to_have_value("Team Online")
    expect(improvement.get_by_role("checkbox", name="Search the website")).to_be_checked()
    expect(improvement.get_by_role("checkbox", name="Call the contact centre")).not_to_be_checked()
    # The map shows it on the touchpoint it was linked to.
    column = page.locator(".jm-tp").filter(has=page.get_by_role("heading", name="Search the website"))
    expect(column.locator(".lane-improvements")).to_contain_text("Explain the permit zones on one page")

    page.get_by_role("button", name="Details of Search the website").click()
    panel = page.get_by_role("dialog", name="Touchpoint: Search the website")
    expect(panel.get_by_label("KPI name")).to_have_value("Found the answer online")
    expect(panel.get_by_label("Value", exact=True)).to_have_value("62.5")
    expect(panel.get_by_label("Target", exact=True)).to_have_value("80")
    expect(panel.get_by_label("Unit")).to_have_value("%")
    expect(panel.get_by_label("Source", exact=True)).to_have_value("Website survey")
    expect(panel.get_by_label("Measured on")).to_have_value("2024-03-05")
    expect(panel.get_by_role("link", name="Explain the permit zones on one page")).to_be_visible()
    browsing.shot(page, "after-reload")


def test_the_same_field_edited_in_two_panels_gives_the_second_a_conflict_and_keeps_their_text(
    browsing: Browsing, expect: Any
) -> None:
    eva = browsing.member("eva")
    erik = browsing.member("erik")
    for page in (eva, erik):
        page.goto(browsing.editor_url("panels_conflict"))
        page.get_by_role("button", name="Details of Call the contact centre").click()
    eva_panel = eva.get_by_role("dialog", name="Touchpoint: Call the contact centre")
    erik_panel = erik.get_by_role("dialog", name="Touchpoint: Call the contact centre")
    # Erik starts typing; meanwhile Eva fills in the same field and saves it first.
    erik_panel.get_by_label("Frontstage owner").fill("Customer service")
    _type(eva_panel.get_by_label("Frontstage owner"), "Contact centre")
    _saved(eva)
    # Erik's editor learns of Eva's change (it polls) and redraws his panel around what he typed.
    revision = eva.evaluate("() => window.KlantreisEditor.state.rev")
    expect(erik.locator(f'#jm-details .pnl[data-rev="{revision}"]')).to_have_count(1)
    expect(erik_panel.get_by_label("Frontstage owner")).to_have_value("Customer service")

    erik_panel.get_by_label("Frontstage owner").press("Enter")
    note = erik_panel.get_by_role("alert").filter(has_text="while you were editing")
    expect(note).to_contain_text("Contact centre")
    expect(erik_panel.get_by_label("Frontstage owner")).to_have_value("Customer service")  # nothing typed is lost
    browsing.shot(erik, "conflict")
    note.get_by_role("button", name="Overwrite with mine").click()
    _saved(erik)
    expect(erik_panel.get_by_role("alert").filter(has_text="while you were editing")).to_have_count(0)

    erik.reload()
    panel = erik.get_by_role("dialog", name="Touchpoint: Call the contact centre")
    expect(panel.get_by_label("Frontstage owner")).to_have_value("Customer service")


def test_a_contributor_adds_evidence_and_an_employee_estimate_in_dutch_but_changes_no_structure(
    browsing: Browsing, expect: Any
) -> None:
    browsing.member("carla")  # logs in through the (English) form once
    page = browsing.member("carla", locale="nl-NL")  # her browser asks for Dutch
    page.goto(browsing.editor_url("panels_contributor"))

    page.get_by_role("button", name="Details van Fill in the form").click()
    panel = page.get_by_role("dialog", name="Contactmoment: Fill in the form")
    expect(panel.get_by_text("Alleen lezen: met je rol kun je deze details lezen.")).to_be_visible()
    expect(panel.get_by_role("textbox")).to_have_count(0)  # the touchpoint itself is the editors' work
    expect(panel.get_by_role("button", name="+ KPI")).to_have_count(0)
    panel.get_by_role("button", name="+ Onderbouwing voor dit contactmoment").click()

    evidence = page.get_by_role("dialog", name=re.compile(r"^Onderbouwing: "))
    title = evidence.get_by_label("Titel")
    expect(title).to_be_focused()
    _type(title, "Enquête onder aanvragers")
    evidence.get_by_label("Soort bron").select_option(label="Enquête")
    _type(evidence.get_by_label("Respondenten"), "12")
    search = evidence.get_by_role("searchbox", name="Filteren: Onderbouwt")
    search.fill("rules")
    expect(evidence.get_by_role("checkbox")).to_have_count(2)  # the pain points of two touchpoints
    evidence.get_by_role("checkbox", name="Fill in the form › Nobody explains the rules").check()
    search.fill("")
    expect(evidence.get_by_role("checkbox", name="Application › Fill in the form")).to_be_checked()  # preset
    expect(evidence.get_by_role("button", name="Deze onderbouwing verwijderen")).to_have_count(0)
    _saved(page)
    browsing.shot(page, "evidence")

    page.get_by_role("button", name="Medewerkerbelevingsspiegel", exact=True).click()
    mirror = page.get_by_role("dialog", name="Medewerkerbelevingsspiegel")
    mirror.get_by_label("Medewerkersgroep").fill("Frontoffice")
    mirror.get_by_label("Contactmoment").select_option(label="Application › Fill in the form")
    mirror.get_by_role("button", name="+ Inschatting").click()
    estimate = page.get_by_role("dialog", name="Medewerkerbelevingsspiegel: Frontoffice")
    rating = estimate.get_by_label("Ingeschatte beoordeling van de klant")
    expect(rating).to_be_focused()
    rating.select_option(label="+1 · Goed")
    _type(estimate.get_by_label("Wat hen helpt, één per regel"), "De checklist")
    _saved(page)

    page.reload()  # the estimate's panel opens again from the address
    estimate = page.get_by_role("dialog", name="Medewerkerbelevingsspiegel: Frontoffice")
    expect(estimate.get_by_label("Ingeschatte beoordeling van de klant")).to_have_value("1")
    expect(estimate.get_by_label("Wat hen helpt, één per regel")).to_have_value("De checklist")
    estimate.get_by_role("link", name="De hele medewerkerbelevingsspiegel").click()
    row = page.get_by_role("dialog", name="Medewerkerbelevingsspiegel").get_by_role(
        "row", name=re.compile("Frontoffice")
    )
    expect(row).to_contain_text("+1")  # estimated +1 where Anna rated −2: a gap of +3
    expect(row).to_contain_text("+3")
    browsing.shot(page, "mirror")
    page.get_by_role("button", name="Onderbouwing", exact=True).click()
    expect(
        page.get_by_role("dialog", name="Onderbouwing").get_by_role("link", name="Enquête onder aanvragers")
    ).to_be_visible()
