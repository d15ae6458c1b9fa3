"""Property: any history exported and imported into an empty profile comes back identical (SQLite)."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import Database
from services.checkins import record_morning, record_peg, record_pressure
from services.context import ensure_profile, open_database
from services.export import export_zip
from services.profiles import add_exercise, save_settings
from services.sessions import log_session
from services.transfer import import_file
from tests.transfer_data import snapshot
from tracker import validation as v
from tracker.catalog import CATALOG, CATEGORIES, EQUIPMENT, INTENSITIES
from tracker.pain import REGIONS
from tracker.session_input import SessionInput

NOW = datetime(2026, 11, 23, 12, 0)
_owners = itertools.count()
# Memory-backed files where the machine has them: 200 examples make thousands of small commits.
SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None


@pytest.fixture(scope="module")
def scratch_db() -> Iterator[Database]:
    """One SQLite database for every example; each example uses two fresh profiles in it."""
    folder = tempfile.mkdtemp(prefix="threshold-roundtrip-", dir=SCRATCH)
    database = open_database(f"{folder}/roundtrip.db")
    yield database
    database.dispose()
    shutil.rmtree(folder, ignore_errors=True)


def _valid_text(text: str) -> bool:
    errors = v.Errors()
    v.text(errors, "t", text, label="t", max_len=v.MAX_NOTES)
    return not errors


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t,;\"'<>= -"),
    max_size=30,
).filter(_valid_text)
names = st.text(alphabet=st.sampled_from("abcdefgh XYZ,'é()-"), min_size=1, max_size=12).filter(
    lambda n: n.strip() and _valid_text(n)
)
pain = st.integers(0, 10)
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 11, 1)).map(
    lambda d: d.replace(microsecond=0)
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 11, 20))


@st.composite
def custom_exercises(draw: st.DrawFn) -> list[dict[str, Any]]:
    """0-2 exercises of the person's own with unique names."""
    chosen = draw(st.lists(names, max_size=2, unique_by=str.strip))
    return [
        {
            "name": name,
            "category": draw(st.sampled_from(list(CATEGORIES))),
            "equipment": draw(st.sampled_from(list(EQUIPMENT))),
            "impact": draw(st.sampled_from(["low", "high"])),
            "one_sided": draw(st.booleans()),
            "counterpart": draw(st.none() | names),
        }
        for name in chosen
        if name.strip() not in {e.name for e in CATALOG}
    ]


@st.composite
def sessions(draw: st.DrawFn, exercises: dict[str, str], unit: str) -> dict[str, Any]:
    """Raw input for one valid session."""
    top = 450.0 if unit == "kg" else 990.0
    entries: list[dict[str, Any]] = []
    for name in draw(st.lists(st.sampled_from(sorted(exercises)), min_size=1, max_size=3)):
        if exercises[name] == "strength":
            weights = st.none() | st.floats(0.1, top).map(lambda w: round(w, 1)).filter(lambda w: w >= 0.1)
            sets = draw(
                st.lists(
                    st.fixed_dictionaries({"weight": weights, "reps": st.integers(1, 100)}), min_size=1, max_size=3
                )
            )
            entries.append({"exercise": name, "sets": sets})
        else:
            minutes: float = draw(st.floats(1, 600).map(lambda m: round(m, 1)))
            distance: float | None = draw(st.none() | st.floats(0.01, 300).map(lambda d: round(d, 2)))
            intensity: str | None = draw(st.none() | st.sampled_from(INTENSITIES))
            entries.append({"exercise": name, "minutes": minutes, "distance_km": distance, "intensity": intensity})
    regions = draw(st.lists(st.sampled_from(list(REGIONS)), max_size=2, unique=True))
    pains = [
        {"region": r, "before": draw(st.none() | pain), "during": draw(pain), "after": draw(st.none() | pain)}
        for r in regions
    ]
    return {
        "started_at": draw(moments),
        "notes": draw(texts),
        "rpe": draw(st.none() | st.integers(1, 10)),
        "entries": entries,
        "pains": pains,
    }


@st.composite
def histories(draw: st.DrawFn) -> dict[str, Any]:
    """A small history: own exercises, sessions, check-ins, PEG and pressure thresholds, in kg or lb."""
    unit = draw(st.sampled_from(["kg", "lb"]))
    own = draw(custom_exercises())
    known = {e.name: e.category for e in CATALOG[::4]} | {e["name"].strip(): e["category"] for e in own}
    logged = draw(st.lists(sessions(known, unit), min_size=1, max_size=3))
    mornings = draw(
        st.lists(
            st.tuples(
                st.sampled_from([s["started_at"].date() + timedelta(days=1) for s in logged]) | days,
                st.dictionaries(st.sampled_from(list(REGIONS)), pain, min_size=1, max_size=2),
            ),
            max_size=2,
            unique_by=lambda m: m[0],
        )
    )
    pegs = draw(st.lists(st.tuples(days, pain, pain, pain), max_size=2, unique_by=lambda p: p[0]))
    trials = st.floats(0.01, 20).map(lambda t: round(t, 2)).filter(lambda t: t > 0)
    pressures = draw(st.lists(st.tuples(days, names, trials, trials, trials), max_size=2))
    return {
        "unit": unit,
        "own": own,
        "sessions": logged,
        "mornings": mornings,
        "pegs": pegs,
        "pressures": pressures,
        "target_unit": draw(st.sampled_from(["kg", "lb"])),
    }


def _store(ctx, history: dict[str, Any]) -> None:
    save_settings(ctx, {"unit": history["unit"], "pain_limit": 5, "regions": ["lower_back"]})
    for exercise in history["own"]:
        add_exercise(ctx, exercise)
    for raw in history["sessions"]:
        log_session(ctx, SessionInput.from_mapping(raw), now=NOW)
    for day, pains in history["mornings"]:
        record_morning(ctx, day, pains, today=NOW.date())
    for day, p, e, a in history["pegs"]:
        record_peg(ctx, {"day": day, "pain": p, "enjoyment": e, "activity": a}, today=NOW.date())
    for day, site, t1, t2, t3 in history["pressures"]:
        record_pressure(ctx, {"day": day, "site": site, "trial1": t1, "trial2": t2, "trial3": t3}, today=NOW.date())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories())
def test_export_then_import_into_an_empty_profile_gives_identical_data(scratch_db, history):
    number = next(_owners)
    source = ensure_profile(scratch_db, f"source-{number}")
    _store(source, history)
    target = ensure_profile(scratch_db, f"target-{number}")
    save_settings(target, {"unit": history["target_unit"], "pain_limit": 5, "regions": ["lower_back"]})
    data = export_zip(source)
    result = import_file(target, "export.zip", data, now=NOW)
    assert result.written, [str(p) for p in result.problems]
    assert snapshot(target) == snapshot(source)
    again = import_file(target, "export.zip", data, now=NOW)
    assert again.sessions_added == 0 and snapshot(target) == snapshot(source)
