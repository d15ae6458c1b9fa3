"""Reading Apple Health's export.zip: workout names, times and distances, bounded memory, progress."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from formats.readers.apple_health import is_export, parse, readable
from formats.readers.model import FileProblem

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'
RECORD = (
    '<Record type="HKQuantityTypeIdentifierHeartRate" unit="count/min" startDate="2025-01-01 10:00:00 -0500" '
    'endDate="2025-01-01 10:00:00 -0500" value="70"><MetadataEntry key="k" value="v"/></Record>\n'
)


def export(body: str, records: int = 0) -> bytes:
    """An export.zip whose export.xml holds `body` after `records` heart-rate samples."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", HEAD + RECORD * records + body + "</HealthData>\n")
    return buffer.getvalue()


def workout(kind: str, extra: str = "", children: str = "") -> str:
    """One <Workout> of the given activity type."""
    return (
        f'<Workout workoutActivityType="HKWorkoutActivityType{kind}" startDate="2025-01-02 06:30:00 -0500" '
        f'endDate="2025-01-02 07:00:00 -0500" {extra}>{children}</Workout>\n'
    )


def only_entry(body: str) -> dict[str, object]:
    (session,) = parse("export.zip", export(body)).sessions
    (entry,) = session.raw["entries"]
    return entry


def test_activity_types_read_as_words_with_indoor_or_outdoor_where_threshold_tells_them_apart():
    assert readable("HKWorkoutActivityTypeStairClimbing") == "Stair Climbing"
    indoor = '<MetadataEntry key="HKIndoorWorkout" value="1"/>'
    assert only_entry(workout("Walking", 'duration="30" durationUnit="min"', indoor))["exercise"] == "Walking (Indoor)"
    assert only_entry(workout("Cycling", 'duration="30" durationUnit="min"'))["exercise"] == "Cycling (Outdoor)"
    assert only_entry(workout("Elliptical", 'duration="30" durationUnit="min"'))["exercise"] == "Elliptical"


@pytest.mark.parametrize(
    "extra, children, minutes, km",
    [
        ('duration="1800" durationUnit="s" totalDistance="1" totalDistanceUnit="mi"', "", 30.0, 1.609),
        ("", "", 30.0, None),  # no duration: from start to end
        (
            'duration="30" durationUnit="min"',
            '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceSwimming" sum="1000" unit="yd"/>',
            30.0,
            0.914,
        ),
    ],
)
def test_minutes_and_distance_come_from_whichever_layout_the_workout_uses(extra, children, minutes, km):
    entry = only_entry(workout("Swimming", extra, children))
    assert (entry["minutes"], entry["distance_km"]) == (minutes, km)


def test_the_start_is_the_local_time_the_phone_showed():
    (session,) = parse("export.zip", export(workout("Yoga", 'duration="20" durationUnit="min"'))).sessions
    assert str(session.raw["started_at"]) == "2025-01-02 06:30:00"


def test_strength_workouts_and_workouts_over_the_longest_time_are_left_out_and_counted():
    body = workout("TraditionalStrengthTraining", 'duration="45" durationUnit="min"') + workout(
        "Hiking", 'duration="700" durationUnit="min"'
    )
    parsed = parse("export.zip", export(body))
    assert parsed.sessions == []
    (note,) = parsed.notes
    assert "2 workouts were left out" in note and "Traditional Strength Training: 1" in note


def test_only_a_zip_with_an_export_xml_counts_as_an_apple_health_export():
    assert is_export("export.zip", export(""))
    assert not is_export("strong.csv", b"Date,Exercise Name,Set Order\n")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("sessions.csv", "session_id\n")
    assert not is_export("threshold.zip", other.getvalue())


def test_a_damaged_export_is_refused_with_a_message():
    with pytest.raises(FileProblem, match=r"export\.xml is damaged"):
        parse("export.zip", export('<Workout workoutActivityType="x"'))


def test_memory_stays_bounded_however_many_samples_come_first():
    data = export(workout("Walking", 'duration="30" durationUnit="min"'), records=100_000)  # about 23 MB of XML
    seen: list[float] = []
    tracemalloc.start()
    parsed = parse("export.zip", data, seen.append)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(parsed.sessions) == 1
    assert peak < 3 * 2**20, f"{peak / 2**20:.1f} MB"
    assert seen == sorted(seen) and len(seen) > 3 and seen[-1] == 1.0
