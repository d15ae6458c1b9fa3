"""The import error catalogue: every bad file or row gets a message with its line, and nothing is written."""

from __future__ import annotations

import pytest

from services.transfer import import_file
from tests.transfer_data import counts, zipped

STRONG_HEADER = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,"
    "Distance (meters),Seconds,Notes,Workout Notes"
)
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_kg,reps,distance_km,duration_seconds,rpe"
)


def strong(*rows: dict[str, str]) -> bytes:
    """A Strong 6 file: one leg-press set per row, with the given cells changed."""
    lines = [STRONG_HEADER]
    for row in rows:
        cells = {
            "date": "2026-10-01 18:00:00",
            "exercise": "Leg Press (Machine)",
            "weight": "60",
            "reps": "10",
            "notes": "",
        } | row
        lines.append(
            f"1,{cells['date']},Legs,3600,{cells['exercise']},1,{cells['weight']},{cells['reps']},,,,,{cells['notes']}"
        )
    return ("\n".join(lines) + "\n").encode()


def hevy(description: str = "", reps: str = "10", title: str = "Lower") -> bytes:
    """A Hevy file with one leg-curl set."""
    row = f'{title},"26 Jul 2026, 07:06","26 Jul 2026, 08:11",{description},Leg Curl (Machine),,,0,normal,35,{reps},,,'
    return f"{HEVY_HEADER}\n{row}\n".encode()


PEG = "day,pain,enjoyment,activity\n"
CASES = {
    "empty file": ("empty.csv", b"", "The file is empty", 0),
    "only blank lines": ("blank.csv", b"\r\n   \n", "The file is empty", 0),
    "missing column": ("peg.csv", b"day,pain,enjoyment\n2026-11-01,3,4\n", "missing column: activity; add it", 1),
    "extra column": ("peg.csv", (PEG.strip() + ",mood\n2026-11-01,3,4,5,ok\n").encode(), "'mood'", 1),
    "wrong delimiter": ("peg.csv", b"day|pain|enjoyment|activity\n2026-11-01|3|4|5\n", "It seems to use '|'", 1),
    "rows split differently from the header": (
        "peg.csv",
        (PEG + "2026-11-01;3;4;5\n").encode(),
        "uses semicolons between its cells",
        2,
    ),
    "stray separator": ("peg.csv", (PEG + "2026-11-01,3,4,5\n2026-11-02,3,4,5,6\n").encode(), "has 5 cells", 3),
    "bad date": ("peg.csv", (PEG + "2026-13-01,3,4,5\n").encode(), "'2026-13-01' is not a date", 2),
    "bad date and time": ("strong.csv", strong({"date": "yesterday"}), "'yesterday' is not a date and time", 2),
    "future day": ("peg.csv", (PEG + "2099-01-01,3,4,5\n").encode(), "is in the future", 2),
    "future session": ("strong.csv", strong({}, {"date": "2099-01-01 10:00:00"}), "is in the future", 3),
    "date before 1900": ("peg.csv", (PEG + "1899-12-31,3,4,5\n").encode(), "before 1900", 2),
    "non-numeric weight": ("strong.csv", strong({}, {"weight": "heavy"}), "must be a number; 'heavy' is not one", 3),
    "weight out of range": ("strong.csv", strong({"weight": "600"}), "from 0.1 to 500; you entered 600", 2),
    "negative reps": ("hevy.csv", hevy(reps="-3"), "Reps must be a whole number from 1 to 100; you entered -3", 2),
    "fractional reps": ("strong.csv", strong({"reps": "8.5"}), "must be a whole number; you entered 8.5", 2),
    "pain out of range": (
        "checkins.csv",
        b"day,region,pain,session_started_at\n2026-11-01,lower_back,11,\n",
        "from 0 to 10",
        2,
    ),
    "unknown body region": (
        "checkins.csv",
        b"day,region,pain,session_started_at\n2026-11-01,elbow,3,\n",
        "Body region must be",
        2,
    ),
    "same day twice": ("peg.csv", (PEG + "2026-11-01,3,4,5\n2026-11-01,2,2,2\n").encode(), "already on line 2", 3),
    "formula in notes": ("hevy.csv", hevy(title='"=HYPERLINK(""http://x"")"'), "run as a formula", 2),
    "markup in notes": ("hevy.csv", hevy(description="<script>alert(1)</script>"), "contains markup", 2),
    "too many sets": ("strong.csv", strong(*[{}] * 21), "At most 20 sets", 2),
    "not an export": ("data.csv", b"a,b,c\n1,2,3\n", "not those of a Threshold, Strong or Hevy export", 1),
    "entries without sessions": (
        "entries.csv",
        b"session_id,entry_number,exercise,minutes,distance_km,intensity\n1,1,Yoga,30,,\n",
        "needs sessions.csv beside it",
        0,
    ),
    "damaged zip": ("export.zip", b"PK\x03\x04 this is not really a zip", "damaged or incomplete", 0),
    "zip without csv": ("export.zip", zipped({"notes.txt": "hello"}), "holds no CSV files", 0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_with_its_line_and_nothing_is_written(ctx, case):
    filename, data, message, line = CASES[case]
    before = counts(ctx)
    result = import_file(ctx, filename, data)
    assert not result.written
    assert any(message in p.message for p in result.problems), [str(p) for p in result.problems]
    assert line in {p.line for p in result.problems if message in p.message}
    assert counts(ctx) == before


def test_a_row_after_a_note_spanning_lines_is_reported_on_its_own_line(ctx):
    data = strong({"notes": '"first line\nsecond line"'}, {"reps": "0.5"}, {"reps": "-1"})
    result = import_file(ctx, "strong.csv", data)
    assert [p.line for p in result.problems] == [4, 5]


def test_every_bad_row_is_listed_not_just_the_first(ctx):
    rows = [{"reps": "-1"} if i % 10 == 0 else {} for i in range(20)]
    result = import_file(
        ctx, "strong.csv", strong(*[{"date": f"2026-10-{d + 1:02d} 18:00:00"} | r for d, r in enumerate(rows)])
    )
    assert [p.line for p in result.problems] == [2, 12]
    assert counts(ctx)["sessions"] == 0


def test_an_unknown_exercise_in_a_threshold_file_is_named(ctx):
    files = {
        "sessions.csv": "session_id,started_at,effort_rpe,notes\n7,2026-11-01 10:00:00,,\n",
        "entries.csv": "session_id,entry_number,exercise,minutes,distance_km,intensity\n7,1,Zumba,30,,\n",
    }
    result = import_file(ctx, "export.zip", zipped(files))
    assert [str(p) for p in result.problems] == [
        "entries.csv, line 2: exercise 'Zumba' is neither in your exercise list nor in exercises.csv; add it there."
    ]


def test_an_equipment_answer_must_be_a_known_kind(ctx):
    result = import_file(ctx, "strong.csv", strong({"exercise": "Muscle Up"}), equipment={"Muscle Up": "spaceship"})
    assert "'spaceship' is not a kind of equipment." in [p.message for p in result.problems]
    assert counts(ctx)["sessions"] == 0


def test_latin1_files_are_read_and_said_to_be(ctx):
    data = strong({"notes": "Caf\u00e9 afterwards"}).decode().encode("latin-1")
    result = import_file(ctx, "strong.csv", data)
    assert result.written, result.problems
    assert any("Latin-1" in note for note in result.notes)
    from tests.transfer_data import snapshot

    assert snapshot(ctx)["sessions"][0][1] == "Legs\nCaf\u00e9 afterwards"


def test_a_byte_order_mark_does_not_hide_the_first_column(ctx):
    result = import_file(ctx, "hevy.csv", b"\xef\xbb\xbf" + hevy())
    assert result.written, result.problems
    assert result.sessions_added == 1


def test_semicolon_files_with_tabs_or_semicolons_are_sniffed(ctx):
    data = strong({}).decode().replace(",", "\t").encode()
    result = import_file(ctx, "strong.tsv", data)
    assert result.written, result.problems


def test_a_10_mb_file_imports_whole_with_progress_reported(sqlite_db):
    from datetime import datetime, timedelta

    from services.context import ensure_profile

    ctx = ensure_profile(sqlite_db)
    note = "Steady session, knee quiet afterwards; " * 10
    first = datetime(2018, 1, 1, 8, 0)
    rows = [
        {"date": f"{first + timedelta(hours=12 * (n // 10)):%Y-%m-%d %H:%M:%S}", "notes": f'"{note}"'}
        for n in range(25_000)
    ]
    data = strong(*rows)
    assert len(data) >= 10 * 1024 * 1024
    seen: list[float] = []
    result = import_file(ctx, "strong.csv", data, progress=lambda done, _text: seen.append(done))
    assert result.written, result.problems[:3]
    assert result.sessions_added == 2_500 and result.sets_added == 25_000
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 5
