"""Import journey files (YAML, JSON, Mermaid) and export journeys as files, HTML maps or SVG."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from klantreis.journey.files import dumps, format_of, parse_document
from klantreis.journey.validate import Problem
from klantreis.web.journeys.forms import ImportForm
from klantreis.web.journeys.labels import ui_lang
from klantreis.web.journeys.lookup import journey_for, member
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import create_journey, replace_document
from klantreis.web.workspaces.models import Role

# Export format in the URL -> (content type, file suffix).
EXPORTS = {
    "yaml": ("application/yaml; charset=utf-8", "yaml"),
    "json": ("application/json; charset=utf-8", "json"),
    "mmd": ("text/plain; charset=utf-8", "mmd"),
    "html": ("text/html; charset=utf-8", "html"),
    "svg": ("image/svg+xml; charset=utf-8", "svg"),
}


def _read_upload(upload: Any, lang: str) -> tuple[Any, list[Problem]]:
    """Parse an uploaded journey file; every problem comes back with line, column and path."""
    fmt = format_of(upload.name)
    assert fmt is not None  # ImportForm refuses unknown suffixes
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = _("The file is not UTF-8 text (line %(line)s); save it as UTF-8.") % {"line": line}
        return None, [Problem(upload.name, line, None, "", "not_utf8", message, "")]
    return parse_document(text, fmt, upload.name, lang)


def import_journey(request: HttpRequest, ws: str) -> HttpResponse:
    """Upload a journey file; import it whole (as a new journey or a new version) or list every problem."""
    membership = member(request, ws, Role.EDITOR)
    journeys = Journey.objects.filter(workspace=membership.workspace).only("uuid", "title")
    choices = [(str(j.uuid), _("New version of: %(title)s") % {"title": j.title}) for j in journeys]
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None, journeys=choices)
    problems: list[Problem] = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        document, problems = _read_upload(upload, ui_lang())
        if document is not None:
            summary = _("imported from %(name)s") % {"name": upload.name}
            target = form.cleaned_data["replace"]
            if target:
                existing = journeys.filter(uuid=target).first()
                if existing is None:
                    raise Http404
                journey = replace_document(existing.pk, document, request.user, summary)
            else:
                journey = create_journey(membership.workspace, document, request.user, summary)
            return redirect("journeys:editor", ws=ws, journey=journey.uuid)
    return render(request, "journeys/import.html", {"form": form, "problems": problems})


def export_response(journey: Journey, fmt: str, lang: str | None = None) -> HttpResponse:
    """The journey as a downloadable file in `fmt` (yaml, json, mmd, html or svg)."""
    if fmt not in EXPORTS:
        raise Http404
    document = journey.parsed()
    if fmt in ("html", "svg"):
        from klantreis import render as renderer

        text = renderer.render_html(document, lang=lang) if fmt == "html" else renderer.render_svg(document, lang=lang)
    else:
        text = dumps(document, "mermaid" if fmt == "mmd" else fmt)  # type: ignore[arg-type]
    content_type, suffix = EXPORTS[fmt]
    response = HttpResponse(text, content_type=content_type)
    name = slugify(journey.title) or "journey"
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response


def export_journey(request: HttpRequest, ws: str, journey: UUID, fmt: str) -> HttpResponse:
    """Download the journey as YAML, JSON, Mermaid, a standalone HTML map or an SVG map."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    return export_response(found, fmt)
