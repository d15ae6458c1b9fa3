"""The bad-input catalogue: what people (and pasted spreadsheets) actually type, and what must happen.

Each refused case names the use case, the raw input, the field that must carry the message and words
the message must contain (the field's own label), so a person knows what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from tests.factories import NOW, cardio_session, strength_session
from tracker.session_input import SessionInput
from tracker.validation import MAX_NAME, MAX_NOTES

TODAY = NOW.date()
SQL_DROP = "'); DROP TABLE sessions; --"


@dataclass(frozen=True)
class Refused:
    """Input that must be refused with a message on `field` containing `says`, writing nothing."""

    id: str
    use_case: str
    raw: object
    """A SessionInput for "session", else the dict the form hands over."""
    field: str
    says: str


def pain(**changes: Any) -> SessionInput:
    """A strength session whose pain rating has the given fields changed."""
    given = strength_session()
    return replace(given, pains=(replace(given.pains[0], **changes),))


def work_set(**changes: Any) -> SessionInput:
    """A one-set strength session whose set has the given fields changed."""
    given = strength_session(sets=1)
    entry = given.entries[0]
    return replace(given, entries=(replace(entry, sets=(replace(entry.sets[0], **changes),)),))


def cardio(**changes: Any) -> SessionInput:
    """A cardio session whose entry has the given fields changed."""
    given = cardio_session()
    return replace(given, entries=(replace(given.entries[0], **changes),))


def session(**changes: Any) -> SessionInput:
    """A strength session with top-level fields changed."""
    return replace(strength_session(), **changes)


# A date a file reader left as text (the log form's date and time widgets give only datetimes).
TEXT_DATE = SessionInput.from_mapping({"started_at": "2026-11-20 18:00", "entries": [{"exercise": "Leg press"}]})
CHECKIN = {"day": TODAY, "region": "lower_back", "pain": 3}
PEG = {"day": TODAY, "pain": 5, "enjoyment": 4, "activity": 4}
PRESSURE = {"day": TODAY, "site": "Left knee, medial", "trial1": 3.0, "trial2": 3.2, "trial3": 3.1}
SETTINGS = {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Sam"}
EXERCISE = {"name": "Step-ups", "category": "strength", "equipment": "bodyweight"}
ACTIVITY = {"activity": "Climb two flights of stairs"}
PSFS = {"day": TODAY, "scores": {1: 4}}
PGIC = {"day": TODAY, "score": 3}
REGULAR = {"name": "Naproxen", "dose": 250, "unit": "mg", "start": TODAY - timedelta(days=30)}
AS_NEEDED = {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": NOW - timedelta(hours=1)}
SLEEP = {"day": TODAY, "pains": {"lower_back": 3}, "sleep": 7}


def _r(case_id: str, use_case: str, base: dict[str, Any], field: str, says: str, **changes: Any) -> Refused:
    """A refused case built from a valid base input with some fields changed."""
    return Refused(case_id, use_case, {**base, **changes}, field, says)


REFUSED: tuple[Refused, ...] = (
    # Pain ratings: 0-10 whole numbers.
    Refused("pain above 10", "session", pain(during=11), "pains.0.during", "Peak pain during"),
    Refused("pain below 0", "session", pain(during=-1), "pains.0.during", "Peak pain during"),
    Refused("pain with a fraction", "session", pain(before=2.5), "pains.0.before", "whole number"),
    Refused("pain 'NaN' text", "session", pain(during="NaN"), "pains.0.during", "'NaN' is not one"),
    Refused("pain 'inf' text", "session", pain(during="inf"), "pains.0.during", "infinity"),
    Refused("pain '-Infinity' text", "session", pain(after="-Infinity"), "pains.0.after", "Pain after"),
    Refused("pain as a word", "session", pain(during="seven"), "pains.0.during", "must be a number"),
    Refused("pain as yes/no", "session", pain(during=True), "pains.0.during", "not yes/no"),
    Refused("pain left out", "session", pain(during=None), "pains.0.during", "Peak pain during is missing"),
    Refused("unknown body region", "session", pain(region="elbow"), "pains.0.region", "Body region"),
    # Sets: weight above 0 up to 500 kg, 1-100 whole reps, at most 20 sets.
    Refused("weight zero", "session", work_set(weight=0), "entries.0.sets.0.weight", "Weight (kg)"),
    Refused("weight too heavy", "session", work_set(weight=500.5), "entries.0.sets.0.weight", "Weight (kg)"),
    Refused("weight '1e309' overflows", "session", work_set(weight="1e309"), "entries.0.sets.0.weight", "infinity"),
    Refused("weight as text", "session", work_set(weight="40kg"), "entries.0.sets.0.weight", "must be a number"),
    Refused("reps zero", "session", work_set(reps=0), "entries.0.sets.0.reps", "Reps"),
    Refused("reps above 100", "session", work_set(reps=101), "entries.0.sets.0.reps", "Reps"),
    Refused("reps with a fraction", "session", work_set(reps=8.5), "entries.0.sets.0.reps", "whole number"),
    Refused("reps 'NaN' text", "session", work_set(reps="nan"), "entries.0.sets.0.reps", "'nan' is not one"),
    Refused("twenty-one sets", "session", strength_session(sets=21), "entries.0.sets", "At most 20 sets"),
    Refused("strength without sets", "session", strength_session(sets=0), "entries.0.sets", "at least one set"),
    # Cardio: 1-600 minutes, distance above 0, a known intensity.
    Refused("minutes zero", "session", cardio(minutes=0), "entries.0.minutes", "Minutes"),
    Refused("minutes over ten hours", "session", cardio(minutes=601), "entries.0.minutes", "Minutes"),
    Refused("distance negative", "session", cardio(distance_km=-1), "entries.0.distance_km", "Distance (km)"),
    Refused("unknown intensity", "session", cardio(intensity="extreme"), "entries.0.intensity", "Intensity"),
    # The session itself.
    Refused("no exercises", "session", session(entries=()), "entries", "at least one exercise"),
    Refused(
        "exercise not in list", "session", strength_session(exercise="Hover board"), "entries.0.exercise", "not in your"
    ),
    Refused("exercise name is SQL", "session", strength_session(exercise=SQL_DROP), "entries.0.exercise", "not in"),
    Refused(
        "exercise name blank", "session", strength_session(exercise="   "), "entries.0.exercise", "Exercise is empty"
    ),
    Refused(
        "exercise name too long",
        "session",
        strength_session(exercise="x" * (MAX_NAME + 1)),
        "entries.0.exercise",
        "shorten",
    ),
    Refused("same region twice", "session", session(pains=strength_session().pains * 2), "pains", "once"),
    Refused("effort above 10", "session", session(rpe=11), "rpe", "Effort (RPE)"),
    Refused("effort zero", "session", session(rpe=0), "rpe", "Effort (RPE)"),
    Refused("time in the future", "session", session(started_at=NOW + timedelta(days=1)), "started_at", "future"),
    Refused("year 1899", "session", session(started_at=datetime(1899, 12, 31, 9)), "started_at", "before 1900"),
    Refused(
        "date as text",
        "session",
        TEXT_DATE,
        "started_at",
        "Date and time",
    ),
    Refused("date left out", "session", session(started_at=None), "started_at", "Date and time is missing"),
    # Notes: plain text up to 2,000 characters.
    Refused("notes too long", "session", session(notes="a" * (MAX_NOTES + 1)), "notes", "shorten it to 2,000"),
    Refused("script in notes", "session", session(notes="<script>alert(1)</script>"), "notes", "Notes contains markup"),
    Refused("html in notes", "session", session(notes="felt <b>great</b>"), "notes", "Notes contains markup"),
    Refused("image tag in notes", "session", session(notes="<img src=x onerror=alert(1)>"), "notes", "markup"),
    Refused("formula '=' in notes", "session", session(notes='=HYPERLINK("http://x","y")'), "notes", "formula"),
    Refused("formula '+' in notes", "session", session(notes="+1+2"), "notes", "formula"),
    Refused("formula '-' in notes", "session", session(notes="-2+3"), "notes", "formula"),
    Refused("formula '@' in notes", "session", session(notes="@SUM(A1:A9)"), "notes", "formula"),
    Refused("formula '-' call in notes", "session", session(notes="-cmd|' /C calc'!A0"), "notes", "formula"),
    Refused("control character in notes", "session", session(notes="ok\x07then"), "notes", "control characters"),
    # Check-ins, PEG-3 and pressure thresholds.
    _r("check-in pain 11", "checkin", CHECKIN, "pain", "Pain on waking", pain=11),
    _r("check-in tomorrow", "checkin", CHECKIN, "day", "future", day=TODAY + timedelta(days=1)),
    _r("check-in day as text", "checkin", CHECKIN, "day", "Date is missing or not a date", day="yesterday"),
    _r(
        "check-in region is SQL",
        "checkin",
        CHECKIN,
        "region",
        "Body region",
        region="lower_back'; DROP TABLE checkins;--",
    ),
    _r("PEG item above 10", "peg", PEG, "enjoyment", "Interference with enjoyment of life", enjoyment=12),
    _r("PEG item 'NaN' text", "peg", PEG, "activity", "'NaN' is not one", activity="NaN"),
    _r("pressure trial zero", "pressure", PRESSURE, "trial1", "Trial 1", trial1=0),
    _r("pressure trial too high", "pressure", PRESSURE, "trial2", "Trial 2", trial2=25),
    _r("pressure trial 'Infinity'", "pressure", PRESSURE, "trial3", "infinity", trial3="Infinity"),
    _r("pressure site blank", "pressure", PRESSURE, "site", "Site is empty", site=""),
    _r("pressure site formula", "pressure", PRESSURE, "site", "formula", site="=cmd|' /C calc'!A0"),
    # Settings and the user's own exercises.
    _r("unit in stone", "settings", SETTINGS, "unit", "Units", unit="st"),
    _r("pain limit zero", "settings", SETTINGS, "pain_limit", "Acceptable pain", pain_limit=0),
    _r("no regions", "settings", SETTINGS, "regions", "at least one body region", regions=[]),
    _r("unknown region", "settings", SETTINGS, "regions", "Unknown body region", regions=["elbow"]),
    _r("script as name", "settings", SETTINGS, "display_name", "Your name contains markup", display_name="<script>x"),
    _r("name too long", "settings", SETTINGS, "display_name", "Your name", display_name="n" * 121),
    _r("exercise markup", "exercise", EXERCISE, "name", "Exercise name contains markup", name="<i>Lunge</i>"),
    _r("exercise unknown type", "exercise", EXERCISE, "category", "Type", category="dance"),
    _r("exercise already listed", "exercise", EXERCISE, "name", "already in your list", name="Leg press"),
    # Function goals (PSFS) and the global impression of change (PGIC).
    _r("psfs activity blank", "psfs_activity", ACTIVITY, "activity", "Activity is empty", activity="  "),
    _r("psfs activity markup", "psfs_activity", ACTIVITY, "activity", "markup", activity="<u>stairs</u>"),
    _r("psfs activity formula", "psfs_activity", ACTIVITY, "activity", "formula", activity="=1+1"),
    _r("psfs activity too long", "psfs_activity", ACTIVITY, "activity", "shorten", activity="s" * (MAX_NAME + 1)),
    _r("psfs activity added tomorrow", "psfs_activity", ACTIVITY, "created_on", "future",
       created_on=TODAY + timedelta(days=1)),
    _r("psfs rating 11", "psfs_rating", PSFS, "score.1", "Rating must be a whole number from 0 to 10", scores={1: 11}),
    _r("psfs rating negative", "psfs_rating", PSFS, "score.1", "Rating", scores={1: -1}),
    _r("psfs rating with a fraction", "psfs_rating", PSFS, "score.1", "whole number", scores={1: 6.5}),
    _r("psfs rating 'NaN' text", "psfs_rating", PSFS, "score.1", "'NaN' is not one", scores={1: "NaN"}),
    _r("psfs nothing rated", "psfs_rating", PSFS, "scores", "Rate at least one", scores={1: None}),
    _r("psfs rating tomorrow", "psfs_rating", PSFS, "day", "future", day=TODAY + timedelta(days=1)),
    _r("pgic answer 0", "pgic", PGIC, "score", "Overall change must be", score=0),
    _r("pgic answer 8", "pgic", PGIC, "score", "from 1 to 7", score=8),
    _r("pgic answer as a word", "pgic", PGIC, "score", "must be a number", score="better"),
    _r("pgic in 1899", "pgic", PGIC, "day", "before 1900", day=datetime(1899, 5, 1).date()),
    # Medication: regular and as needed.
    _r("medication dose zero", "medication", REGULAR, "dose", "Dose (mg) must be a number above 0 and at most", dose=0),
    _r("medication dose negative", "medication", REGULAR, "dose", "Dose", dose=-250),
    _r("medication dose absurd", "medication", REGULAR, "dose", "at most 5000", dose=250000),
    _r("medication dose 'inf'", "medication", REGULAR, "dose", "infinity", dose="inf"),
    _r("medication unit unknown", "medication", REGULAR, "unit", "Unit must be one of", unit="spoonfuls"),
    _r("medication name blank", "medication", REGULAR, "name", "Medication name is empty", name=""),
    _r("medication name markup", "medication", REGULAR, "name", "markup", name="<script>x</script>"),
    _r("medication name formula", "medication", REGULAR, "name", "formula", name="@SUM(A1)"),
    _r("medication name too long", "medication", REGULAR, "name", "shorten", name="m" * (MAX_NAME + 1)),
    _r("medication starts tomorrow", "medication", REGULAR, "start", "future", start=TODAY + timedelta(days=1)),
    _r("medication ends before it starts", "medication", REGULAR, "end", "before the first day",
       end=TODAY - timedelta(days=31)),
    _r("medication ends tomorrow", "medication", REGULAR, "end", "future", end=TODAY + timedelta(days=1)),
    _r("medication as-needed dose zero", "as_needed", AS_NEEDED, "dose", "Dose", dose=0),
    _r("medication as-needed in the future", "as_needed", AS_NEEDED, "taken_at", "future",
       taken_at=NOW + timedelta(days=1)),
    _r("medication as-needed in 1899", "as_needed", AS_NEEDED, "taken_at", "before 1900",
       taken_at=datetime(1899, 1, 1, 8)),
    _r("medication as-needed name formula", "as_needed", AS_NEEDED, "name", "formula", name="+cmd|x"),
    # Sleep quality with the morning check-in.
    _r("sleep 11", "sleep", SLEEP, "sleep", "Sleep quality last night must be", sleep=11),
    _r("sleep negative", "sleep", SLEEP, "sleep", "from 0 to 10", sleep=-1),
    _r("sleep with a fraction", "sleep", SLEEP, "sleep", "whole number", sleep=7.5),
    _r("sleep as a word", "sleep", SLEEP, "sleep", "must be a number", sleep="badly"),
)  # fmt: skip

# Text that is fine to keep: stored exactly as typed and shown as text, never run.
ACCEPTED_NOTES: tuple[tuple[str, str], ...] = (
    ("emoji", "Strong day 💪🏽🔥 knees happy 🦵"),
    ("hebrew (right to left)", "כאב קל בגב התחתון, הרגשתי טוב"),
    ("arabic (right to left)", "ألم خفيف بعد التمرين"),
    ("mixed direction", "Leg press 40 kg — אחר כך הליכה"),
    ("sql drop", f"Robert{SQL_DROP}"),
    ("sql or", "x' OR '1'='1"),
    ("markdown markup", "**bold** _x_ [link](http://example.org)"),
    ("maths, not a formula", "3+2 sets felt = easy"),
    ("a list dash", "- knee a bit sore on stairs"),
    ("a plus in prose", "+1 set compared to last week"),
    ("longest allowed", "b" * MAX_NOTES),
    ("line breaks and tab", "first line\nsecond\tline"),
)
