"""The Dutch catalog is complete and compiled, covers every text in the source, and pages speak each user's language."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from klantreis.web.accounts.models import Profile
from klantreis.web.workspaces.models import Membership

WEB = Path(__file__).resolve().parents[2] / "src" / "klantreis" / "web"
CATALOG = WEB / "locale" / "nl" / "LC_MESSAGES"
# The command of locale/README.md, run from src/klantreis/web.
MAKEMESSAGES = ["makemessages", "-l", "nl", "-e", "html,txt,py", "--no-obsolete"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[a-z]+>|</[a-z]+>")


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    plural: str | None = None
    context: str | None = None
    strings: dict[int, str] = field(default_factory=dict)  # msgstr, or msgstr[n] of a plural
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        """What identifies the message: context, text and plural text."""
        return (self.context, self.msgid, self.plural)


def read_po(path: Path) -> list[Entry]:
    """The messages of a .po file, header and obsolete (#~) entries left out."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    for number, raw in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], start=1):
        line = raw.strip()
        if not line:
            if target is not None and entry.msgid:
                entries.append(entry)
            entry, target = Entry(), None
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            target = _append(entry, target, ast.literal_eval(line))
        else:
            keyword, _, text = line.partition(" ")
            entry.line = entry.line or number
            target = _append(entry, keyword, ast.literal_eval(text))
    return entries


def _append(entry: Entry, target: str | None, text: str) -> str | None:
    if target == "msgid":
        entry.msgid += text
    elif target == "msgid_plural":
        entry.plural = (entry.plural or "") + text
    elif target == "msgctxt":
        entry.context = (entry.context or "") + text
    elif target is not None and target.startswith("msgstr"):
        index = int(target[7:-1]) if "[" in target else 0
        entry.strings[index] = entry.strings.get(index, "") + text
    return target


def placeholders(text: str) -> set[str]:
    """The parts of a message a translation must keep: %(name)s, %s, {name} and HTML tags."""
    return set(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def dutch() -> list[Entry]:
    """The messages of the committed Dutch catalog."""
    return read_po(CATALOG / "django.po")


def test_the_dutch_catalog_declares_dutch_plurals() -> None:
    header = (CATALOG / "django.po").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert '"Language: nl\\n"' in header
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in header
    assert "#, fuzzy" not in header


def test_every_dutch_message_is_translated_and_none_is_fuzzy(dutch: list[Entry]) -> None:
    assert len(dutch) > 300, "the catalog holds the whole interface"
    untranslated = [f"line {e.line}: {e.msgid!r}" for e in dutch if not all(e.strings.values())]
    plurals_incomplete = [f"line {e.line}: {e.msgid!r}" for e in dutch if e.plural and sorted(e.strings) != [0, 1]]
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in dutch if "fuzzy" in e.flags]
    assert not untranslated, "translate these in locale/nl/LC_MESSAGES/django.po:\n" + "\n".join(untranslated)
    assert not plurals_incomplete, "give these a singular and a plural (msgstr[0], msgstr[1]):\n" + "\n".join(
        plurals_incomplete
    )
    assert not fuzzy, "review these and remove their fuzzy flag:\n" + "\n".join(fuzzy)


def test_every_translation_keeps_the_placeholders_of_its_message(dutch: list[Entry]) -> None:
    broken = []
    for entry in dutch:
        for index, text in entry.strings.items():
            source = entry.plural if entry.plural and index > 0 else entry.msgid
            if placeholders(text) != placeholders(source or ""):
                broken.append(f"line {entry.line}: {source!r} -> {text!r}")
    assert not broken, "keep %(name)s, {name} and tags exactly as in the English text:\n" + "\n".join(broken)


def test_the_compiled_catalog_matches_the_dutch_po_file(dutch: list[Entry]) -> None:
    with (CATALOG / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    expected: dict[Any, str] = {}
    for entry in dutch:
        msgid = f"{entry.context}\x04{entry.msgid}" if entry.context is not None else entry.msgid
        if entry.plural is None:
            expected[msgid] = entry.strings[0]
        else:
            expected.update({(msgid, index): text for index, text in entry.strings.items()})
    catalog = {key: text for key, text in compiled._catalog.items() if key != ""}
    assert catalog == expected, (
        "django.mo is out of date: run `django-admin compilemessages` in src/klantreis/web (see locale/README.md)"
    )
    assert [compiled.plural(n) for n in (0, 1, 2, 5)] == [1, 0, 1, 1]


def gettext_tools_or_skip() -> None:
    """Skip (or, where services are required, fail) when GNU gettext is not installed."""
    missing = [tool for tool in ("xgettext", "msgmerge", "msguniq") if shutil.which(tool) is None]
    if missing:
        reason = f"GNU gettext is not installed ({', '.join(missing)} missing): cannot extract the messages"
        if os.environ.get("KLANTREIS_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def test_every_text_in_the_source_is_in_the_dutch_catalog(dutch: list[Entry], tmp_path: Path) -> None:
    gettext_tools_or_skip()
    source = tmp_path / "web"
    shutil.copytree(WEB, source, ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.mo", "*.po"))
    (source / "locale").mkdir()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "klantreis.web.settings", "KLANTREIS_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "django", *MAKEMESSAGES],
        cwd=source,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    fresh = read_po(source / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    assert any(entry.msgid == "Drag to move" for entry in fresh), "the Jinja map templates are read too"
    committed = {entry.key for entry in dutch}
    missing = sorted(f"{entry.msgid!r}" for entry in fresh if entry.key not in committed)
    assert not missing, (
        f"{len(missing)} texts are not in the Dutch catalog yet; update it as locale/README.md says:\n"
        + "\n".join(missing)
    )


def dutch_user_client(user: Any, language: str) -> Client:
    """A client logged in as `user` after they chose `language` in their settings."""
    Profile.objects.update_or_create(user=user, defaults={"language": language})
    client = Client()
    client.force_login(user)  # logging in picks the language up from the profile
    return client


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("nl", "Inloggen bij klantreis", "Inloggen"), ("en", "Log in to klantreis", "Log in")],
)
def test_the_login_page_speaks_the_browser_language(db: None, language: str, heading: str, button: str) -> None:
    page = Client(headers={"accept-language": language}).get(reverse("accounts:login")).content.decode()
    assert f'<html lang="{language}">' in page
    assert heading in page
    assert f'class="primary">{button}</button>' in page


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nl", ["<h1>Klantreizen</h1>", "Nieuwe klantreis", ">Persona's<", "Werkruimtes"]),
        ("en", ["<h1>Journeys</h1>", "New journey", ">Personas<", "Workspaces"]),
    ],
)
def test_the_journey_list_speaks_the_users_language(sample: Any, language: str, texts: list[str]) -> None:
    client = dutch_user_client(sample.users["editor"], language)
    page = client.get(sample.url("journeys:list")).content.decode()
    assert f'<html lang="{language}">' in page
    for text in texts:
        assert text in page


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nl", ["<h1>Persona's</h1>", "Nieuwe persona", "In 1 klantreis", "In 0 klantreizen", "Klant"]),
        ("en", ["<h1>Personas</h1>", "New persona", "In 1 journey", "In 0 journeys", "Customer"]),
    ],
)
def test_the_persona_gallery_speaks_the_users_language(sample: Any, language: str, texts: list[str]) -> None:
    client = dutch_user_client(sample.users["editor"], language)
    page = client.get(sample.url("personas:list")).content.decode()
    for text in texts:
        assert text in page


@pytest.mark.parametrize(("language", "date"), [("nl", "5 maart 2024"), ("en", "March 5, 2024")])
def test_dates_are_written_the_way_the_language_writes_them(sample: Any, language: str, date: str) -> None:
    Membership.objects.filter(workspace=sample.workspace).update(created=datetime(2024, 3, 5, 10, 30, tzinfo=UTC))
    client = dutch_user_client(sample.users["owner"], language)
    page = client.get(sample.url("workspaces:members")).content.decode()
    assert f'<time datetime="2024-03-05T11:30:00+01:00">{date}</time>' in page
