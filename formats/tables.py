"""The tidy CSV tables Threshold exports and reads back: names, columns and the cell rules."""

from __future__ import annotations

import math
import numbers
import sys
from dataclasses import dataclass
from datetime import date, datetime

from tracker.validation import FORMULA_PREFIXES

# Written in front of text a spreadsheet would run as a formula (and in front of text that already
# starts with one, so reading it back can always drop exactly one).
GUARD = "'"
BOM_ENCODING = "utf-8-sig"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class Table:
    """One CSV file of the export: the columns an import needs, and those it may ignore."""

    file: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def columns(self, unit: str) -> list[str]:
        """The header as exported, with the weight column named in the user's unit."""
        return [c.replace("weight_UNIT", f"weight_{unit}") for c in (*self.required, *self.optional)]


SESSIONS = Table("sessions.csv", ("session_id", "started_at", "effort_rpe", "notes"))
ENTRIES = Table(
    "entries.csv",
    ("session_id", "entry_number", "exercise", "minutes", "distance_km", "intensity"),
    ("started_at", "category"),
)
SETS = Table(
    "sets.csv", ("session_id", "entry_number", "set_number", "weight_UNIT", "reps"), ("started_at", "exercise")
)
PAINS = Table("pain_ratings.csv", ("session_id", "region", "before", "during", "after"), ("started_at",))
# sleep_quality came with function goals and medication; optional, so older exports still import.
CHECKINS = Table("checkins.csv", ("day", "region", "pain", "session_started_at"), ("sleep_quality",))
PEGS = Table("peg.csv", ("day", "pain", "enjoyment", "activity"), ("score",))
PRESSURES = Table(
    "pressure_thresholds.csv", ("day", "site", "trial1_kg_cm2", "trial2_kg_cm2", "trial3_kg_cm2"), ("mean_kg_cm2",)
)
EXERCISES = Table("exercises.csv", ("name", "category", "equipment", "impact", "one_sided", "counterpart"))
GOALS = Table("function_goals.csv", ("activity", "created_on", "retired_on"))
# An activity is named by its words and the day it was added: one retired and added again is another activity.
PSFS = Table("psfs_ratings.csv", ("day", "activity", "activity_created_on", "score"))
PGIC = Table("pgic.csv", ("day", "score"), ("answer",))
MEDICATIONS = Table("medications.csv", ("name", "dose", "unit", "start_day", "end_day"))
DOSES = Table("as_needed_doses.csv", ("name", "dose", "unit", "taken_at"))
TABLES: tuple[Table, ...] = (
    SESSIONS,
    ENTRIES,
    SETS,
    PAINS,
    CHECKINS,
    PEGS,
    PRESSURES,
    EXERCISES,
    GOALS,
    PSFS,
    PGIC,
    MEDICATIONS,
    DOSES,
)
BY_FILE = {t.file: t for t in TABLES}


def neutralise(text: str) -> str:
    """Text made safe to open in a spreadsheet: a leading formula character gets an apostrophe in front."""
    return GUARD + text if text.startswith((*FORMULA_PREFIXES, GUARD)) else text


def restore(text: str) -> str:
    """Undo `neutralise` for a cell read back from Threshold's own export."""
    return text[1:] if text.startswith(GUARD) else text


def number(value: float, decimals: int | None = None) -> str:
    """A number as short exact text: '40' rather than '40.0'; rounded to `decimals` when given."""
    if decimals is not None:
        shown = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
        return "0" if shown in ("", "-0") else shown
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def cell(value: object) -> str:
    """Any value as CSV text: ISO dates, empty for missing, 'yes'/'no', exact numbers, neutralised text."""
    # pandas and numpy values exist only once they are imported: the export writes without loading them.
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if value is None or (pd is not None and value is pd.NaT) or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, datetime):  # pandas Timestamps are datetimes too
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return number(float(value))
    if pd is not None and value is pd.NA:
        return ""
    return neutralise(str(value))
