"""Real-layout exports (tests/fixtures/apps/) import onto the catalogue and feed the move to free weights."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from services.checkins import record_checkin
from services.sessions import log_session
from services.suggestions import current
from services.transfer import import_file
from tests.factories import strength_session
from tests.transfer_data import snapshot

APPS = Path(__file__).resolve().parents[1] / "fixtures" / "apps"

EXPECTED = {
    "strong_old.csv": {
        "Chest Press (Machine)": "Chest press machine",
        "Press, Leg": "Leg press",
        "Lat Pulldown (Cable)": "Lat pulldown",
        "Seated Row (Cable)": "Cable row",
        "Bicep Curl (Dumbbell)": "Dumbbell biceps curl",
        "Plank": "Plank",
        "Cycling": "Cycling",
    },
    "strong_new.csv": {
        "Squat (Barbell)": "Barbell squat",
        "Romanian Deadlift (Barbell)": "Romanian deadlift",
        "Goblet Squat (Kettlebell)": "Goblet squat",
        "Shoulder Press (Machine)": "Shoulder press machine",
        "Lateral Raise (Dumbbell)": "Lateral raise",
        "Triceps Pushdown (Cable - Straight Bar)": "Triceps pushdown",
        "Hip Abductor (Machine)": "Hip abduction machine",
        "Leg Extension (Machine)": "Leg extension",
        "Seated Leg Curl (Machine)": "Leg curl",
        "Pull Up (Assisted)": "Assisted pull-up",
        "Elliptical Machine": "Elliptical trainer",
    },
    "hevy.csv": {
        "Seated Row (Machine)": "Seated row machine",
        "Iso-Lateral Chest Press (Machine)": "Chest press machine",
        "Lat Pulldown (Cable)": "Lat pulldown",
        "Bulgarian Split Squat": "Split squat",
        "Hip Thrust (Barbell)": "Hip thrust",
        "Face Pull": "Face pull",
        "Dead Bug": "Dead bug",
        "Treadmill": "Treadmill walk",
        "Stretching": "Stretching",
    },
    "hevy_lbs.csv": {
        "Running (Treadmill)": "Running",
        "Lat Pulldown (Machine)": "Lat pulldown",
        "Hammer Curl (Dumbbell)": "Hammer curl",
    },
    "apple_health_old.xml": {
        "Walking (Outdoor)": "Walking",
        "Walking (Indoor)": "Treadmill walk",
        "Elliptical": "Elliptical trainer",
        "Swimming": "Swimming laps",
    },
    "apple_health_new.xml": {
        "Walking (Outdoor)": "Walking",
        "Cycling (Indoor)": "Stationary bike",
        "Swimming": "Swimming laps",
        "Yoga": "Yoga",
    },
}


def export_zip(xml: str) -> bytes:
    """An export.zip as the phone makes it, around one of the export.xml fixtures."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(APPS / xml, "apple_health_export/export.xml")
    return buffer.getvalue()


def upload(fixture: str) -> tuple[str, bytes]:
    """A fixture as it would be uploaded."""
    if fixture.endswith(".xml"):
        return "export.zip", export_zip(fixture)
    return fixture, (APPS / fixture).read_bytes()


@pytest.mark.parametrize("fixture", list(EXPECTED))
def test_every_exercise_of_a_real_layout_maps_as_expected_and_none_becomes_new(ctx, fixture):
    checked = import_file(ctx, *upload(fixture), unit="lb", save=False)
    assert checked.ready, [str(p) for p in checked.problems]
    assert checked.preview is not None
    assert {m.name: m.target for m in checked.preview.exercises} == EXPECTED[fixture]
    assert [m.name for m in checked.preview.exercises if m.how == "new"] == []
    assert snapshot(ctx)["sessions"] == []  # a preview writes nothing
    result = import_file(ctx, *upload(fixture), unit="lb")
    assert result.written and result.exercises_created == ()
    assert result.sessions_added == checked.preview.sessions > 0


def test_the_preview_gives_sessions_sets_dates_and_the_unit(ctx):
    checked = import_file(ctx, *upload("strong_old.csv"), unit="lb", save=False)
    preview = checked.preview
    assert preview is not None
    assert (preview.sessions, preview.first, preview.last) == (6, date(2026, 9, 1), date(2026, 10, 6))
    assert preview.sets == 6 * (3 + 2 + 3)
    assert preview.unit == "lb" and not preview.unit_from_file
    assert preview.warnings == ()


def test_a_pound_history_read_as_kilograms_is_warned_about(ctx):
    checked = import_file(ctx, *upload("strong_old.csv"), unit="kg", save=False)
    assert checked.preview is not None
    (warning,) = checked.preview.warnings
    assert "heavy for kilograms" in warning and "import it as lb" in warning and "--unit lb" in warning


def test_a_mapping_chosen_in_the_preview_replaces_the_one_found(ctx):
    result = import_file(ctx, *upload("hevy_lbs.csv"), mapping={"Hammer Curl (Dumbbell)": "Dumbbell biceps curl"})
    assert result.written
    assert result.preview is not None
    chosen = {m.name: (m.target, m.how) for m in result.preview.exercises}
    assert chosen["Hammer Curl (Dumbbell)"] == ("Dumbbell biceps curl", "chosen")
    (session,) = snapshot(ctx)["sessions"]
    assert [entry[0] for entry in session[3]] == ["Running", "Lat pulldown", "Dumbbell biceps curl"]


def test_a_mapping_onto_an_exercise_of_another_kind_is_refused(ctx):
    result = import_file(ctx, *upload("hevy_lbs.csv"), mapping={"Running (Treadmill)": "Leg press"})
    assert not result.written
    assert any("not one of your cardio exercises" in p.message for p in result.problems)


def test_apple_health_workouts_keep_minutes_and_distance_in_both_layouts(ctx):
    import_file(ctx, *upload("apple_health_old.xml"))
    result = import_file(ctx, *upload("apple_health_new.xml"))
    assert any("Functional Strength Training: 1" in note for note in result.notes)
    entries = {(s[0], s[3][0][0]): s[3][0][1:3] for s in snapshot(ctx)["sessions"]}
    assert entries[(datetime(2024, 3, 1, 7, 10), "Walking")] == (32.5, 2.8)
    assert entries[(datetime(2024, 3, 3, 18, 0), "Treadmill walk")] == (25.0, round(1.9 * 1.609344, 3))
    assert entries[(datetime(2025, 6, 2, 7, 2), "Walking")] == (41.25, 3.42)
    assert entries[(datetime(2025, 6, 6, 7, 20), "Swimming laps")] == (35.0, 1.2)
    assert len(entries) == 8


def test_an_import_without_pain_says_what_shows_already_and_what_needs_ratings(ctx):
    result = import_file(ctx, *upload("hevy.csv"))
    note = result.pain_note or ""
    assert "no pain ratings" in note and "strength" in note and "cardio minutes" in note
    assert "pain threshold" in note and "free weights" in note


def _rated_sessions(ctx, exercise: str, weight: float, first: date, unit_kg: float = 1.0) -> None:
    """Three sessions with pain in bounds, each settled by the next morning, through the services."""
    for n in range(3):
        day = first + timedelta(days=2 * n)
        raw = strength_session(when=datetime.combine(day, time(18)), exercise=exercise, weight=weight, reps=10)
        log_session(ctx, raw, now=datetime.combine(day, time(21)))
        record_checkin(
            ctx, {"day": day + timedelta(days=1), "region": "lower_back", "pain": 2}, today=day + timedelta(days=1)
        )


@pytest.mark.parametrize(
    "fixture, unit, machine, counterpart, weight",
    [
        ("strong_old.csv", "lb", "Chest press machine", "Dumbbell bench press", 52.0),
        ("hevy.csv", None, "Seated row machine", "One-arm dumbbell row", 55.0),
    ],
)
def test_an_imported_machine_history_leads_to_the_move_to_free_weights(
    ctx, fixture, unit, machine, counterpart, weight
):
    result = import_file(ctx, *upload(fixture), unit=unit)
    assert result.written, result.problems
    first = date(2026, 10, 14)
    assert not [s for s in current(ctx, today=first) if s.key == f"switch:{machine}"]  # no pain ratings yet
    _rated_sessions(ctx, machine, weight, first)
    found = {s.key: s for s in current(ctx, today=first + timedelta(days=7))}
    switch = found[f"switch:{machine}"]
    assert switch.title == f"Start moving {machine} to {counterpart}"


def test_an_apple_health_export_imported_twice_adds_nothing_the_second_time(ctx):
    first = import_file(ctx, *upload("apple_health_new.xml"))
    before = snapshot(ctx)
    again = import_file(ctx, *upload("apple_health_new.xml"))
    assert first.sessions_added == 4 and again.written and again.sessions_added == 0
    assert snapshot(ctx) == before


def test_two_app_exports_uploaded_together_are_refused_with_what_to_do(ctx):
    from formats.readers.upload import bundle

    name, data = bundle([upload("strong_old.csv"), upload("hevy.csv")])
    result = import_file(ctx, name, data, unit="lb")
    assert not result.written
    (problem,) = result.problems
    assert "Import one Strong or Hevy file at a time" in problem.message
    assert "are not those of" not in problem.message
