"""The Progress page's sections: each chart's spec and rows (ready to cache), with the words around it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

import chart_specs
import charts
from services.progress import Progress


@dataclass(frozen=True)
class Section:
    """One chart on the page: heading, spec JSON and Arrow rows ("" when empty), and the words around it."""

    key: str
    title: str
    empty: str
    caption: str = ""
    summary: str = ""
    spec: str = ""
    rows: bytes = b""

    def chart_spec(self) -> dict[str, Any]:
        """The Vega-Lite spec with its rows attached: a new top level over a spec parsed once per process."""
        return {**_parsed(self.spec), "datasets": {chart_specs.TABLE: self.rows}}


@lru_cache(maxsize=256)
def _parsed(spec: str) -> dict[str, Any]:
    # Shared by every rerun and session. Streamlit copies the top level before editing it, and its one nested
    # edit (a null legend title becomes " ") writes the same value every time; the image export only reads.
    # Parsing on every rerun cost about 60 µs for the seven charts.
    return dict(json.loads(spec))


def _chart(frame: pd.DataFrame, kind: str, **params: Any) -> dict[str, Any]:
    if frame.empty:
        return {}
    return {"spec": chart_specs.spec_json(kind, **params), "rows": chart_specs.to_arrow(frame)}


def sections(data: Progress) -> list[Section]:
    """The page's charts in order, each with the words that explain it or say what to log."""
    unit, bucket = data.unit, data.bucket
    # Every chart over time covers the range picked, so one week of data is one week wide and the charts line up.
    span = (data.start.isoformat(), data.end.isoformat())
    threshold = charts.threshold_params(data.threshold) if not data.threshold.empty else {}
    response = charts.response_params(data.response)
    skipped = f" Not estimated (every set over 10 reps): {', '.join(data.not_estimated)}." if data.not_estimated else ""
    pick = "pick others under the filters above."
    hidden = "Nothing of this kind among the exercises picked under the filters above; clear them to see all."
    shown = f" Showing your {len(data.top_exercises)} most-done exercises; {pick}" if data.top_exercises else ""
    strong = f" Showing your {len(data.top_strength)} most-done strength exercises; {pick}" if data.top_strength else ""
    return [
        Section(
            "threshold",
            "Pain threshold: tolerated work",
            hidden
            if data.picked
            else "Log sessions with your peak pain during exercise, then check in the next morning: the most work "
            "you did while pain stayed within your limit and settled by morning shows here, per exercise.",
            f"Tolerated means peak pain during stayed at or below your limit ({data.pain_limit}/10) and every region "
            "had settled by the next morning. Dots: tolerated; red crosses: over your limit; orange triangles: not "
            "settled by morning; grey squares: pain or next-morning check-in missing. Each of those marks stands for "
            "every such session in its period across exercises (hover for how many); exercises at the same value share "
            "one dot (hover to see them all). Rising tolerated work at "
            "steady pain suggests your threshold is rising." + shown,
            **_chart(data.threshold, "threshold", **threshold, span=span),
        ),
        Section(
            "pressure",
            "Pressure pain threshold",
            "Optional: if you have an algometer, log a pressure pain threshold on the Check-ins page to see it here.",
            "Mean of three trials at one site; higher means less sensitive. Changes under about 0.3-0.7 kg/cm² "
            "may be measurement noise.",
            **_chart(data.pressure, "pressure", span=span),
        ),
        Section(
            "pain",
            "Pain trend",
            "Rate your pain before and after sessions, or check in in the morning, to see your daily pain here.",
            "Daily pain is the mean of that day's ratings before and after sessions and on waking (peak pain "
            "during exercise is left out). The band runs from the lowest to the highest day.",
            summary=data.comparison,
            **_chart(data.pain, "pain", bucket=bucket, span=span),
        ),
        Section(
            "strength",
            "Strength: estimated one-rep max",
            (
                hidden
                if data.picked
                else "Log strength sets with a weight and 10 reps or fewer to see your estimated one-rep max per "
                "exercise."
            )
            + skipped,
            "Sets over 10 reps are not estimated: the formulas are unreliable past about ten." + skipped + strong,
            **_chart(data.strength, "strength", unit=unit, span=span),
        ),
        Section(
            "cardio",
            "Cardio minutes per week",
            hidden
            if data.picked
            else "Log cardio sessions with their minutes (walking, elliptical, bike, swimming) to see them here.",
            **_chart(data.cardio, "cardio", bucket=bucket, span=span),
        ),
        Section(
            "response",
            "24-hour response",
            "Log a session and check in the next morning to see whether it settled.",
            "Settled: pain on waking no more than 1 point above your level before the session (a 0-10 rating "
            "wobbles by about a point from day to day). Worse: 2 or more points above; next time, ease off the "
            "load. Sessions from yesterday or today wait for their next-morning rating.",
            **_chart(data.response, "response", bucket=bucket, **response, span=span),
        ),
        Section(
            "helps",
            "What helps",
            "No comparison yet: each kind of exercise needs at least 3 days with it and 3 without, each followed "
            "by a day with a pain rating.",
            "A comparison of your own days, not proof of cause: talk it through with your physiotherapist.",
            summary="\n".join(f"- {line}" for line in data.helps_lines),
            **_chart(data.helps, "helps"),
        ),
        Section(
            "peg",
            "Weekly PEG",
            "Fill in the weekly PEG (pain, enjoyment of life, general activity) on the Check-ins page to see it here.",
            "PEG-3: the mean of three 0-10 items; lower is better.",
            **_chart(data.peg, "peg", span=span),
        ),
    ]
