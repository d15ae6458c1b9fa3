"""Field checks shared by every way data comes in (forms, CSV import, CLI).

Each checker records a message per field instead of stopping at the first
problem, so a form can show every mistake next to its field at once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

EARLIEST_DATE = date(1900, 1, 1)
# Clocks on phones and servers disagree by a little; a few minutes is not "the future".
CLOCK_SLACK = timedelta(minutes=5)
MAX_NOTES = 2000
MAX_NAME = 80
# A tag opens with "<" directly followed by a name, "/", "!" or "?"; "knee < hip" is plain text.
_TAG = re.compile(r"<[/!?]?[a-zA-Z]")
# Spreadsheet programs run a cell starting with these as a formula (exports guard every such cell).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What makes a first word after "+" or "-" an expression rather than prose: an operator, a call or a reference.
_EXPRESSION = re.compile(r"[-+*/^()|!&=:;\"']")
# Unicode's control characters (category Cc: U+0000-U+001F and U+007F-U+009F), tab and newline excepted.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A file of a million sets holds a few hundred distinct cells: each is judged once (the message does not name
# the field, so one verdict serves every field with the same label and limits). Bounded, so memory is too.
CACHED_VERDICTS = 8192
# Notes are seldom repeated: only text up to this length is worth remembering.
CACHED_TEXT = 200


class Errors(dict[str, str]):
    """Field name -> message; empty means the input is fine."""


def number(
    errors: Errors,
    field: str,
    value: object,
    *,
    label: str,
    lo: float,
    hi: float,
    integer: bool = False,
    required: bool = True,
    above_lo: bool = False,
) -> float | None:
    """Parse a number within [lo, hi] (or (lo, hi] with above_lo); record a message otherwise."""
    if type(value) is str:
        parsed, message = _number_text(value, label, lo, hi, integer, required, above_lo)
    else:
        parsed, message = _number(value, label, lo, hi, integer, required, above_lo)
    if message is not None:
        errors[field] = message
    return parsed


def _number(
    value: object, label: str, lo: float, hi: float, integer: bool, required: bool, above_lo: bool
) -> tuple[float | None, str | None]:
    """The number `value` stands for, or None and the message that says why not (None when fine)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, f"{label} is missing: enter a number." if required else None
    if isinstance(value, bool):
        return None, f"{label} must be a number, not yes/no."
    try:
        parsed = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, f"{label} must be a number; {str(value)[:20]!r} is not one."
    if math.isnan(parsed) and isinstance(value, str):
        return None, f"{label} must be a number; {value.strip()[:20]!r} is not one."
    if math.isnan(parsed):
        # A float NaN is how spreadsheets and pandas say "empty cell".
        return None, f"{label} is missing: enter a number." if required else None
    kind = "a whole number" if integer else "a number"
    span = f"above {lo:g} and at most {hi:g}" if above_lo else f"from {lo:g} to {hi:g}"
    if math.isinf(parsed) or parsed > hi or parsed < lo or (above_lo and parsed <= lo):
        return None, f"{label} must be {kind} {span}; you entered {_shown(parsed)}."
    if integer and not parsed.is_integer():
        return None, f"{label} must be a whole number; you entered {parsed:g}."
    return (int(parsed) if integer else parsed), None


# Text cells (what files and text inputs give) repeat: the same verdict for the same cell and rule.
_number_text = lru_cache(maxsize=CACHED_VERDICTS)(_number)


def _shown(value: float) -> str:
    if math.isinf(value):
        return "infinity" if value > 0 else "minus infinity"
    return f"{value:g}"


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would run: starting with '=' or '@', or with '+' or '-' glued to an
    expression ('+1+2', '-SUM(A1)'). A note like '- knee sore' or '+1 set today' is prose and passes."""
    if text.startswith(("=", "@", "\t", "\r")):
        return True
    if text.startswith(("+", "-")):
        first = text.split(None, 1)[0]
        return bool(_EXPRESSION.search(first[1:]))
    return False


def text(errors: Errors, field: str, value: object, *, label: str, max_len: int, required: bool = False) -> str:
    """Clean a free-text field: trimmed, no markup, no formula prefix, no control characters."""
    if type(value) is str and len(value) <= CACHED_TEXT:
        cleaned, message = _text_cached(value, label, max_len, required)
    else:
        cleaned, message = _text(value, label, max_len, required)
    if message is not None:
        errors[field] = message
    return cleaned


def _text(value: object, label: str, max_len: int, required: bool) -> tuple[str, str | None]:
    """The cleaned text and the message that says what is wrong with it (None when fine)."""
    raw = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    cleaned = unicodedata.normalize("NFC", raw.strip())
    if not cleaned:
        return "", f"{label} is empty: please fill it in." if required else None
    if len(cleaned) > max_len:
        return cleaned, f"{label} is {len(cleaned):,} characters long; shorten it to {max_len:,} or fewer."
    if _TAG.search(cleaned):
        return cleaned, f"{label} contains markup such as '<tag>'; remove the angle brackets."
    if looks_like_formula(cleaned):
        return cleaned, (
            f"{label} starts with {cleaned[0]!r}, which spreadsheet programs run as a formula; "
            "start with a letter or number."
        )
    if _CONTROL.search(cleaned):
        return cleaned, f"{label} contains invisible control characters; retype it."
    return cleaned, None


_text_cached = lru_cache(maxsize=CACHED_VERDICTS)(_text)


def moment(errors: Errors, field: str, value: object, *, label: str, now: datetime) -> datetime | None:
    """A date and time that is neither in the future nor before 1900."""
    if not isinstance(value, datetime):
        errors[field] = f"{label} is missing or not a date and time."
        return None
    if value.date() < EARLIEST_DATE:
        errors[field] = f"{label} {value:%Y-%m-%d} is before 1900; check the year."
        return None
    if value > now + CLOCK_SLACK:
        errors[field] = f"{label} {value:%Y-%m-%d %H:%M} is in the future; pick a time up to now."
        return None
    return value.replace(microsecond=0) if value.microsecond else value


def day(errors: Errors, field: str, value: object, *, label: str, today: date) -> date | None:
    """A calendar date that is neither in the future nor before 1900."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        errors[field] = f"{label} is missing or not a date."
        return None
    if value < EARLIEST_DATE:
        errors[field] = f"{label} {value:%Y-%m-%d} is before 1900; check the year."
        return None
    if value > today:
        errors[field] = f"{label} {value:%Y-%m-%d} is in the future; pick today or an earlier day."
        return None
    return value


def choice(errors: Errors, field: str, value: object, *, label: str, options: dict[str, str] | tuple[str, ...]) -> str:
    """One of a fixed set of values."""
    if isinstance(value, str) and value in options:
        return value
    allowed = ", ".join(options.values() if isinstance(options, dict) else options)
    errors[field] = f"{label} must be one of: {allowed}."
    return ""
