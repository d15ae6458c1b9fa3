"""The clinic's FHIR export read from the database: every stored rating once, nobody else's data, valid R4."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import func, select

from db.models import Checkin, PainRating
from formats.fhir import read_bundle
from formats.fhir_input import (
    AsNeededDose,
    Context,
    ExerciseEntry,
    PainEntry,
    PegEntry,
    PgicEntry,
    PsfsEntry,
    RegularMedication,
    Side,
)
from services.checkins import record_checkin, record_peg
from services.clinic_export import clinic_bundle
from services.context import ensure_profile
from services.demo import fill_demo
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.medication import add_regular, change_dose, log_dose, medication
from services.pgic import record_pgic
from services.profiles import save_settings
from services.sessions import log_session
from tests.factories import NOW, cardio_session, create_session

TODAY = NOW.date()
REGIONS = ["lower_back", "left_knee"]


def _pain_observations(data: bytes) -> list[dict]:
    resources = [e["resource"] for e in json.loads(data)["entry"]]
    return [r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == "72514-3"]


def test_every_stored_rating_comes_out_once_with_its_region_side_time_and_context(ctx):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": REGIONS, "display_name": "Zoë & Sam"})
    strength_at = NOW - timedelta(days=2)
    walk_at = NOW - timedelta(days=1)
    create_session(ctx, when=strength_at, before=2, during=4, after=3)
    log_session(ctx, cardio_session(when=walk_at, minutes=25, region="left_knee", before=1, during=2, after=1), now=NOW)
    record_checkin(ctx, {"day": TODAY, "region": "left_knee", "pain": 3}, today=TODAY)
    record_peg(ctx, {"day": TODAY, "pain": 5, "enjoyment": 4, "activity": 3}, today=TODAY)

    data = clinic_bundle(ctx, zone="Europe/Berlin")
    Bundle.model_validate_json(data)
    assert len(_pain_observations(data)) == 7
    record = read_bundle(data, zone=ZoneInfo("Europe/Berlin"))
    assert record.name == "Zoë & Sam"
    assert set(record.pains) == {
        PainEntry(strength_at, 2, "lower_back", Side.NONE, Context.BEFORE),
        PainEntry(strength_at, 4, "lower_back", Side.NONE, Context.DURING),
        PainEntry(strength_at, 3, "lower_back", Side.NONE, Context.AFTER),
        PainEntry(walk_at, 1, "knee", Side.LEFT, Context.BEFORE),
        PainEntry(walk_at, 2, "knee", Side.LEFT, Context.DURING),
        PainEntry(walk_at, 1, "knee", Side.LEFT, Context.AFTER),
        PainEntry(TODAY, 3, "knee", Side.LEFT, Context.MORNING),
    }
    assert record.pegs == (PegEntry(TODAY, 5, 4, 3),)
    assert record.exercises == (ExerciseEntry(strength_at, "Leg press"), ExerciseEntry(walk_at, "Treadmill walk", 25.0))
    time_of = {o["effectiveDateTime"] for o in _pain_observations(data)}
    assert f"{strength_at.isoformat()}+01:00" in time_of


def test_another_persons_data_stays_out_and_an_empty_profile_gives_only_the_patient(ctx, db):
    create_session(ctx, when=NOW - timedelta(days=1))
    other = ensure_profile(db, "someone-else")
    data = clinic_bundle(other)
    assert [e["resource"]["resourceType"] for e in json.loads(data)["entry"]] == ["Patient"]
    assert len(_pain_observations(clinic_bundle(ctx))) == 3


def test_the_demo_history_gives_one_pain_observation_per_stored_rating(ctx, db):
    fill_demo(ctx, years=0.15, seed=3, today=date(2026, 11, 20))
    with db.read() as s:
        around = sum(
            s.scalar(select(func.count()).select_from(PainRating).where(column.is_not(None))) or 0
            for column in (PainRating.before, PainRating.during, PainRating.after)
        )
        mornings = s.scalar(select(func.count()).select_from(Checkin)) or 0
    data = clinic_bundle(ctx)
    assert around > 10 and mornings > 10
    assert len(_pain_observations(data)) == around + mornings
    assert all(p.when <= datetime(2026, 11, 21) for p in read_bundle(data).pains if isinstance(p.when, datetime))


def _function_and_medication(ctx):
    """Two activities rated twice (one retired since), two PGIC answers, a dose change and two as-needed doses."""
    for name in ("Climb two flights of stairs", "Carry the shopping home"):
        add_goal(ctx, {"activity": name}, today=TODAY - timedelta(days=40))
    ids = {g.activity: g.id for g in function_goals(ctx, today=TODAY).active}
    rate_goals(ctx, TODAY - timedelta(days=30), {i: 3 for i in ids.values()}, today=TODAY)
    rate_goals(ctx, TODAY - timedelta(days=5), {ids["Climb two flights of stairs"]: 6,
               ids["Carry the shopping home"]: 5}, today=TODAY)  # fmt: skip
    retire_goal(ctx, ids["Carry the shopping home"], today=TODAY)
    record_pgic(ctx, {"day": TODAY - timedelta(days=30), "score": 4}, today=TODAY)
    record_pgic(ctx, {"day": TODAY - timedelta(days=2), "score": 2}, today=TODAY)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": TODAY - timedelta(days=60)}, today=TODAY)
    ((med_id, _),) = medication(ctx).current
    change_dose(ctx, med_id, {"dose": 500, "start": TODAY - timedelta(days=20)}, today=TODAY)
    for days_ago in (25, 3):
        log_dose(ctx, {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": NOW - timedelta(days=days_ago)},
                 now=NOW)  # fmt: skip


def test_fhir_bundle_holds_every_psfs_rating_pgic_answer_and_medication(ctx):
    _function_and_medication(ctx)
    data = clinic_bundle(ctx, zone="Europe/London")
    Bundle.model_validate_json(data)
    record = read_bundle(data, zone=ZoneInfo("Europe/London"))
    early, late = TODAY - timedelta(days=30), TODAY - timedelta(days=5)
    assert set(record.psfs) == {
        PsfsEntry(early, "Climb two flights of stairs", 3),
        PsfsEntry(early, "Carry the shopping home", 3),
        PsfsEntry(late, "Climb two flights of stairs", 6),
        PsfsEntry(late, "Carry the shopping home", 5),
    }
    assert record.pgic == (PgicEntry(early, 4), PgicEntry(TODAY - timedelta(days=2), 2))
    assert set(record.regular) == {
        RegularMedication("Naproxen", 250, "mg", TODAY - timedelta(days=60), TODAY - timedelta(days=21)),
        RegularMedication("Naproxen", 500, "mg", TODAY - timedelta(days=20)),
    }
    assert set(record.as_needed) == {AsNeededDose("Paracetamol", 1000, "mg", NOW - timedelta(days=d)) for d in (25, 3)}
    statuses = [e["resource"]["status"] for e in json.loads(data)["entry"] if e["resource"]["resourceType"] ==
                "MedicationStatement"]  # fmt: skip
    assert sorted(statuses) == ["active", "completed", "completed", "completed"]


def test_fhir_bundle_for_a_share_link_keeps_to_its_range_and_regions(ctx):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": REGIONS, "display_name": ""})
    _function_and_medication(ctx)
    create_session(ctx, when=NOW - timedelta(days=40), before=6, during=7, after=6)
    create_session(ctx, when=NOW - timedelta(days=4), before=2, during=3, after=2)
    record_checkin(ctx, {"day": TODAY - timedelta(days=3), "region": "left_knee", "pain": 4}, today=TODAY)
    record_checkin(ctx, {"day": TODAY - timedelta(days=3), "region": "lower_back", "pain": 1}, today=TODAY)
    start, end = TODAY - timedelta(days=10), TODAY - timedelta(days=3)

    record = read_bundle(clinic_bundle(ctx, start=start, end=end, regions=["lower_back"]))
    assert {(p.context, p.score, p.region) for p in record.pains} == {
        (Context.BEFORE, 2, "lower_back"),
        (Context.DURING, 3, "lower_back"),
        (Context.AFTER, 2, "lower_back"),
        (Context.MORNING, 1, "lower_back"),
    }
    assert [p.score for p in record.psfs] == [6, 5]
    assert record.pgic == ()
    # The old dose ended before the range; only the one taken during it goes to the doctor.
    assert record.regular == (RegularMedication("Naproxen", 500, "mg", TODAY - timedelta(days=20)),)
    assert [d.taken for d in record.as_needed] == [NOW - timedelta(days=3)]
    assert [e.when for e in record.exercises] == [NOW - timedelta(days=4)]
