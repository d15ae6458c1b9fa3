"""The report's sessions by outcome: page 1's counts and the session log's column say what the charts count."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from services.checkins import record_morning
from services.profiles import save_settings
from services.progress_frames import WORSE_WORDS
from services.report import build_report, report_pdf, session_log
from services.sessions import log_session
from tests.factories import strength_session
from tests.integration.test_report import pdf_text
from tracker.outcomes import LOG_WORDS
from tracker.threshold import Status

END = date(2026, 10, 18)
START = END - timedelta(weeks=16) + timedelta(days=1)
OVER_RUN = (date(2026, 10, 5), date(2026, 10, 16))


def knee_history(ctx, seed: int, worse_too: set[date] | None = None) -> dict[date, Status]:
    """Three sessions a week to END with random pain (a run over the limit of 5 at the end, some mornings worse,
    some not rated); returns each session's status by tracker.threshold's rule, and adds to `worse_too` the days
    over the limit whose next morning was also 2 or more points worse."""
    rng = random.Random(seed)
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["right_knee"]})
    expected = {}
    day = START
    while day <= END:
        if day.weekday() in (0, 2, 4):
            before = rng.choice([2, 3, 4])
            over = OVER_RUN[0] <= day <= OVER_RUN[1] or (day < date(2026, 9, 1) and rng.random() < 0.05)
            during = rng.choice([6, 7, 8]) if over else rng.choice([3, 4, 5])
            at = datetime.combine(day, time(18))
            given = strength_session(when=at, during=during, before=before, after=before, region="right_knee")
            log_session(ctx, given, now=datetime.combine(END, time(23)))
            morning = None if rng.random() < 0.15 else before + rng.choice([0, 0, 1, 2, 3])
            if morning is not None and day < END:
                record_morning(ctx, day + timedelta(days=1), {"right_knee": morning}, today=END)
            else:
                morning = None
            if over:
                expected[day] = Status.OVER
                if worse_too is not None and morning is not None and morning - before >= 2:
                    worse_too.add(day)
            elif morning is None:
                expected[day] = Status.PENDING
            else:
                expected[day] = Status.WORSE if morning - before >= 2 else Status.TOLERATED
        day += timedelta(days=1)
    return expected


def test_page_one_counts_each_session_by_the_status_the_threshold_chart_gives_it(ctx):
    expected = knee_history(ctx, seed=3)
    report = build_report(ctx, start=START, end=END, regions=("right_knee",))
    o = report.data.outcomes
    assert o is not None
    assert {s: n for s, n in o.counts.items() if n} == {
        s: n for s in Status if (n := sum(v is s for v in expected.values()))
    }
    assert o.latest_over is not None
    assert (o.latest_over.first, o.latest_over.last, o.latest_over.ends_period) == (*OVER_RUN, True)
    # The threshold chart's marks hold as many sessions of each kind (every session here has a leg press)...
    picture = next(c for c in report.charts if c.title.startswith("Tolerated work"))
    marks = picture.figures[0].rows
    for state in (Status.OVER, Status.WORSE, Status.PENDING):
        assert marks.loc[marks["status"] == state.value, "sessions"].sum() == o.counts.get(state, 0)
    # ... and the 24-hour chart as many worse mornings.
    response = next(c for c in report.charts if c.title.startswith("How sessions settled")).figures[0].rows
    assert response.loc[response["response"] == WORSE_WORDS, "sessions"].sum() == o.worse_mornings


def test_page_one_says_the_counts_and_the_dates_of_the_latest_run_over_the_limit(ctx):
    expected = knee_history(ctx, seed=5)
    text = " ".join(pdf_text(report_pdf(ctx, start=START, end=END, regions=("right_knee",))).split())
    tolerated = sum(v is Status.TOLERATED for v in expected.values())
    over = sum(v is Status.OVER for v in expected.values())
    assert f"Of {len(expected)} sessions: {tolerated} tolerated, {over} over the pain limit of 5/10" in text
    run = sum(1 for d, v in expected.items() if v is Status.OVER and d >= OVER_RUN[0])
    assert f"Latest over the limit: {run} sessions in a row, 5 Oct 2026 to 16 Oct 2026" in text
    assert "(the period's last sessions)" in text


def test_the_session_log_gives_each_sessions_outcome_and_next_morning_pain(ctx):
    worse_too: set[date] = set()
    expected = knee_history(ctx, seed=7, worse_too=worse_too)
    log = session_log(ctx, START, END, ("right_knee",))
    # A session over the limit whose morning was worse too says both (QA: the log hid the worse morning).
    words = [LOG_WORDS[expected[d]] + (", worse next morning" if d in worse_too else "") for d in sorted(expected)]
    assert worse_too and list(log["outcome"]) == words
    last = log.iloc[-1]  # 16 Oct, over the limit; its morning is END
    assert last["outcome"].startswith("over the limit") and last["pain"].count("→") == 3
    assert log["pain"].str.endswith("→ ?").sum() == sum(v is Status.PENDING for v in expected.values())


def test_no_outcome_block_when_the_range_has_no_sessions(ctx):
    report = build_report(ctx, start=START, end=END, regions=("lower_back",))
    assert report.data.outcomes is not None and report.data.outcomes.sessions == 0
    assert "Sessions against the pain limit" not in pdf_text(
        report_pdf(ctx, start=START, end=END, regions=("lower_back",))
    )
