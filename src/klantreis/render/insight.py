"""Cells of the analytic lanes: Fogg diagnosis, the event-data overlay and front/backstage work."""

from __future__ import annotations

from klantreis.journey.fogg import diagnose
from klantreis.journey.touchpoint import Stagecraft, Touchpoint
from klantreis.render import formatting as fmt
from klantreis.render.view import Entry, Scope

# Fogg scores of 1 or 2 are too low to carry the behaviour (same threshold as the diagnosis).
LOW_SCORE = 2
# A step that loses a fifth of the customers who reach it deserves a warning colour.
HIGH_DROPOFF = 0.2


def fogg_entries(scope: Scope, tp: Touchpoint) -> list[Entry]:
    """Fogg scores as compact chips, then the diagnosis advice and the fitting prompt."""
    fogg = tp.fogg
    if fogg is None:
        return []
    entries = []
    for key, score in (("motivation", fogg.motivation), ("ability", fogg.ability), ("trigger", fogg.trigger)):
        if score is not None:
            low = score <= LOW_SCORE
            tone, symbol = ("bad", "!") if low else ("good", "")
            entries.append(Entry(f"{score}/5", label=scope.t(key), tone=tone, symbol=symbol, compact=True))
    diagnosis = diagnose(fogg)
    if diagnosis.scored:
        tone, symbol = ("advice", "→") if diagnosis.blocking else ("good", "✓")
        entries.extend(Entry(line, symbol=symbol, tone=tone) for line in diagnosis.advice(scope.lang))
        if diagnosis.blocking and diagnosis.prompt_label(scope.lang):
            entries.append(Entry(diagnosis.prompt_label(scope.lang), label=scope.t("fitting_prompt"), tone="muted"))
    if fogg.notes.strip():
        entries.append(Entry(fogg.notes, tone="muted"))
    return entries


def data_entries(scope: Scope, tp: Touchpoint) -> list[Entry]:
    """Customers reached, drop-off and throughput time measured at `tp`, when data is given."""
    if scope.data is None:
        return []
    figures = scope.data.get(tp.id)
    if figures is None or figures.empty:
        return []
    lang = scope.lang
    entries = []
    if figures.cases is not None or figures.share is not None:
        parts = []
        if figures.cases is not None:
            parts.append(fmt.number(figures.cases, lang))
        if figures.share is not None:
            share = fmt.percent(figures.share, lang)
            parts.append(f"({share})" if parts else share)
        entries.append(Entry(" ".join(parts), label=scope.t("cases")))
    if figures.dropoff is not None:
        tone = "bad" if figures.dropoff >= HIGH_DROPOFF else ""
        entries.append(Entry(fmt.percent(figures.dropoff, lang), label=scope.t("dropoff"), tone=tone))
    if figures.median_seconds is not None or figures.p90_seconds is not None:
        parts = []
        if figures.median_seconds is not None:
            parts.append(f"{scope.t('median')} {fmt.duration(figures.median_seconds, lang)}")
        if figures.p90_seconds is not None:
            parts.append(f"{scope.t('p90')} {fmt.duration(figures.p90_seconds, lang)}")
        entries.append(Entry(" · ".join(parts), label=scope.t("throughput")))
    return entries


def stagecraft_entries(scope: Scope, work: Stagecraft, full: bool) -> list[Entry]:
    """What the organisation does at a touchpoint: description, then labelled lists."""
    entries = [Entry(work.description)] if work.description.strip() else []
    if full:
        for key, items in (("processes", work.processes), ("systems", work.systems), ("departments", work.departments)):
            if items:
                entries.append(Entry(", ".join(items), label=scope.t(key)))
        if work.owner.strip():
            entries.append(Entry(work.owner, label=scope.t("owner")))
    return entries
