"""The persona gallery: a card per persona with face, name, kind, segment and quote; filtered by kind."""

from __future__ import annotations

from typing import Any

from django.utils import translation


def test_it_shows_a_card_per_persona(sample: Any) -> None:
    response = sample.client("viewer").get(sample.url("personas:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="persona-card card"') == 2
    assert "Fatima el Amrani" in html
    assert "Inwoners die verbouwen" in html
    assert "Ik wil gewoon weten waar ik aan toe ben." in html
    assert ">FA</span>" in html  # initials stand in for a missing picture
    assert "In 1 journey" in html


def test_it_filters_by_kind(sample: Any) -> None:
    html = sample.client("viewer").get(sample.url("personas:list"), {"kind": "employee"}).content.decode()
    assert "Ruud de Vries" in html
    assert "Fatima el Amrani" not in html


def test_an_unknown_kind_shows_everyone(sample: Any) -> None:
    html = sample.client("viewer").get(sample.url("personas:list"), {"kind": "robot"}).content.decode()
    assert "Ruud de Vries" in html
    assert "Fatima el Amrani" in html


def test_only_editors_see_the_new_persona_button(sample: Any) -> None:
    new = sample.url("personas:new")
    assert new not in sample.client("contributor").get(sample.url("personas:list")).content.decode()
    assert new in sample.client("editor").get(sample.url("personas:list")).content.decode()


def test_the_kind_speaks_the_interface_language(sample: Any) -> None:
    client = sample.client("viewer")
    client.cookies["django_language"] = "nl"
    html = client.get(sample.url("personas:list")).content.decode()
    assert ">Medewerker<" in html
    assert ">Klant<" in html
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        html = client.get(sample.url("personas:list")).content.decode()
    assert ">Employee<" in html


def test_outsiders_get_not_found(sample: Any) -> None:
    assert sample.client("outsider").get(sample.url("personas:list")).status_code == 404
