"""Sample files in Strong's and Hevy's layouts, zip helpers, and a comparable picture of an owner's data."""
# ruff: noqa: E501  (sample files keep their real, long header lines)

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import Checkin, Entry, Exercise, ExerciseSession, PegCheckin, PressureThreshold
from services.context import Ctx

STRONG_6 = """\
Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes
1,2026-10-01 18:00:00,"Legs, easy",3600,Leg Press (Machine),W,20,12,,,,,
1,2026-10-01 18:00:00,"Legs, easy",3600,Leg Press (Machine),1,60,10,8,,,,Knee felt fine
1,2026-10-01 18:00:00,"Legs, easy",3600,Leg Press (Machine),2,62.5,9,8.5,,,,
1,2026-10-01 18:00:00,"Legs, easy",3600,Rest Timer,Rest Timer,,,,,90,,
1,2026-10-01 18:00:00,"Legs, easy",3600,Squat (Barbell),1,40,8,,,,,
1,2026-10-01 18:00:00,"Legs, easy",3600,Pull Up,1,0,6,,,,,
2,2026-10-03 07:30:00,Walk,1800,Treadmill Walk,1,,,,3000,1800,,
"""

STRONG_6_SEMICOLON_LB = """\
"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (lbs)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"
"1";"2026-09-05 17:00:00";"Arms";"2400";"Dumbbell Bench Press";"1";"42,5";"10";"";"";"";"";""
"1";"2026-09-05 17:00:00";"Arms";"2400";"Dumbbell Bench Press";"2";"42,5";"9";"";"";"";"";""
"""

STRONG_UNIT_PER_ROW = """\
Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration
2026-09-01 08:00:00;Morning;Leg Curl (Machine);1;50;lbs;12;;;;0;;;45m
2026-09-01 08:00:00;Morning;Leg Curl (Machine);2;25;kg;10;;;;0;;;45m
"""

STRONG_CLASSIC = """\
Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-08-01 09:15:00,"Push, heavy",1h 2m,Leg Extension (Machine),1,30,12,0,0,,,
2026-08-01 09:15:00,"Push, heavy",1h 2m,Leg Extension (Machine),2,30,11,0,0,,,
"""

HEVY_KG = """\
"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"
"Lower","26 Jul 2026, 07:06","26 Jul 2026, 08:11","Felt strong","Leg Curl (Machine)",,"",0,"warmup",20,12,,,
"Lower","26 Jul 2026, 07:06","26 Jul 2026, 08:11","Felt strong","Leg Curl (Machine)",,"",1,"normal",35,10,,,8
"Lower","26 Jul 2026, 07:06","26 Jul 2026, 08:11","Felt strong","Romanian Deadlift (Barbell)",,"",0,"normal",50,8,,,
"Lower","26 Jul 2026, 07:06","26 Jul 2026, 08:11","Felt strong","Plank",,"",0,"normal",,,,90,
"""

HEVY_LB = """\
"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles","duration_seconds","rpe"
"Cardio","2 Aug 2026, 18:00","2 Aug 2026, 18:40","","Running",,"",0,"normal",,,2,1200,
"Cardio","2 Aug 2026, 18:00","2 Aug 2026, 18:40","","Lat Pulldown (Machine)",,"",0,"dropset",100,10,,,
"""

# Timed holds shorter than a minute in all (45 s; 20 s + 25 s), beside a longer one (75 s).
HEVY_SHORT_PLANK = HEVY_KG.replace(",,90,", ",,45,")
STRONG_SHORT_HOLDS = """\
Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes
1,2026-10-01 18:00:00,Core,900,Leg Press (Machine),1,60,10,,,,,
1,2026-10-01 18:00:00,Core,900,Plank,1,,,,,20,,
1,2026-10-01 18:00:00,Core,900,Plank,2,,,,,25,,
1,2026-10-01 18:00:00,Core,900,Side Plank,1,,,,,75,,
"""

STRONG_WITH_EMPTY = """\
Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes
1,2026-10-01 18:00:00,Legs,900,Dead Bug,1,,,,,,,
1,2026-10-01 18:00:00,Legs,900,Leg Press (Machine),1,60,10,,,,,
2,2026-10-03 18:00:00,Nothing,60,Bird Dog,1,,,,,,,
"""


def zipped(files: Mapping[str, bytes | str]) -> bytes:
    """A zip holding the given files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def unzipped(data: bytes) -> dict[str, bytes]:
    """The files of a zip by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def snapshot(ctx: Ctx) -> dict[str, Any]:
    """The owner's data without ids, sorted, so two owners' data can be compared for equality."""
    with ctx.db.read() as s:
        sessions = s.scalars(
            select(ExerciseSession)
            .where(ExerciseSession.owner_id == ctx.owner_id, ExerciseSession.deleted_at.is_(None))
            .options(
                selectinload(ExerciseSession.entries).selectinload(Entry.sets),
                selectinload(ExerciseSession.entries).selectinload(Entry.exercise),
                selectinload(ExerciseSession.pains),
            )
        ).all()
        starts = {x.id: x.started_at for x in sessions}
        checkins = s.scalars(select(Checkin).where(Checkin.owner_id == ctx.owner_id)).all()
        pegs = s.scalars(select(PegCheckin).where(PegCheckin.owner_id == ctx.owner_id)).all()
        pressures = s.scalars(select(PressureThreshold).where(PressureThreshold.owner_id == ctx.owner_id)).all()
        own = s.scalars(select(Exercise).where(Exercise.owner_id == ctx.owner_id, Exercise.builtin.is_(False))).all()
        return {
            "sessions": sorted(
                (
                    (
                        x.started_at,
                        x.notes,
                        x.rpe,
                        tuple(
                            (
                                e.exercise.name,
                                e.minutes,
                                e.distance_km,
                                e.intensity,
                                tuple((w.weight_kg, w.reps) for w in e.sets),
                            )
                            for e in x.entries
                        ),
                        tuple(sorted(((p.region, p.before, p.during, p.after) for p in x.pains), key=repr)),
                    )
                    for x in sessions
                ),
                key=lambda row: (row[0], repr(row)),
            ),
            "checkins": sorted(
                ((c.day, c.region, c.pain, starts.get(c.session_id) if c.session_id else None) for c in checkins),
                key=repr,
            ),
            "pegs": sorted(((p.day, p.pain, p.enjoyment, p.activity) for p in pegs), key=repr),
            "pressures": sorted(((p.day, p.site, p.trial1, p.trial2, p.trial3, p.mean) for p in pressures), key=repr),
            "exercises": sorted(
                ((e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in own), key=repr
            ),
        }


def counts(ctx: Ctx) -> dict[str, int]:
    """How many rows of each kind the owner has (sessions, check-ins, PEG, pressures, own exercises)."""
    shot = snapshot(ctx)
    return {kind: len(rows) for kind, rows in shot.items()}
