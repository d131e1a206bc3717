"""Django's makemessages, also reading the Jinja2 map templates (journeys/jinja) the way Jinja parses them.

Django's template lexer only finds `{{ _("...") }}` at the very start of a variable tag, so texts
inside expressions, filters and `{% set %}` of the map templates would be missed. Here each Jinja
template is parsed with the map's own environment and its gettext calls are handed to xgettext as
Python, line for line, so the catalog's references point at the template's real lines.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.commands import makemessages
from jinja2.ext import GETTEXT_FUNCTIONS, extract_from_ast

from klantreis.web.journeys.jinja import FOLDER, environment


def is_jinja(path: str) -> bool:
    """Whether `path` is a Jinja2 template: klantreis keeps them in folders named like journeys/jinja."""
    return Path(path).parent.name == FOLDER.name


def jinja_as_python(source: str) -> str:
    """Python with the template's gettext calls, each on the template line it came from."""
    lines = [""] * (source.count("\n") + 1)
    for lineno, function, message in extract_from_ast(environment().parse(source), GETTEXT_FUNCTIONS, False):
        strings = message if isinstance(message, tuple) else (message,)
        arguments = [repr(text) for text in strings if text is not None]
        if function in {"ngettext", "npgettext"}:
            arguments.append("1")  # the count, which xgettext does not read
        lines[lineno - 1] += f"{function}({', '.join(arguments)}); "
    return "\n".join(lines)


class JinjaAwareBuildFile(makemessages.BuildFile):
    """A file on its way to xgettext; Jinja templates are translated to Python by Jinja itself."""

    def preprocess(self) -> None:
        """Write the Python equivalent of a Jinja template; other files as Django does."""
        if self.domain != "django" or not is_jinja(self.path):
            super().preprocess()
            return
        source = Path(self.path).read_text(encoding="utf-8")
        Path(self.work_path).write_text(jinja_as_python(source), encoding="utf-8")


class Command(makemessages.Command):
    """`makemessages` for klantreis: Django templates, Python and the Jinja2 map templates."""

    build_file_class = JinjaAwareBuildFile
