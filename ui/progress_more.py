"""The Progress page's charts under "More charts": sleep and function goals, the as-needed doses per week (read with
the headline), then strength, cardio, responses, what helps and PEG, each with its words."""

from __future__ import annotations

from collections.abc import Sequence

from formats import charts
from services.health_progress import PSFS_KEY
from services.progress import Details, Headline, Progress
from ui.progress_sections import HIDDEN, PICK, Section, chart_for, headline_sections, panels_for, span_of


def later_sections(data: Headline) -> list[Section]:
    """What the headline read already holds but the page draws only under "More charts": the as-needed doses per
    week (each dose is already a triangle on the pain trend; a first visit draws one chart fewer)."""
    doses = data.medication.dose_counts
    if data.pain.empty or doses.empty:
        return []
    span = span_of(data)
    return [
        Section(
            "doses",
            "As-needed medication",
            "",
            "Each bar counts the as-needed doses taken that week, a shade per medicine; the pain trend above marks "
            "each dose with a triangle.",
            panels=panels_for(doses, "doses", span=span),
        )
    ]


def more_in_order(later: Sequence[Section], details: Sequence[Section]) -> list[Section]:
    """The charts under "More charts" in order: sleep and function goals first (they read beside the pain trend),
    then the as-needed doses, then the rest."""
    health = [section for section in details if section.key in HEALTH_KEYS]
    rest = [section for section in details if section.key not in HEALTH_KEYS]
    return [*health, *later, *rest]


HEALTH_KEYS = ("sleep", "psfs")


def health_sections(data: Details, span: tuple[str, str]) -> list[Section]:
    """Sleep and function goals, each only when something was logged in the period."""
    health, found = data.goals_sleep, []
    if not health.sleep.empty:
        found.append(
            Section(
                "sleep",
                "Sleep",
                "",
                f"Mean sleep quality on waking (0-10, rated at the morning check-in), one point per {data.bucket}. "
                "How pain compares after good and poorer nights is under What helps.",
                panels=panels_for(health.sleep, "sleep", span=span),
            )
        )
    if not health.psfs.rows.empty:
        picture = health.psfs
        found.append(
            Section(
                "psfs",
                "Function goals",
                "",
                PSFS_KEY + " The band starts from the first rating round in the period picked.",
                summary=picture.words,
                panels=panels_for(
                    picture.rows, "psfs", activities=picture.activities, baseline=picture.baseline, span=span
                ),
            )
        )
    return found


def detail_sections(data: Details) -> list[Section]:
    """Every other chart in order (sleep and function goals first, as they read beside the pain trend), each with
    the words that explain it or say what to log."""
    unit, bucket, span = data.unit, data.bucket, span_of(data)
    response = charts.response_params(data.response)
    skipped = f" Not estimated (every set over 20 reps): {', '.join(data.not_estimated)}." if data.not_estimated else ""
    strong = f" Showing your {len(data.top_strength)} most-done strength exercises; {PICK}" if data.top_strength else ""
    return [
        *health_sections(data, span),
        Section(
            "pressure",
            "Pressure pain threshold",
            "Optional: if you have an algometer, log a pressure pain threshold on the Check-ins page to see it here.",
            "Mean of three trials at one site; higher means less sensitive. Changes under about 0.3-0.7 kg/cm² "
            "may be measurement noise.",
            **chart_for(data.pressure, "pressure", span=span),
        ),
        Section(
            "strength",
            "Strength: estimated one-rep max",
            (
                HIDDEN
                if data.picked
                else "Log strength sets with a weight and 20 reps or fewer to see your estimated one-rep max per "
                "exercise."
            )
            + skipped,
            "Filled dots: estimated from sets of 1-10 reps. Open dots: only sets of 11-20 reps were done, so the "
            "estimate is rougher (the formulas lose accuracy past about ten reps), but a rising 3 × 12 still shows. "
            "Sets over 20 reps are not estimated." + skipped + strong,
            **chart_for(data.strength, "strength", unit=unit, span=span),
        ),
        Section(
            "cardio",
            "Cardio minutes per week",
            HIDDEN
            if data.picked
            else "Log cardio sessions with their minutes (walking, elliptical, bike, swimming) to see them here.",
            **chart_for(data.cardio, "cardio", bucket=bucket, span=span),
        ),
        Section(
            "response",
            "24-hour response",
            "Log a session and check in the next morning to see whether it settled.",
            "Settled: pain on waking no more than 1 point above your level before the session (a 0-10 rating "
            "wobbles by about a point from day to day). Worse: 2 or more points above; next time, ease off the "
            "load. Sessions from yesterday or today wait for their next-morning rating.",
            **chart_for(data.response, "response", bucket=bucket, **response, span=span),
        ),
        Section(
            "helps",
            "What helps",
            "No comparison yet: each kind of exercise needs at least 3 days with it and 3 without, each followed "
            "by a day with a pain rating.",
            "A comparison of your own days, not proof of cause: talk it through with your physiotherapist.",
            summary="\n".join(f"- {line}" for line in (*data.helps_lines, data.goals_sleep.sleep_line) if line),
            **chart_for(data.helps, "helps"),
        ),
        Section(
            "peg",
            "Weekly PEG",
            "Fill in the weekly PEG (pain, enjoyment of life, general activity) on the Check-ins page to see it here.",
            "PEG-3: the mean of three 0-10 items; lower is better.",
            **chart_for(data.peg, "peg", span=span),
        ),
    ]


def sections(data: Progress) -> list[Section]:
    """The whole page's charts in order: the headline's, then those under "More charts"."""
    return [*headline_sections(data), *more_in_order(later_sections(data), detail_sections(data))]
