"""Timestamps from text: recognise the format from the data, read it vectorised, normalise to UTC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

UTC_US = pa.timestamp("us", tz="UTC")

_MERIDIEM = r"(?P<p>[AaPp]\.?[Mm]\.?)"
_TIME = (
    rf"(?:(?:T|\s+)(?P<H>\d{{1,2}}):(?P<M>\d{{2}})(?::(?P<S>\d{{2}})(?:[.,](?P<f>\d{{1,9}}))?)?(?:\s*{_MERIDIEM})?)?"
)
_ZONE = r"\s*(?P<z>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
_DATE_GROUPS = {"Y": r"(?P<Y>\d{4})", "m": r"(?P<m>\d{1,2})", "d": r"(?P<d>\d{1,2})"}


@dataclass(frozen=True)
class Shape:
    """One way of writing timestamps: a regular expression with named parts, and how to tell the user."""

    label: str
    pattern: str
    two_digit_year: bool = False


def _shape(order: str, separator: str) -> Shape:
    date = re.escape(separator).join(_DATE_GROUPS[part] for part in order)
    label = separator.join(f"%{part}" for part in order) + " %H:%M:%S"
    return Shape(label, rf"^\s*{date}{_TIME}{_ZONE}\s*$")


ISO = _shape("Ymd", "-")
# Unambiguous shapes first; day-first and month-first pairs are decided by the data.
CANDIDATES = (ISO, _shape("Ymd", "/"), _shape("Ymd", "."))
DAY_MONTH_PAIRS = tuple((_shape("dmY", sep), _shape("mdY", sep)) for sep in ("-", "/", "."))

_DIRECTIVES = {
    "Y": _DATE_GROUPS["Y"],
    "y": r"(?P<y>\d{2})",
    "m": _DATE_GROUPS["m"],
    "d": _DATE_GROUPS["d"],
    "H": r"(?P<H>\d{1,2})",
    "I": r"(?P<H>\d{1,2})",
    "p": _MERIDIEM,
    "M": r"(?P<M>\d{2})",
    "S": r"(?P<S>\d{2})",
    "f": r"(?P<f>\d{1,9})",
    "z": r"(?P<z>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)",
    "Z": r"(?P<z>UTC|GMT|Z)",
}


def shape_from_format(fmt: str) -> Shape:
    """A shape for a strftime-style format (%Y %y %m %d %H %I %p %M %S %f %z %Z %%); ValueError for others."""
    parts: list[str] = []
    seen: set[str] = set()
    index = 0
    while index < len(fmt):
        char = fmt[index]
        if char != "%":
            parts.append(r"\s+" if char == " " else re.escape(char))
            index += 1
            continue
        directive = fmt[index + 1 : index + 2]
        if directive == "%":
            parts.append("%")
        elif directive in _DIRECTIVES:
            group = _DIRECTIVES[directive][4]  # the name in "(?P<x>...)"
            if group in seen:
                raise ValueError(f"timestamp format {fmt!r}: %{directive} repeats a part given before")
            seen.add(group)
            parts.append(_DIRECTIVES[directive])
        else:
            supported = " ".join(f"%{d}" for d in _DIRECTIVES)
            raise ValueError(f"timestamp format {fmt!r}: %{directive} is not supported (supported: {supported} %%)")
        index += 2
    if not ({"Y", "y"} & seen and {"m", "d"} <= seen):
        raise ValueError(f"timestamp format {fmt!r} needs a year (%Y or %y), a month (%m) and a day (%d)")
    return Shape(fmt, r"^\s*" + "".join(parts) + r"\s*$", two_digit_year="y" in seen)


def _field(parts: pa.StructArray, name: str, names: list[str]) -> pa.Array:
    if name in names:
        return parts.field(name)
    return pa.nulls(len(parts), pa.string()).fill_null("")


def _iso(parts: pa.StructArray, shape: Shape) -> pa.Array:
    names = [parts.type.field(i).name for i in range(parts.type.num_fields)]
    if shape.two_digit_year:
        # POSIX: 69-99 are 1969-1999, 00-68 are 2000-2068.
        yy = _field(parts, "y", names)
        year = pc.if_else(
            pc.less(yy, "69"), pc.binary_join_element_wise("20", yy, ""), pc.binary_join_element_wise("19", yy, "")
        )
    else:
        year = _field(parts, "Y", names)
    zone = _field(parts, "z", names)
    zone = pc.if_else(pc.is_in(zone, pa.array(["", "Z", "z", "UTC", "GMT"])), "+00:00", zone)
    fraction = pc.utf8_slice_codeunits(pc.utf8_rpad(_field(parts, "f", names), 6, "0"), 0, 6)
    pieces = [year, "-", _pad(parts, "m", names), "-", _pad(parts, "d", names), "T", _hour(parts, names)]
    pieces += [":", _pad(parts, "M", names), ":", _pad(parts, "S", names), ".", fraction, zone]
    return pc.binary_join_element_wise(*pieces, "")


def _hour(parts: pa.StructArray, names: list[str]) -> pa.Array:
    hour = _pad(parts, "H", names)
    if "p" not in names:
        return hour
    # 12-hour clock: 12 AM is 0, 12 PM is 12, 1 PM is 13.
    meridiem = parts.field("p")
    twelve = pc.cast(hour, pa.int32())
    twelve = pc.subtract(twelve, pc.multiply(pc.divide(twelve, 12), 12))
    afternoon = pc.starts_with(pc.utf8_upper(meridiem), "P")
    converted = pc.utf8_lpad(pc.cast(pc.if_else(afternoon, pc.add(twelve, 12), twelve), pa.string()), 2, "0")
    return pc.if_else(pc.equal(meridiem, ""), hour, converted)


def _pad(parts: pa.StructArray, name: str, names: list[str]) -> pa.Array:
    return pc.utf8_lpad(_field(parts, name, names), 2, "0")


def _blank(strings: pa.Array) -> pa.Array:
    return pc.fill_null(pc.equal(pc.utf8_trim_whitespace(strings), ""), True)


def parse(strings: pa.Array, shape: Shape) -> tuple[pa.Array, int | None]:
    """Timestamps (UTC, microseconds) read with `shape`, and the index of the first unreadable value (or None).

    Empty and missing values become nulls; values without an offset are taken as UTC.
    """
    if strings.type != pa.string():
        strings = strings.cast(pa.string())
    blank = _blank(strings)
    parts = pc.extract_regex(strings, shape.pattern)
    unmatched = pc.and_(pc.invert(blank), pc.is_null(parts))
    if pc.any(unmatched).as_py():
        return pa.nulls(len(strings), UTC_US), _first(unmatched)
    iso = pc.if_else(blank, pa.scalar(None, pa.string()), _iso(parts, shape))
    try:
        return iso.cast(UTC_US), None
    except pa.ArrowInvalid:
        # A value of the right shape but no real moment (month 13, 31 June, hour 25): find the first one.
        for index, text in enumerate(iso.to_pylist()):
            if text is not None and not _valid_iso(text):
                return pa.nulls(len(strings), UTC_US), index
        raise


def _valid_iso(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _first(mask: pa.Array) -> int:
    return int(pc.index(mask, True).as_py())


def parse_iso(strings: pa.Array) -> tuple[pa.Array, int | None]:
    """ISO 8601 date-times (XES): Arrow's own parser when every value has an offset, else the general reader."""
    try:
        return strings.cast(UTC_US), None
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return parse(strings, ISO)


class AmbiguousFormatError(ValueError):
    """The values fit both day-first and month-first readings."""

    def __init__(self, first: Shape, second: Shape) -> None:
        super().__init__(f"{first.label!r} or {second.label!r}")
        self.labels = (first.label, second.label)


def detect(sample: pa.Array) -> tuple[Shape | None, int | None]:
    """The shape every non-empty value in `sample` fits, or (None, index of a value no shape fits).

    Raises AmbiguousFormatError when only dd-mm/mm-dd fit and no value tells them apart.
    """
    if sample.type != pa.string():
        sample = sample.cast(pa.string())
    filled = pc.invert(_blank(sample))
    values = sample.filter(filled)
    if len(values) == 0:
        return ISO, None
    for shape in CANDIDATES:
        if pc.all(pc.match_substring_regex(values, shape.pattern)).as_py():
            return shape, None
    for day_first, month_first in DAY_MONTH_PAIRS:
        if not pc.all(pc.match_substring_regex(values, day_first.pattern)).as_py():
            continue
        parts = pc.extract_regex(values, day_first.pattern)
        first_over_12 = pc.any(pc.greater(parts.field("d").cast(pa.int32()), 12)).as_py()
        second_over_12 = pc.any(pc.greater(parts.field("m").cast(pa.int32()), 12)).as_py()
        if first_over_12 and not second_over_12:
            return day_first, None
        if second_over_12 and not first_over_12:
            return month_first, None
        if not first_over_12:
            raise AmbiguousFormatError(day_first, month_first)
    # Report the first value that fits none: the one the user should look at.
    fits = pa.array([False] * len(values))
    for shape in CANDIDATES + tuple(s for pair in DAY_MONTH_PAIRS for s in pair):
        fits = pc.or_(fits, pc.match_substring_regex(values, shape.pattern))
    bad_in_values = _first(pc.invert(fits))
    original = pc.indices_nonzero(filled)[bad_in_values].as_py()
    return None, int(original)
