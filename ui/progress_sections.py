"""The Progress page's sections: each chart's spec and rows (ready to cache), with the words around it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from formats import chart_specs
from formats.chart_style import tick_kind
from formats.threshold_chart import panel_heading, subtitle_lines
from services.progress import Headline, Period


@dataclass(frozen=True)
class Panel:
    """One chart: a key for its downloads, spec JSON and Arrow rows."""

    key: str
    spec: str
    rows: bytes
    heading: str = ""
    """JSON of top-level properties (title, description) set over the spec's, when it is shared by several."""
    name: str = ""
    """What the download list calls it where its section's title is not enough (an exercise's panel)."""

    @property
    def file_stem(self) -> str:
        """The name its downloads are saved under: its key, or for an exercise's panel the kind and the exercise
        ('threshold-leg-press', not 'threshold-3')."""
        title = _parsed(self.heading).get("title", {}).get("text", "") if self.heading else ""
        words = re.sub(r"[\W_]+", "-", str(title).lower()).strip("-")
        return f"{self.key.rsplit('-', 1)[0]}-{words}" if words else self.key

    def chart_spec(self) -> dict[str, Any]:
        """The Vega-Lite spec with its rows attached: a new top level over a spec parsed once per process."""
        own = _parsed(self.heading) if self.heading else {}
        return {**_parsed(self.spec), **own, "datasets": {chart_specs.TABLE: self.rows}}


@dataclass(frozen=True)
class Section:
    """One block on the page: heading, its charts (none when empty), and the words around them."""

    key: str
    title: str
    empty: str
    caption: str = ""
    summary: str = ""
    panels: tuple[Panel, ...] = ()


@lru_cache(maxsize=256)
def _parsed(spec: str) -> dict[str, Any]:
    # Shared by every rerun and session. Streamlit copies the top level before editing it, and its one nested
    # edit (a null legend title becomes " ") writes the same value every time; the image export only reads.
    # Parsing on every rerun cost about 60 µs for the seven charts.
    return dict(json.loads(spec))


# Stand-in first and last days a spec is built with, then replaced by the range's own in its JSON: a spec then
# depends on the chart's kind, settings and how its date axis ticks (chart_style.tick_kind), not on the dates, so it
# is built once per process (by the warm-up, ui/warmup.py) instead of again every day and for every range picked.
# Building the page's specs took about 0.4 s of a fresh server's first Progress visit.
STAND_INS = {
    "days": ("1901-01-01", "1901-01-02"),
    "months": ("1901-01-01", "1902-01-01"),
    "auto": ("1901-01-01", "1911-01-01"),
}


def spec_for(kind: str, *, span: tuple[str, str] | None = None, **params: Any) -> str:
    """chart_specs.spec_json(kind, span=span, **params), from a spec built once per kind, settings and length."""
    if span is None:  # a chart not over time
        return chart_specs.spec_json(kind, **params)
    stand_in = STAND_INS[tick_kind(span)]
    built = chart_specs.spec_json(kind, span=stand_in, **params)
    return built.replace(stand_in[0], span[0]).replace(stand_in[1], span[1])


def panels_for(frame: pd.DataFrame, kind: str, key: str = "", **params: Any) -> tuple[Panel, ...]:
    if frame.empty:
        return ()
    return (Panel(key or kind, spec_for(kind, **params), chart_specs.to_arrow(frame)),)


def chart_for(frame: pd.DataFrame, kind: str, **params: Any) -> dict[str, Any]:
    panels = panels_for(frame, kind, **params)
    return {"panels": panels} if panels else {}


def pain_section(data: Headline, span: tuple[str, str]) -> Section:
    """The pain trend, with medication drawn on it (the as-needed doses per week are under More charts)."""
    health, bucket = data.medication, data.bucket
    with_pain = not data.pain.empty  # medication alone is not drawn: its spans and marks belong on a pain trend
    if not with_pain or health.pain_medication.empty:
        trend = panels_for(data.pain, "pain", bucket=bucket, span=span)
    else:
        trend = panels_for(health.pain_medication, "pain_medication", key="pain", bucket=bucket, span=span)
    medication = ""
    if with_pain and not health.pain_medication.empty:
        medication = (
            " Shaded spans: medication taken regularly (name and dose in the legend; a new shade is a new dose). "
            "Triangles along the bottom: each as-needed dose (point at one for its name and time)."
        )
        if not health.dose_counts.empty:
            medication += " How many you took each week is under More charts."
    summary = "\n\n".join(line for line in (data.comparison, health.medication_line) if line)
    return Section(
        "pain",
        "Pain trend",
        "Rate your pain before and after sessions, or check in in the morning, to see your daily pain here.",
        "Daily pain is the mean of that day's ratings before and after sessions and on waking (peak pain "
        "during exercise is left out). The band runs from the lowest to the highest day." + medication,
        summary=summary,
        panels=trend,
    )


def threshold_panels(data: Headline, span: tuple[str, str]) -> tuple[Panel, ...]:
    """One small chart per exercise of the pain-threshold picture, on its own axis and units."""
    found = []
    parts = chart_specs.to_arrow_parts(data.threshold, "exercise", data.picture.exercises)
    for i, name in enumerate(data.picture.exercises):
        if name not in parts:
            continue
        # One spec per axis unit, each panel's own title set over it.
        spec = spec_for("threshold", measure=data.picture.measures[name], title="", span=span)
        heading = json.dumps(panel_heading(name, subtitle_lines(data.picture.subtitles.get(name, ""))))
        found.append(Panel(f"threshold-{i + 1}", spec, parts[name], heading, f"Tolerated work: {name}"))
    return tuple(found)


# Under a headline that counts sessions waiting for their next-morning rating: when and where to give it.
WAITING_HINT = "Give it on the Check-ins page the morning after each session."


def _picture_words(data: Headline) -> str:
    """The headline in bold, then one line per exercise with a change (how to read the charts is said under
    them, once)."""
    lines = [f"**{data.picture.headline}**", *(f"- {line}" for line in data.picture.lines)]
    hint = f"\n\n{WAITING_HINT}" if data.picture.waiting and not data.picture.changes else ""
    return "\n".join(lines) + hint


def span_of(data: Period) -> tuple[str, str]:
    # Every chart over time covers the range picked, so one week of data is one week wide and the charts line up.
    return (data.start.isoformat(), data.end.isoformat())


PICK = "pick others under the filters above."
HIDDEN = "Nothing of this kind among the exercises picked under the filters above; clear them to see all."


def headline_sections(data: Headline) -> list[Section]:
    """What the page shows first: the pain-threshold picture, then the pain trend."""
    span = span_of(data)
    main = "" if data.picked else f" Showing your main strength and cardio exercises (most sessions); {PICK}"
    return [
        Section(
            "threshold",
            "Pain threshold: tolerated work",
            HIDDEN
            if data.picked
            else "Log sessions with your peak pain during exercise, then check in the next morning: the work you "
            "tolerate (pain within your limit, settled by morning) shows here, one small chart per exercise.",
            f"The line is your tolerated level: the second-best session in the last {data.picture.window} days whose "
            f"peak pain stayed at or below your limit ({data.pain_limit}/10) and whose next morning settled (no "
            "more than 1 point above the level before), so it has to be reached twice; a filled dot is the level in a "
            "period with a tolerated session (the level, not that period's own work). Red crosses: sessions over "
            "your limit; orange triangles: worse next morning; open circles: no next-morning rating (recent ones are "
            "still waiting for it); open squares: no pain rated. Each cross, triangle, circle or square is the most "
            "work of its kind in its period, drawn at that work; a number over it counts the sessions it stands for. "
            "A rising line at steady pain means your threshold is rising." + main,
            summary=_picture_words(data) if not data.threshold.empty else "",
            panels=threshold_panels(data, span),
        ),
        pain_section(data, span),
    ]


def prebuild(measures: tuple[str, ...] = ("kg", "lb", "reps", "min")) -> int:
    """Build the specs the page opens with over a long range (its default is a year, one point per week) before
    anyone asks: called by the warm-up once a server has drawn its first page. Returns how many were built."""
    span = STAND_INS["months"]
    kinds = [("threshold", {"measure": m, "title": ""}) for m in measures]
    kinds += [("pain", {"bucket": "week"}), ("pain_medication", {"bucket": "week"}), ("doses", {})]
    for kind, params in kinds:
        spec_for(kind, span=span, **params)
    return len(kinds)
