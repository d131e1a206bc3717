"""Rendered pieces of the map are reused: an edit redraws its own column and nothing else, in every process."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation
from jinja2 import Environment, FileSystemLoader

from klantreis.journey.operations import parse_operation
from klantreis.web.journeys import fragments, jinja, widgets
from klantreis.web.journeys.curve import curve_svg
from klantreis.web.journeys.fragments import lazy_stages
from klantreis.web.journeys.mapview import PALETTE, Access, MapView
from klantreis.web.journeys.memo import CURVES, DOCUMENTS, LATEST, STAGES, Memo
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import apply_operation, create_journey

from .conftest import fresh, url
from .factories import large_document


@pytest.fixture
def wide(sample: Any) -> Journey:
    """Three stages of 40 touchpoints: wider than the columns a page sends at once."""
    return create_journey(
        sample.workspace, large_document(stages=3, touchpoints_per_stage=40), sample.users["editor"], "t"
    )


@pytest.fixture
def renders(monkeypatch: Any) -> list[str]:
    """The names of the map templates rendered from now on."""
    seen: list[str] = []
    real = fragments.render

    def counting(name: str, **context: Any) -> str:
        seen.append(name)
        return real(name, **context)

    monkeypatch.setattr(fragments, "render", counting)
    return seen


def _stage(sample: Any, journey: Journey, index: int) -> str:
    stage = fresh(journey).document["stages"][index]["id"]
    response = sample.client("editor").get(url(sample, "journeys:stage", journey, stage=stage))
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_stage_comes_with_the_page_even_when_it_is_wide(sample: Any, wide: Journey) -> None:
    stages = fresh(wide).document["stages"]
    assert lazy_stages(stages) == {stages[1]["id"], stages[2]["id"]}
    html = sample.client("editor").get(url(sample, "journeys:editor", wide)).content.decode()
    assert html.count('class="jm-lazy"') == 2
    assert stages[0]["touchpoints"][39]["name"] in html
    huge = [{"id": "a", "touchpoints": [{}] * (fragments.FIRST_STAGE_COLUMNS + 1)}, {"id": "b", "touchpoints": []}]
    assert lazy_stages(huge) == {"a", "b"}  # a first stage too wide to send at once waits like the others


def test_a_field_edit_redraws_only_its_own_column(sample: Any, wide: Journey, renders: list[str]) -> None:
    for index in range(3):
        _stage(sample, wide, index)
    touchpoint = fresh(wide).document["stages"][1]["touchpoints"][7]
    raw = {"op": "set", "target": touchpoint["id"], "field": "name", "base": touchpoint["name"], "value": "Renamed"}
    apply_operation(wide.pk, parse_operation(raw), sample.users["editor"], "t")
    renders.clear()
    assert "Renamed" in _stage(sample, wide, 1)
    assert renders == ["column.html"]
    _stage(sample, wide, 0)
    _stage(sample, wide, 2)
    assert renders == ["column.html"]  # the other stages come whole from the cache


def test_a_process_that_reads_the_document_again_reuses_what_it_rendered(
    sample: Any, wide: Journey, renders: list[str]
) -> None:
    before = _stage(sample, wide, 2)
    DOCUMENTS.clear()  # as after a restart of the memo: a new document object with the same content
    LATEST.clear()
    renders.clear()
    assert _stage(sample, wide, 2) == before
    assert renders == []


def test_a_new_comment_redraws_the_stage_that_shows_its_count(sample: Any, wide: Journey, renders: list[str]) -> None:
    _stage(sample, wide, 2)
    touchpoint = fresh(wide).document["stages"][2]["touchpoints"][3]["id"]
    wide.comments.create(target=touchpoint, author=sample.users["editor"], body="Klopt dit?")
    renders.clear()
    html = _stage(sample, wide, 2)
    assert renders == ["column.html"]
    assert '<span class="badge">1</span>' in html


def test_the_curve_drawn_stage_by_stage_equals_one_drawn_whole(sample: Any, wide: Journey) -> None:
    document = fresh(wide).document
    personas = [{**p, "colour": PALETTE[i]} for i, p in enumerate(document["personas"])]
    whole = curve_svg(document["stages"], personas)
    CURVES.clear()
    changed = [
        *document["stages"][:2],
        {**document["stages"][2], "touchpoints": document["stages"][2]["touchpoints"][:5]},
    ]
    curve_svg(changed, personas)  # another revision in between
    assert curve_svg(document["stages"], personas) == whole
    assert whole.count("<polyline") == 4
    assert whole.count("<circle") == 3 * 40 * 2 * 2  # every touchpoint, both personas, current and desired


@pytest.mark.parametrize("language", ["nl", "en"])
def test_texts_translated_when_a_template_compiles_read_as_translated_while_rendering(language: str) -> None:
    plain = Environment(loader=FileSystemLoader(jinja.FOLDER), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    plain.add_extension("jinja2.ext.i18n")
    plain.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)  # type: ignore[attr-defined]
    plain.globals.update(ed=widgets.ed, segments=widgets.segments)
    plain.filters.update(
        get=jinja._get, as_json=widgets.as_json, emotions=widgets.emotions_text, quotes=widgets.quotes_text
    )
    document = large_document(stages=1, touchpoints_per_stage=7).model_dump(mode="json")
    with translation.override(language):
        for role in ("editor", "contributor", None):
            view = MapView(document, language, Access.of(role), "", {})
            for touchpoint in document["stages"][0]["touchpoints"]:
                context = {"v": view, "c": view.column(touchpoint)}
                expected = plain.get_template("column.html").render(gettext=translation.gettext, **context)
                assert jinja.render("column.html", **context) == expected
    STAGES.clear()


def test_a_cache_of_large_pieces_keeps_within_its_size() -> None:
    memo: Memo[bytes] = Memo(10, max_size=10, size=len)
    memo.put("a", b"1234")
    memo.put("b", b"5678")
    memo.put("a", b"12")  # replaced, not counted twice
    memo.put("c", b"9012")
    assert memo.get("b") is not None
    memo.put("d", b"3456")  # 2 + 4 + 4 + 4 > 10: the least recently used go until it fits
    assert [memo.get(k) for k in "abcd"] == [None, b"5678", None, b"3456"]
