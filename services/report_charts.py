"""The doctor's report's charts: what each draws (formats/figure.Figure), its title, and the key that says how
to read it, for the Report page, the share view and the PDF alike."""

from __future__ import annotations

from dataclasses import dataclass

from formats.figure import Figure
from services.progress import Progress
from tracker.report import regions_text
from tracker.trends import at_least_weekly, bucket_start


@dataclass(frozen=True, eq=False)
class ReportChart:
    """One chart of the report: its title, what to draw (one figure; for the picture of the main exercises, one
    small chart each, which a page draws one by one and an image stacks), and a key saying how to read it."""

    title: str
    figures: tuple[Figure, ...]
    key: str


def chart_span(p: Progress) -> tuple[str, str]:
    """The dates every chart of the report covers: the period, from the Monday (or month, or quarter) its first
    week's bars and points are drawn at, so that every chart starts on the same day and their axes line up."""
    return bucket_start(p.start, at_least_weekly(p.bucket)).isoformat(), p.end.isoformat()


def threshold_figures(p: Progress) -> tuple[Figure, ...]:
    """One small chart per main exercise, each on its own axis, titled with its change over the range."""
    span = chart_span(p)
    return tuple(
        Figure(
            "threshold",
            p.threshold[p.threshold["exercise"] == name].reset_index(drop=True),
            {
                "measure": p.picture.measures[name],
                "title": name,
                "subtitle": p.picture.subtitles.get(name, ""),
                "span": span,
            },
        )
        for name in p.picture.exercises
    )


def report_charts(p: Progress, regions: tuple[str, ...] = ()) -> tuple[ReportChart, ...]:
    """The report's charts with their titles and keys, leaving out empty ones. The keys are written for a reader
    who has not seen the app; the pain chart's key names the `regions` its ratings pool."""
    per = {"week": "week", "month": "month", "quarter": "quarter"}.get(p.bucket, "day")
    # Every chart covers the report's period, whatever the data in it.
    span = chart_span(p)
    panels = threshold_figures(p)
    tolerated = ReportChart(
        "Tolerated work of the main exercises",
        panels,
        f"One chart per exercise, in its own units (heaviest set as load × reps, or minutes). The line is the "
        f"tolerated level: the second-best session of the last {p.picture.window} days in which pain during stayed "
        f"at or below the patient's limit of {p.pain_limit}/10 and next-morning pain was no more than 1 point above "
        "the level before, so a level counts once reached twice; a filled dot is the level in a week with a "
        "tolerated session (not that week's own work). Red crosses: sessions over the limit; orange triangles: next "
        "morning 2 or more points worse; open circles: no next-morning rating. Each cross, triangle or circle is the "
        "most work of its kind in a week, drawn at that work; a number over it counts the sessions it stands for.",
    )
    found: list[tuple[str, Figure, str]] = [
        (
            "Daily pain (0-10)",
            _pain_figure(p, span),
            f"Mean of the day's ratings before and after exercise and on waking per {per}; the band spans "
            f"the lowest to the highest day. Pain during exercise is not included.{_pooled(regions)}"
            + (MEDICATION_KEY if _with_medication(p) else ""),
        ),
        (
            "Weekly PEG-3",
            Figure("peg", p.peg, {"span": span}),
            "Mean of three 0-10 items: average pain, and interference with enjoyment of life and with general "
            "activity. Lower is better.",
        ),
        (
            "Cardio minutes per week",
            Figure("cardio", p.cardio, {"bucket": p.bucket, "span": span}),
            "Minutes of cardio per week by kind (walking, cycling, elliptical, swimming).",
        ),
        (
            "How sessions settled by the next morning",
            Figure("response", p.response, {"bucket": p.bucket, "span": span}),
            "Sessions per period by pain on waking against pain before the session: settled (no more than 1 "
            "point above, within the day-to-day wobble of a 0-10 rating), worse (2 or more points above), or no "
            "next-morning rating.",
        ),
    ]
    shown = tuple(ReportChart(title, (figure,), key) for title, figure, key in found if not figure.rows.empty)
    # Page 1's headline is about tolerated work, so its picture comes right after pain.
    return (*shown[:1], *((tolerated,) if panels else ()), *shown[1:])


# The pain chart's key, when medication is drawn on it (as on the Progress page).
MEDICATION_KEY = (
    " Shaded spans: medication taken regularly (name and dose in the legend; a new shade is a new dose). Triangles "
    "along the bottom: as-needed doses."
)


def _with_medication(p: Progress) -> bool:
    """Whether the pain chart carries medication: regular medication or as-needed doses in the range, on a trend."""
    return not p.pain.empty and not p.medication.pain_medication.empty


def _pain_figure(p: Progress, span: tuple[str, str]) -> Figure:
    """The pain trend with medication on it, as Progress draws it (page 1 lists the medication beside it)."""
    if _with_medication(p):
        return Figure("pain_medication", p.medication.pain_medication, {"bucket": p.bucket, "span": span})
    return Figure("pain", p.pain, {"bucket": p.bucket, "span": span})


def _pooled(regions: tuple[str, ...]) -> str:
    """For the pain chart's key: which regions its one line pools, and where each region's change is."""
    if len(regions) < 2:
        return f" Region: {regions_text(regions)}." if regions else ""
    return f" One line for {regions_text(regions)} together; page 1 compares each region on its own."
