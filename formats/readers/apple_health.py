"""Apple Health's "Export All Health Data" file: its workouts, read streaming, as cardio sessions.

export.zip holds apple_health_export/export.xml, often over a gigabyte, nearly all of it <Record> samples.
It is read element by element and every finished top-level element is dropped, so memory stays bounded
whatever the file's size. A workout looks like this in the older layout:

  <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="32.5" durationUnit="min"
           totalDistance="2.8" totalDistanceUnit="km" startDate="2024-03-01 07:10:00 +0100" endDate="...">

and since iOS 16 the distance moved into children (<WorkoutStatistics type="...Distance..." sum="2.8"
unit="km"/>), which newer exports also nest in <WorkoutActivity> elements. A <MetadataEntry key="HKIndoorWorkout"
value="1"/> child tells a treadmill walk from an outdoor one. Names are made readable ('Walking (Indoor)')
and formats/readers/aliases.py maps them onto the catalogue like Strong's and Hevy's.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any
from xml.etree.ElementTree import Element, iterparse

from formats.readers.archive import check_member, declared_directory
from formats.readers.model import FileProblem, Guess, Parsed, RawSession
from tracker.describe import counted, was_were
from tracker.records import MAX_MINUTES, MIN_MINUTES

SOURCE = "Apple Health"
TYPE_PREFIX = "HKWorkoutActivityType"
# Workouts whose work is sets and loads, which the export does not hold: left out, and counted.
STRENGTH_TYPES = frozenset({"TraditionalStrengthTraining", "FunctionalStrengthTraining", "CoreTraining"})
# Where Threshold has an indoor and an outdoor exercise (treadmill walk or walk, stationary bike or cycling).
INDOOR_MATTERS = frozenset({"Walking", "Running", "Cycling"})
FLEXIBILITY_TYPES = frozenset({"Yoga", "Pilates", "Flexibility", "MindAndBody", "Cooldown"})
MINUTES_PER = {"min": 1.0, "s": 1 / 60, "sec": 1 / 60, "h": 60.0, "hr": 60.0}
KM_PER = {"km": 1.0, "m": 0.001, "mi": 1.609344, "yd": 0.0009144, "ft": 0.0003048}
# An export holds export.xml, export_cda.xml and one file per recorded route: thousands at most.
MAX_MEMBERS_APPLE = 100_000
MAX_DIRECTORY_APPLE = 16 * 1024 * 1024
STEP_BYTES = 4 * 1024 * 1024
"""How often (in bytes read) the progress callback hears about it."""


class _Counting(io.RawIOBase):
    """A read-only stream that tells `seen` how far it has got."""

    def __init__(self, inner: IO[bytes], seen: Callable[[int], None]) -> None:
        self._inner, self._seen, self._done, self._next = inner, seen, 0, STEP_BYTES

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._inner.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self._done += len(chunk)
        if self._done >= self._next:
            self._next += STEP_BYTES
            self._seen(self._done)
        return len(chunk)


def _source(data: bytes | IO[bytes]) -> IO[bytes]:
    return io.BytesIO(data) if isinstance(data, bytes) else data


def _xml_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    found = [i for i in archive.infolist() if i.filename.rsplit("/", 1)[-1] == "export.xml"]
    return min(found, key=lambda i: i.filename.count("/")) if found else None


def is_export(filename: str, data: bytes | IO[bytes]) -> bool:
    """True for Apple Health's export.zip (anything holding an export.xml)."""
    stream = _source(data)
    start = stream.tell()
    try:
        if stream.read(4) != b"PK\x03\x04":
            return False
        stream.seek(start)
        # Python reads a zip's whole directory into memory: one that claims too much is not opened here
        # (parse_upload then refuses it in one sentence).
        count, directory = declared_directory(stream) or (0, 0)
        if count > MAX_MEMBERS_APPLE or directory > MAX_DIRECTORY_APPLE:
            return False
        with zipfile.ZipFile(stream) as archive:
            return _xml_member(archive) is not None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False
    finally:
        stream.seek(start)


def readable(kind: str) -> str:
    """'HKWorkoutActivityTypeStairClimbing' -> 'Stair Climbing'."""
    bare = kind.removeprefix(TYPE_PREFIX)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", bare) or kind


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _distance_km(workout: Element) -> float | None:
    """The workout's distance: its own attribute (older layout), else the sum of its distance statistics."""
    total = _number(workout.get("totalDistance"))
    if total is not None:
        return total * KM_PER.get(workout.get("totalDistanceUnit", "km"), 1.0)
    stats = workout.findall("WorkoutStatistics") or workout.findall("WorkoutActivity/WorkoutStatistics")
    found = [
        value * KM_PER.get(st.get("unit", "km"), 1.0)
        for st in stats
        if "Distance" in st.get("type", "") and (value := _number(st.get("sum"))) is not None
    ]
    return sum(found) if found else None


def _minutes(workout: Element) -> float | None:
    duration = _number(workout.get("duration"))
    if duration is not None:
        return duration * MINUTES_PER.get(workout.get("durationUnit", "min"), 1.0)
    parts = [
        d * MINUTES_PER.get(a.get("durationUnit", "min"), 1.0)
        for a in workout.findall("WorkoutActivity")
        if (d := _number(a.get("duration"))) is not None
    ]
    if parts:
        return sum(parts)
    start, end = _moment(workout.get("startDate")), _moment(workout.get("endDate"))
    return (end - start).total_seconds() / 60 if start and end else None


def _moment(text: str | None) -> datetime | None:
    """Apple's '2024-03-01 07:10:00 +0100' as the local time it shows (the offset is dropped)."""
    if not text:
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S %z").replace(tzinfo=None)
    except ValueError:
        return None


def _name(kind: str, workout: Element) -> str:
    name = readable(kind)
    if name in INDOOR_MATTERS:
        indoor = any(m.get("key") == "HKIndoorWorkout" for m in workout.iter("MetadataEntry") if m.get("value") == "1")
        return f"{name} (Indoor)" if indoor else f"{name} (Outdoor)"
    return name


def workouts(stream: IO[bytes]) -> Iterator[Element]:
    """Each <Workout> element of export.xml, with its children; everything read before it is let go."""
    depth, root = 0, None
    for event, element in iterparse(stream, events=("start", "end")):
        if event == "start":
            depth += 1
            if root is None:
                root = element
            continue
        depth -= 1
        if depth == 1:
            if element.tag == "Workout":
                yield element
            assert root is not None
            root.clear()  # drops the finished top-level element and anything else read so far


def parse(filename: str, data: bytes | IO[bytes], progress: Callable[[float], None] | None = None) -> Parsed:
    """The export's workouts as raw cardio and flexibility sessions; strength workouts are left out."""
    tell = progress or (lambda _done: None)
    parsed = Parsed(SOURCE)
    left_out: Counter[str] = Counter()
    try:
        _read_workouts(filename, _source(data), parsed, left_out, tell)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        message = f"the zip is damaged ({str(error)[:120]}); export it from the phone again."
        raise FileProblem(filename, message) from None
    tell(1.0)
    if left_out:
        kinds = "; ".join(f"{kind}: {n:,}" for kind, n in left_out.most_common())
        parsed.notes.append(
            f"{counted(left_out.total(), 'workout')} {was_were(left_out.total())} left out ({kinds}): "
            "strength workouts in Apple Health hold no "
            f"sets or loads, and Threshold keeps timed exercises from {MIN_MINUTES} to {MAX_MINUTES} minutes."
        )
    return parsed


def _read_workouts(
    filename: str, source: IO[bytes], parsed: Parsed, left_out: Counter[str], tell: Callable[[float], None]
) -> None:
    with zipfile.ZipFile(source) as archive:
        member = _xml_member(archive)
        assert member is not None
        check_member(filename, member)  # a password or an odd compression: one sentence, not a traceback
        where = (member.filename.rsplit("/", 1)[-1], 0)
        size = max(1, member.file_size)
        with archive.open(member) as raw:
            stream = io.BufferedReader(_Counting(raw, lambda done: tell(min(1.0, done / size))))
            try:
                for workout in workouts(stream):
                    _add(workout, parsed, where, left_out)
            except SyntaxError as error:  # ElementTree's ParseError
                message = f"export.xml is damaged ({error}); export it from the phone again."
                raise FileProblem(where[0], message) from None


def _add(workout: Element, parsed: Parsed, where: tuple[str, int], left_out: Counter[str]) -> None:
    kind = workout.get("workoutActivityType", "")
    started, minutes = _moment(workout.get("startDate")), _minutes(workout)
    if readable(kind) in STRENGTH_TYPES or kind.removeprefix(TYPE_PREFIX) in STRENGTH_TYPES:
        left_out[readable(kind)] += 1
        return
    if started is None or minutes is None or minutes > MAX_MINUTES:
        left_out[f"{readable(kind)} without a usable time"] += 1
        return
    name = _name(kind, workout)
    category = "flexibility" if kind.removeprefix(TYPE_PREFIX) in FLEXIBILITY_TYPES else "cardio"
    parsed.guesses.setdefault(name, Guess(category, "none", where))
    km = _distance_km(workout)
    entry = {
        "exercise": name,
        "sets": [],
        "minutes": round(max(minutes, MIN_MINUTES), 2),
        "distance_km": round(km, 3) if km else None,
    }
    raw = {"started_at": started, "notes": "", "rpe": None, "entries": [entry], "pains": []}
    parsed.sessions.append(RawSession(raw, None, {"": where}))
