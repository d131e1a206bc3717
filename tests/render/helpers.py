"""Small parsers that let render tests look at the structure of the output, not just its text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)


class MapParser(HTMLParser):
    """Collects every src/href/url() reference and the text inside elements with a given class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "xlink:href", "srcset", "poster", "data"):
            if values.get(name) is not None:
                self.references.append(str(values[name]))
        self.references.extend(URL_IN_CSS.findall(values.get("style") or ""))
        self._in_style = tag == "style"
        classes = (values.get("class") or "").split()
        for _, outer in self._open:  # a new element separates words, as a browser shows it
            for name in outer:
                self.texts[name][-1] += " "
        self._open.append((tag, classes))
        for name in classes:
            self.texts.setdefault(name, []).append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.references.extend(URL_IN_CSS.findall(data))
        for _, classes in self._open:
            for name in classes:
                self.texts[name][-1] += data

    def text_of(self, css_class: str) -> list[str]:
        """The whitespace-normalised text of each element that has `css_class`."""
        return [" ".join(text.split()) for text in self.texts.get(css_class, [])]


def parse(html: str) -> MapParser:
    """Parse rendered HTML."""
    parser = MapParser()
    parser.feed(html)
    parser.close()
    return parser
