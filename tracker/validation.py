"""Field checks shared by every way data comes in (forms, CSV import, CLI).

Each checker records a message per field instead of stopping at the first
problem, so a form can show every mistake next to its field at once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

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
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors[field] = f"{label} is missing: enter a number."
        return None
    if isinstance(value, bool):
        errors[field] = f"{label} must be a number, not yes/no."
        return None
    try:
        parsed = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        errors[field] = f"{label} must be a number; {str(value)[:20]!r} is not one."
        return None
    if math.isnan(parsed) and isinstance(value, str):
        errors[field] = f"{label} must be a number; {value.strip()[:20]!r} is not one."
        return None
    if math.isnan(parsed):
        # A float NaN is how spreadsheets and pandas say "empty cell".
        if required:
            errors[field] = f"{label} is missing: enter a number."
        return None
    kind = "a whole number" if integer else "a number"
    span = f"above {lo:g} and at most {hi:g}" if above_lo else f"from {lo:g} to {hi:g}"
    if math.isinf(parsed) or parsed > hi or parsed < lo or (above_lo and parsed <= lo):
        errors[field] = f"{label} must be {kind} {span}; you entered {_shown(parsed)}."
        return None
    if integer and not parsed.is_integer():
        errors[field] = f"{label} must be a whole number; you entered {parsed:g}."
        return None
    return int(parsed) if integer else parsed


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
    raw = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    cleaned = unicodedata.normalize("NFC", raw.strip())
    if not cleaned:
        if required:
            errors[field] = f"{label} is empty: please fill it in."
        return ""
    if len(cleaned) > max_len:
        errors[field] = f"{label} is {len(cleaned):,} characters long; shorten it to {max_len:,} or fewer."
    elif _TAG.search(cleaned):
        errors[field] = f"{label} contains markup such as '<tag>'; remove the angle brackets."
    elif looks_like_formula(cleaned):
        errors[field] = (
            f"{label} starts with {cleaned[0]!r}, which spreadsheet programs run as a formula; "
            "start with a letter or number."
        )
    elif any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in cleaned):
        errors[field] = f"{label} contains invisible control characters; retype it."
    return cleaned


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
    return value.replace(microsecond=0)


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
