"""The export reads columns straight from the cursor; its CSV files are byte for byte what the earlier writers made
(db/queries.py's DataFrames for the main tables, SQLAlchemy's rows through `cell` for the others)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from db import queries
from db.models import AsNeededDose, Checkin, Entry, Exercise, FunctionGoal, Medication, PgicAnswer, Profile, PsfsRating
from formats.csv_export import _weight
from formats.tables import BOM_ENCODING, TABLES, cell
from services import export as services_export
from services.context import ensure_profile
from services.demo import fill_demo_once
from services.export import export_tables
from services.profiles import add_exercise, save_settings
from services.sessions import delete_session
from tests.factories import create_session
from tests.integration.test_cli_startup import _loaded
from tracker.pgic import LABELS

TODAY = date(2026, 11, 23)
# Sessions, entries, sets, pain ratings, check-ins, PEG-3 and pressure thresholds: the tables read as frames before.
MAIN_TABLES = tuple(table.file for table in TABLES[:7])


def _csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode(BOM_ENCODING)


def _previous(ctx) -> dict[str, bytes]:
    """The main tables as the export wrote them before: db/queries.py's DataFrames, every cell through `cell`."""
    owner = ctx.owner_id
    with ctx.db.read() as s:
        unit = s.get_one(Profile, owner).unit
        sessions, entries = queries.sessions(s, owner), queries.entries(s, owner)
        sets, pains = queries.sets(s, owner), queries.pains(s, owner)
        checkins, pegs, pressures = queries.checkins(s, owner), queries.pegs(s, owner), queries.pressures(s, owner)
        stmt = select(Checkin.day, Checkin.region, Checkin.sleep_quality).where(Checkin.owner_id == owner)
        sleep = {(day, region): quality for day, region, quality in s.execute(stmt)}
    started = dict(zip(sessions["session_id"], sessions["started_at"], strict=True))
    number = dict(zip(entries["entry_id"], entries["position"] + 1, strict=True))
    weight = f"weight_{unit}"
    return {
        "sessions.csv": _csv(
            ["session_id", "started_at", "effort_rpe", "notes"],
            sessions[["session_id", "started_at", "rpe", "notes"]].astype(object).itertuples(index=False),
        ),
        "entries.csv": _csv(
            ["session_id", "entry_number", "exercise", "minutes", "distance_km", "intensity", "started_at", "category"],
            [(r.session_id, r.position + 1, r.exercise, r.minutes, r.distance_km, r.intensity, r.started_at,
              r.category) for r in entries.astype(object).itertuples(index=False)],
        ),
        "sets.csv": _csv(
            ["session_id", "entry_number", "set_number", weight, "reps", "started_at", "exercise"],
            [(r.session_id, number[r.entry_id], r.set_number + 1, _weight(r.weight_kg, unit), r.reps, r.started_at,
              r.exercise) for r in sets.astype(object).itertuples(index=False)],
        ),
        "pain_ratings.csv": _csv(
            ["session_id", "region", "before", "during", "after", "started_at"],
            pains[["session_id", "region", "before", "during", "after", "started_at"]].astype(object).itertuples(
                index=False
            ),
        ),
        "checkins.csv": _csv(
            ["day", "region", "pain", "session_started_at", "sleep_quality"],
            [(r.day.date(), r.region, r.pain, started.get(r.session_id), sleep.get((r.day.date(), r.region)))
             for r in checkins.astype(object).itertuples(index=False)],
        ),
        "peg.csv": _csv(
            ["day", "pain", "enjoyment", "activity", "score"],
            [(r.day.date(), r.pain, r.enjoyment, r.activity, round((r.pain + r.enjoyment + r.activity) / 3, 2))
             for r in pegs.astype(object).itertuples(index=False)],
        ),
        "pressure_thresholds.csv": _csv(
            ["day", "site", "trial1_kg_cm2", "trial2_kg_cm2", "trial3_kg_cm2", "mean_kg_cm2"],
            [(r.day.date(), r.site, r.trial1, r.trial2, r.trial3, r.mean)
             for r in pressures.astype(object).itertuples(index=False)],
        ),
    }  # fmt: skip


def _other_tables(ctx) -> dict[str, bytes]:
    """Own exercises, function goals, PSFS, PGIC and medication as written before: SQLAlchemy's rows through `cell`."""
    owner = ctx.owner_id
    e, g, m, d = Exercise, FunctionGoal, Medication, AsNeededDose
    with ctx.db.read() as s:
        exercises = s.execute(
            select(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart).where(
                e.owner_id == owner, e.builtin.is_(False)
            )
        ).all()
        goals = s.execute(
            select(g.activity, g.created_on, g.retired_on)
            .where(g.owner_id == owner)
            .order_by(g.created_on, g.position, g.id)
        ).all()
        psfs = s.execute(
            select(PsfsRating.day, g.activity, g.created_on, PsfsRating.score)
            .join(g, g.id == PsfsRating.goal_id)
            .where(PsfsRating.owner_id == owner)
            .order_by(PsfsRating.day, g.position, g.id)
        ).all()
        pgic = s.execute(
            select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == owner).order_by(PgicAnswer.day)
        ).all()
        medications = s.execute(
            select(m.name, m.dose, m.unit, m.start_day, m.end_day)
            .where(m.owner_id == owner)
            .order_by(m.start_day, m.id)
        ).all()
        doses = s.execute(
            select(d.name, d.dose, d.unit, d.taken_at).where(d.owner_id == owner).order_by(d.taken_at, d.id)
        ).all()
    return {
        "exercises.csv": _csv(["name", "category", "equipment", "impact", "one_sided", "counterpart"], exercises),
        "function_goals.csv": _csv(["activity", "created_on", "retired_on"], goals),
        "psfs_ratings.csv": _csv(["day", "activity", "activity_created_on", "score"], psfs),
        "pgic.csv": _csv(["day", "score", "answer"], [(day, score, LABELS.get(score)) for day, score in pgic]),
        "medications.csv": _csv(["name", "dose", "unit", "start_day", "end_day"], medications),
        "as_needed_doses.csv": _csv(["name", "dose", "unit", "taken_at"], doses),
    }  # fmt: skip


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_a_year_of_history_exports_the_same_bytes_as_the_pandas_writer(ctx, unit):
    assert fill_demo_once(ctx, years=1, seed=3, today=TODAY) > 100
    save_settings(ctx, {"unit": unit, "pain_limit": 5, "regions": ["lower_back", "left_knee"]})
    create_session(ctx, when=datetime(2026, 11, 22, 9, 30), notes="'Quoted' start, comma, and\nnew line", weight=88.2)
    gone = create_session(ctx, when=datetime(2026, 11, 22, 18, 0), notes="deleted later")
    delete_session(ctx, gone)
    add_exercise(ctx, {"name": "Wall sit, left", "category": "strength", "one_sided": True, "counterpart": "Squat"})

    files = export_tables(ctx)

    before = _previous(ctx) | _other_tables(ctx)
    assert set(files) == {*before, "README.txt"}
    for name in before:
        assert files[name] == before[name], name
    assert [name for name in before if files[name].count(b"\r\n") < 2] == []  # a row under every header
    assert '"Wall sit, left",strength,none,low,yes,Squat' in files["exercises.csv"].decode(BOM_ENCODING)
    assert b"deleted later" not in files["sessions.csv"]
    assert "''Quoted' start" in files["sessions.csv"].decode(BOM_ENCODING)


def test_an_entry_naming_another_owners_exercise_still_exports_its_name(db):
    alice, bob = ensure_profile(db, "oidc|alice"), ensure_profile(db, "oidc|bob")
    add_exercise(alice, {"name": "Alice's wall sit", "category": "strength"})
    create_session(bob, when=datetime(2026, 11, 22, 9, 30))
    with db.write() as s:  # not something the app writes; the export still names what the entry names
        theirs = s.scalars(select(Exercise.id).where(Exercise.name == "Alice's wall sit")).one()
        s.execute(update(Entry).values(exercise_id=theirs))

    files = export_tables(bob)

    assert ",Alice's wall sit," in files["entries.csv"].decode(BOM_ENCODING)
    assert files["sets.csv"].decode(BOM_ENCODING).splitlines()[1].endswith(",Alice's wall sit")


def test_the_terminal_export_writes_its_zip_without_loading_pandas(sqlite_db, tmp_path):
    create_session(ensure_profile(sqlite_db), when=datetime(2026, 11, 22, 9, 30))
    result, loaded = _loaded("export", "--db", str(tmp_path / "only.db"), "-o", str(tmp_path / "out.zip"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.zip").stat().st_size > 0 and "sqlalchemy" in loaded  # the export did run
    assert loaded.isdisjoint({"pandas", "numpy"}), sorted(loaded & {"pandas", "numpy"})


@pytest.mark.parametrize("zipped", [False, True])
def test_a_session_saved_while_the_export_reads_is_in_none_of_its_files(ctx, monkeypatch, zipped):
    # Each table is read when it is written; a session saved between the entries and the sets (the app beside a
    # running export) must not put a set in sets.csv whose entry is missing from entries.csv (on PostgreSQL's
    # default isolation it did, and the export failed looking that entry up).
    create_session(ctx, when=datetime(2026, 3, 2, 9))
    before = export_tables(ctx)
    read = services_export.table

    def read_then_save(s, name, owner):
        found = read(s, name, owner)
        if name == "entries":
            create_session(ctx, when=datetime(2026, 3, 3, 9))
        return found

    monkeypatch.setattr(services_export, "table", read_then_save)
    if zipped:
        with zipfile.ZipFile(io.BytesIO(services_export.export_zip(ctx))) as archive:
            during = {name: archive.read(name) for name in archive.namelist()}
    else:
        during = export_tables(ctx)
    assert {name: data for name, data in during.items() if name != "README.txt"} == {
        name: data for name, data in before.items() if name != "README.txt"
    }
    monkeypatch.undo()
    assert export_tables(ctx)["sessions.csv"].count(b"\n") == before["sessions.csv"].count(b"\n") + 1
