"""Page 1 of the doctor's report for function goals (PSFS), PGIC, medication and sleep: every number agrees
with the stored rows, read back here by plain queries and worked out independently of tracker/report_health."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import select

from db.models import AsNeededDose, Checkin, FunctionGoal, PsfsRating
from services.checkins import record_morning
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.medication import add_regular, change_dose, log_dose, medication
from services.pgic import record_pgic
from services.report import build_report, report_pdf
from tests.factories import NOW
from tests.integration.test_report import transactions

TODAY = NOW.date()
START = TODAY - timedelta(days=27)
STAIRS, SHOPPING, FILM = "Climb two flights of stairs", "Carry the shopping home", "Sit through a film"


def _page_one(ctx) -> str:
    """Page 1 of the PDF as one line of text (line breaks of the layout folded)."""
    data = report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",))
    return " ".join(PdfReader(BytesIO(data)).pages[0].extract_text().split())


def _seed_psfs(ctx) -> None:
    """Three activities: two rated before, inside and at the end of the range, one retired after one rating."""
    for name in (STAIRS, SHOPPING, FILM):
        add_goal(ctx, {"activity": name, "created_on": START - timedelta(days=20)}, today=TODAY)
    ids = {g.activity: g.id for g in function_goals(ctx, today=TODAY).active}
    stairs, shopping, film = ids[STAIRS], ids[SHOPPING], ids[FILM]
    rate_goals(ctx, START - timedelta(days=10), {stairs: 1, shopping: 2, film: 5}, today=TODAY)  # before the range
    rate_goals(ctx, START + timedelta(days=2), {stairs: 3, shopping: 4, film: 6}, today=TODAY)
    rate_goals(ctx, START + timedelta(days=14), {stairs: 5, shopping: 4}, today=TODAY)
    retire_goal(ctx, film, today=START + timedelta(days=15))
    rate_goals(ctx, TODAY, {stairs: 7, shopping: 5}, today=TODAY)


def test_psfs_on_page_one_agrees_with_the_stored_ratings(ctx):
    _seed_psfs(ctx)
    with ctx.db.read() as s:
        rows = s.execute(
            select(FunctionGoal.activity, PsfsRating.day, PsfsRating.score)
            .join(PsfsRating, PsfsRating.goal_id == FunctionGoal.id)
            .where(PsfsRating.day >= START, PsfsRating.day <= TODAY)
            .order_by(PsfsRating.day)
        ).all()
    expected: dict[str, tuple[tuple[date, int], tuple[date, int]]] = {}
    for activity, day, score in rows:
        first = expected.get(activity, ((day, score),))[0]
        expected[activity] = (first, (day, score))
    function = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data.function
    assert function is not None
    assert {a.activity: (a.first, a.latest) for a in function.activities} == expected
    twice = [v for v in expected.values() if v[0][0] != v[1][0]]
    first_mean = round(sum(v[0][1] for v in twice) / len(twice), 1)
    latest_mean = round(sum(v[1][1] for v in twice) / len(twice), 1)
    assert (function.first_average, function.latest_average) == (first_mean, latest_mean) == (3.5, 6.0)
    assert function.average_change == 2.5 and function.average_important, "2 points on the average matter"
    changes = {a.activity: (a.change, a.important) for a in function.activities}
    assert changes == {STAIRS: (4, True), SHOPPING: (1, False), FILM: (None, False)}
    text = _page_one(ctx)
    assert "Average of the 2 activities rated twice or more: 3.5 → 6.0, +2.5: clinically important improvement" in text
    assert f"{STAIRS}: 3 ({START.day + 2} Oct) → 7 (23 Nov 2026), +4: clinically important improvement" in text
    assert f"{SHOPPING}: 4 (" in text and "+1: less than the 3 points that count as clinically important" in text
    assert f"{FILM} [retired " in text and "rated once in this period" in text


def test_pgic_latest_answer_in_the_range_shows_with_its_date_and_earlier_ones_after(ctx):
    for back, score in ((40, 4), (20, 3), (3, 2)):
        record_pgic(ctx, {"day": TODAY - timedelta(days=back), "score": score}, today=TODAY)
    data = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data
    assert [(a.day, a.score) for a in data.pgic] == [(TODAY - timedelta(days=20), 3), (TODAY - timedelta(days=3), 2)]
    text = _page_one(ctx)
    assert "Much improved (2 on the 1-7 scale), answered 20 Nov 2026" in text
    assert "Earlier in this period: a little improved (3 Nov 2026)" in text and "No change" not in text


def test_medication_on_page_one_lists_regular_doses_the_changes_and_as_needed_rates(ctx):
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START - timedelta(days=30)}, today=TODAY)
    add_regular(ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": START - timedelta(days=90),
                      "end": START - timedelta(days=1)}, today=TODAY)  # fmt: skip
    ((naproxen, _),) = medication(ctx).current
    change_dose(ctx, naproxen, {"dose": 500, "start": START + timedelta(days=10)}, today=TODAY)
    taken = [(1, 500), (2, 500), (2, 1000), (9, 500), (20, 500), (26, 1000), (40, 500)]  # days back, mg
    for back, mg in taken:
        when = datetime.combine(TODAY - timedelta(days=back), time(9, 0))
        log_dose(ctx, {"name": "paracetamol" if back == 26 else "Paracetamol", "dose": mg, "unit": "mg",
                       "taken_at": when}, now=NOW)  # fmt: skip
    with ctx.db.read() as s:
        counted = len(
            s.scalars(
                select(AsNeededDose).where(
                    AsNeededDose.taken_at >= datetime.combine(START, time()),
                    AsNeededDose.taken_at < datetime.combine(TODAY + timedelta(days=1), time()),
                )
            ).all()
        )
    m = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data.medication
    assert m is not None
    assert [(r.name, r.amount, r.end) for r in m.regular] == [
        ("Naproxen", "250 mg", START + timedelta(days=9)),
        ("Naproxen", "500 mg", None),
    ], "Amitriptyline ended the day before the range"
    assert [(c.day, c.kind) for c in m.changes] == [(START + timedelta(days=10), "dose changed")]
    ((paracetamol,),) = [m.as_needed]
    assert paracetamol.doses == counted == 6
    text = _page_one(ctx)
    assert "Naproxen 500 mg, regular: since 6 Nov 2026, still taken" in text
    assert "Medication changes in this period • 6 Nov 2026: Naproxen: dose changed from 250 mg to 500 mg" in text
    assert f"Paracetamol, as needed: 6 doses, {counted / 28 * 7:.1f} a week (500 mg or 1000 mg a dose)" in text
    assert "Amitriptyline" not in text


def test_medication_none_recorded_says_so_in_one_line_and_sleep_psfs_pgic_stay_away(ctx):
    text = _page_one(ctx)
    assert "No medication recorded for this period." in text
    assert "Sleep quality" not in text and "Function goals" not in text and "PGIC" not in text


def test_sleep_average_on_page_one_agrees_with_the_mornings(ctx):
    for back, quality in ((1, 8), (2, 5), (3, None), (5, 6), (40, 0)):
        day = TODAY - timedelta(days=back)
        record_morning(ctx, day, {"lower_back": 3, "left_knee": 2}, today=TODAY, sleep=quality)
    with ctx.db.read() as s:
        nights = dict(
            s.execute(
                select(Checkin.day, Checkin.sleep_quality).where(
                    Checkin.sleep_quality.is_not(None), Checkin.day >= START, Checkin.day <= TODAY
                )
            ).all()
        )
    sleep = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data.sleep
    assert sleep is not None
    assert (sleep.nights, sleep.average) == (len(nights), round(sum(nights.values()) / len(nights), 1)) == (3, 6.3)
    assert "Average 6.3 out of 10 over 3 mornings rated" in _page_one(ctx)


def test_psfs_pgic_medication_and_sleep_are_read_in_the_reports_one_transaction(ctx):
    _seed_psfs(ctx)
    record_pgic(ctx, {"day": TODAY, "score": 3}, today=TODAY)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START}, today=TODAY)
    record_morning(ctx, TODAY, {"lower_back": 3}, today=TODAY, sleep=7)
    with transactions(ctx.db) as begun:
        data = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data
    assert data.function and data.pgic and data.medication and data.medication.regular and data.sleep
    assert len(begun) == 1 and not data.empty


def test_the_reports_pain_chart_carries_the_medication_that_page_one_lists(ctx):
    record_morning(ctx, START + timedelta(days=3), {"lower_back": 4}, today=TODAY)
    record_morning(ctx, START + timedelta(days=5), {"lower_back": 3}, today=TODAY)
    plain = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).charts[0]
    assert [f.kind for f in plain.figures] == ["pain"] and "Shaded spans" not in plain.key
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START - timedelta(days=30)}, today=TODAY)
    pain = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).charts[0]
    (figure,) = pain.figures
    assert pain.title == "Daily pain (0-10)" and figure.kind == "pain_medication"
    assert set(figure.rows["medication"].dropna()) == {"Naproxen 250 mg (regular)"} and "Shaded spans" in pain.key


def test_every_chart_starts_on_the_same_day_and_medication_shades_the_first_week_drawn(ctx):
    first_week = START - timedelta(days=START.weekday())  # where the first weekly point is drawn
    for back in (1, 3, 9, 20):
        record_morning(ctx, TODAY - timedelta(days=back), {"lower_back": 3}, today=TODAY)
    record_morning(ctx, START, {"lower_back": 4}, today=TODAY)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START - timedelta(days=60)}, today=TODAY)
    add_regular(ctx, {"name": "Codeine", "dose": 30, "unit": "mg", "start": START - timedelta(days=60),
                      "end": START - timedelta(days=1)}, today=TODAY)  # fmt: skip
    report = build_report(ctx, start=START, end=TODAY, regions=("lower_back",))
    spans = {figure.params["span"] for chart in report.charts for figure in chart.figures}
    assert spans == {(first_week.isoformat(), TODAY.isoformat())}
    (pain,) = report.charts[0].figures
    shaded = pain.rows[pain.rows["layer"] == "regular"]
    assert list(shaded["medication"]) == ["Naproxen 250 mg (regular)"]  # Codeine ended before the period
    assert shaded["period"].iloc[0].date() == pain.rows["period"].min().date() == first_week
