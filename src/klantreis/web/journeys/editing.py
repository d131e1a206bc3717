"""What the editor, the ops endpoint and polling share: the map view of a journey for a request."""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import Count
from django.http import HttpRequest

from klantreis.web.journeys.labels import heuristic_descriptions, heuristic_families, labels, ui_lang
from klantreis.web.journeys.mapview import Access, MapView
from klantreis.web.journeys.models import Comment, Journey


def comment_counts(journey: Journey | int) -> dict[str, int]:
    """Open comments per target id (one query).

    Asked on every map request (page, stage, edit, poll), so the SQL is built once: compiling the
    queryset costs ten times what running it does.
    """
    pk = journey.pk if isinstance(journey, Journey) else journey
    with connection.cursor() as cursor:
        cursor.execute(_counts_sql(), [pk])
        return {str(UUID(str(target))): count for target, count in cursor.fetchall()}


@cache
def _counts_sql() -> str:
    """The SQL of the open-comment counts, with the journey as its one parameter."""
    query = Comment.objects.filter(journey=0, resolved=False).values("target").annotate(n=Count("id")).order_by()
    sql, params = query.query.sql_with_params()
    if tuple(params) != (0,):  # comment_counts passes the journey's key alone
        raise RuntimeError(f"unexpected parameters of the comment counts query: {params}")
    return str(sql)


def comments_key(counts: dict[str, int]) -> str:
    """A short fingerprint of the open-comment counts, part of the cached map's key."""
    text = ",".join(f"{k}={v}" for k, v in sorted(counts.items()))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def map_view(request: HttpRequest, journey: Journey, counts: dict[str, int] | None = None) -> MapView:
    """The map as this member sees it: their language, role and persona filter (?persona=)."""
    membership = getattr(request, "membership", None)
    access = Access.of(membership.role if membership else None)
    persona = request.GET.get("persona", "")
    return MapView(journey.document, ui_lang(), access, persona, counts if counts is not None else {})


def vocabulary(lang: str) -> dict[str, Any]:
    """Choices for the editor's selects and pickers, as [value, label] pairs in `lang`."""
    found: dict[str, Any] = {name: list(values.items()) for name, values in labels(lang).items()}
    found["score"] = [[n, str(n)] for n in range(1, 6)]
    found["heuristic_groups"] = heuristic_families(lang)
    found["heuristic_info"] = heuristic_descriptions(lang)
    return found
