"""Benchmark: importing a generated Apple Health export.zip of about 1 GB (export.xml unpacked).

The export is written streaming into a temporary folder: ten years of days, each with heart-rate and step
samples (the <Record> elements that make real exports large) and one workout, in the older layout
(distance on the workout) and the iOS 16+ layout (distance in <WorkoutStatistics>, some in <WorkoutActivity>)
in turn. A child process then imports it through the service into a fresh SQLite database, as
`cli.py import` does, and reports the wall time and its own peak resident memory (goal: under 300 MB).

Run `python -m bench.bench_apple_health` (`--mb 1024` sets the size of export.xml, `--keep DIR` keeps the
files). Not run by the tests. Prints JSON lines {"metric": ..., "value": ..., "unit": ...} on stdout.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-11-30 20:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
"""
RECORD = (
    ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" sourceVersion="10.1" '
    'device="&lt;&lt;HKDevice: 0x2803&gt;, name:Apple Watch, model:Watch&gt;" unit="count/min" '
    'creationDate="DAY 0H:MM:07 +0100" startDate="DAY 0H:MM:02 +0100" endDate="DAY 0H:MM:02 +0100" value="7M">\n'
    '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n'
    ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" '
    'creationDate="DAY 0H:MM:30 +0100" startDate="DAY 0H:MM:00 +0100" endDate="DAY 0H:MM:59 +0100" value="8M"/>\n'
)
OLD_WORKOUT = (
    ' <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="32.5" durationUnit="min" '
    'totalDistance="2.8" totalDistanceUnit="km" sourceName="Apple Watch" creationDate="DAY 18:40:00 +0100" '
    'startDate="DAY 18:05:00 +0100" endDate="DAY 18:37:30 +0100">\n'
    '  <MetadataEntry key="HKIndoorWorkout" value="1"/>\n </Workout>\n'
)
NEW_WORKOUT = (
    ' <Workout workoutActivityType="HKWorkoutActivityTypeElliptical" duration="25" durationUnit="min" '
    'sourceName="Apple Watch" creationDate="DAY 18:40:00 +0100" startDate="DAY 18:10:00 +0100" '
    'endDate="DAY 18:35:00 +0100">\n'
    '  <WorkoutActivity uuid="0" startDate="DAY 18:10:00 +0100" endDate="DAY 18:35:00 +0100" duration="25" '
    'durationUnit="min">\n'
    '   <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="DAY 18:10:00 +0100" '
    'endDate="DAY 18:35:00 +0100" sum="3.1" unit="km"/>\n  </WorkoutActivity>\n'
    '  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="DAY 18:10:00 +0100" '
    'endDate="DAY 18:35:00 +0100" sum="180" unit="kcal"/>\n </Workout>\n'
)
DAYS = 3650
FIRST = date(2016, 12, 1)


def _day_block(records: int) -> str:
    """One day's samples with DAY left to fill in: `records` pairs spread over the hours."""
    parts = []
    for n in range(records):
        hour, minute = divmod(n * 1440 // max(1, records), 60)
        text = RECORD.replace("0H", f"{hour:02d}").replace("MM", f"{minute:02d}")
        parts.append(text.replace("7M", str(60 + n % 40)).replace("8M", str(n % 90)))
    return "".join(parts)


def generate(path: Path, megabytes: int) -> int:
    """Write export.zip with an export.xml of about `megabytes` MB; returns the workouts in it."""
    per_day = megabytes * 2**20 // DAYS
    block = _day_block(max(1, per_day // len(RECORD)))
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("apple_health_export/export.xml", "w", force_zip64=True) as out,
    ):
        out.write(HEADER.encode())
        for n in range(DAYS):
            day = str(FIRST + timedelta(days=n))
            workout = OLD_WORKOUT if n % 2 else NEW_WORKOUT
            out.write((block + workout).replace("DAY", day).encode())
        out.write(b"</HealthData>\n")
    return DAYS


def measure(export: Path, database: Path) -> None:
    """Import the export into a fresh database; print the seconds taken and this process's peak memory."""
    from services.context import ensure_profile, open_database
    from services.transfer import import_file

    ctx = ensure_profile(open_database(str(database)))
    started = time.perf_counter()
    with export.open("rb") as stream:
        result = import_file(ctx, export.name, stream)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    assert result.written, result.problems
    print(json.dumps({"metric": "apple_health_import_s", "value": round(seconds, 1), "unit": "s"}))
    print(json.dumps({"metric": "apple_health_sessions", "value": result.sessions_added, "unit": "sessions"}))
    print(json.dumps({"metric": "apple_health_peak_rss_mb", "value": round(peak_mb), "unit": "MB"}))


def main() -> None:
    """Generate the export, then import it in a child process so its peak memory is the import's alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of export.xml in MB (default 1024)")
    parser.add_argument("--keep", type=Path, help="folder to write the files to and keep")
    parser.add_argument("--measure", nargs=2, type=Path, metavar=("ZIP", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        export = folder / "export.zip"
        started = time.perf_counter()
        generate(export, args.mb)
        with zipfile.ZipFile(export) as archive:
            unpacked = archive.getinfo("apple_health_export/export.xml").file_size
        print(json.dumps({"metric": "apple_health_xml_mb", "value": round(unpacked / 2**20), "unit": "MB"}))
        print(
            json.dumps({"metric": "apple_health_zip_mb", "value": round(export.stat().st_size / 2**20), "unit": "MB"})
        )
        print(
            json.dumps(
                {"metric": "apple_health_generate_s", "value": round(time.perf_counter() - started, 1), "unit": "s"}
            )
        )
        sys.stdout.flush()
        child = [sys.executable, "-m", "bench.bench_apple_health", "--measure", str(export), str(folder / "t.db")]
        subprocess.run(child, check=True, cwd=Path(__file__).resolve().parents[1])


if __name__ == "__main__":
    main()
