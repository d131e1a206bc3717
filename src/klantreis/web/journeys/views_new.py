"""Create a journey: blank, from an example file, or as the desired version of a current journey."""

from __future__ import annotations

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from klantreis.journey.files import JourneyFileError, check_file, read_document
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import JourneyState
from klantreis.web import demo
from klantreis.web.journeys.copying import desired_copy
from klantreis.web.journeys.forms import NewJourneyForm
from klantreis.web.journeys.labels import ui_lang
from klantreis.web.journeys.lookup import member
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import create_journey
from klantreis.web.workspaces.models import Role, Workspace


def example_files() -> dict[str, Path]:
    """The example journeys shipped in examples/, by file name."""
    folder = demo.examples_dir()
    return {path.name: path for path in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def _example_choices(files: dict[str, Path]) -> list[tuple[str, str]]:
    choices = []
    for name, path in files.items():
        document, _problems = check_file(path)
        if document is not None:
            choices.append((name, f"{document.title} ({name})"))
    return choices


def _document(form: NewJourneyForm, workspace: Workspace) -> tuple[JourneyDocument, str]:
    """The document to create from the valid form, with a summary for the history."""
    data = form.cleaned_data
    if data["start"] == "example":
        path = example_files().get(data["example"])
        if path is None:
            raise Http404
        return read_document(path), _("created from example %(name)s") % {"name": path.name}
    if data["start"] == "desired":
        current = Journey.objects.filter(workspace=workspace, uuid=data["source"]).first()
        if current is None:
            raise Http404
        source = current.parsed()
        title = data["title"] or f"{source.title} ({JourneyState.DESIRED.label(source.language.value).lower()})"
        return desired_copy(source, title), _("created as the desired version of %(title)s") % {"title": source.title}
    document = JourneyDocument(title=data["title"], kind=data["kind"], state=data["state"], language=data["language"])
    return document, _("created")


def new_journey(request: HttpRequest, ws: str) -> HttpResponse:
    """Show the start form; on a valid POST create the journey and open it in the editor."""
    membership = member(request, ws, Role.EDITOR)
    files = example_files()
    currents = Journey.objects.filter(workspace=membership.workspace, state=JourneyState.CURRENT.value)
    journeys = [(str(j.uuid), j.title) for j in currents.only("uuid", "title")]
    form = NewJourneyForm(
        request.POST if request.method == "POST" else None,
        lang=ui_lang(),
        examples=_example_choices(files),
        journeys=journeys,
        start=request.GET.get("start", "blank"),
        source=request.GET.get("source", ""),
    )
    if request.method == "POST" and form.is_valid():
        try:
            document, summary = _document(form, membership.workspace)
        except JourneyFileError as error:
            form.add_error("example", "; ".join(str(p) for p in error.problems[:3]))
        else:
            journey = create_journey(membership.workspace, document, request.user, summary)
            return redirect("journeys:editor", ws=ws, journey=journey.uuid)
    return render(request, "journeys/new.html", {"form": form})
