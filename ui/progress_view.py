"""Progress page pieces: the filter widgets, one chart section with its empty state, and the download menu."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from formats.images import to_png, to_svg
from services.progress import Options
from tracker.pain import REGIONS
from tracker.strength import Formula
from ui.demo import download_name
from ui.progress_sections import Section

RANGES: dict[str, int | None] = {
    "Last 4 weeks": 28,
    "Last 3 months": 91,
    "Last 12 months": 365,
    "All time": None,
    "Custom dates": None,
}
DEFAULT_RANGE = "Last 12 months"
MORE_CHARTS = (
    "More charts: sleep, function goals, as-needed medication, pressure pain threshold, strength, cardio, 24-hour "
    "response, what helps and PEG"
)


@dataclass(frozen=True)
class Filters:
    """What the user picked on the Progress page."""

    start: date
    end: date
    regions: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    formula: Formula = Formula.EPLEY


DOWNLOADS = "Download charts"
MENU_KEY = "dl_charts"
PICK_KEY = "dl_chart"
DOWNLOADS_HELP = (
    "Any chart on this page as a picture: PNG for a letter or message to your doctor, SVG to stay sharp at any size "
    "in print."
)

FORMULAS = {Formula.EPLEY: "Epley", Formula.BRZYCKI: "Brzycki"}


def _dates(choice: str, options: Options, today: date) -> tuple[date, date]:
    if choice == "Custom dates":
        picked = st.date_input(
            "From and to",
            value=(today - timedelta(days=90), today),
            max_value=today,
            key="prog_dates",
            format="YYYY-MM-DD",
        )
        if isinstance(picked, tuple) and len(picked) == 2:
            return picked[0], picked[1]
        st.caption("Pick an end date too; until then the last 3 months are shown.")
        return today - timedelta(days=90), today
    days = RANGES[choice]
    first = options.first_day
    if days is None:
        return min(first or today, today), today
    start = today - timedelta(days=days - 1)
    # A period reaching back before the first day logged starts on it: the charts spent that stretch empty (six
    # months of logging filled only the right half of "Last 12 months", squeezed on a phone).
    if first is not None and start < first <= today:
        start = first
    return start, today


def filters(options: Options, today: date) -> Filters:
    """The date range, body regions, exercises and one-rep max formula the user picked."""
    choice = st.selectbox("Period", list(RANGES), index=list(RANGES).index(DEFAULT_RANGE), key="prog_range")
    start, end = _dates(choice, options, today)
    with st.expander("Body regions, exercises and one-rep max formula"):
        regions = st.multiselect(
            "Body regions",
            options.regions,
            format_func=lambda r: REGIONS.get(r, r),
            placeholder="All you track",
            key="prog_regions",
        )
        exercises = st.multiselect("Exercises", options.exercises, placeholder="All exercises", key="prog_exercises")
        formula = st.radio(
            "One-rep max formula", list(FORMULAS), format_func=FORMULAS.get, horizontal=True, key="prog_formula"
        )
    return Filters(start, end, tuple(regions), tuple(exercises), formula)


def render(section: Section) -> None:
    """Heading, chart(s) and how to read them, or the empty state."""
    st.subheader(section.title, anchor=False)
    if section.summary:
        st.markdown(section.summary)
    if not section.panels:
        st.info(section.empty, icon=":material/edit_note:")
    for panel in section.panels:
        st.vega_lite_chart(spec=panel.chart_spec(), width="stretch")
    if section.caption:
        st.markdown(section.caption)  # how to read the chart: information, so not a low-contrast caption


def downloads(slot: DeltaGenerator, sections: Sequence[Section]) -> None:
    """A "Download charts" section in `slot` (above the charts): pick any chart drawn, then PNG or SVG.

    One for the page, not a menu per chart: every menu is a widget that costs Streamlit's bookkeeping on each
    rerun (six menus were most of what a page of charts costs over an empty one), and a phone showed the same
    button under every chart. It opens in place (a floating menu sat in a strip at the bottom of a phone's screen,
    and a keyboard reached its buttons only after the whole page), and makes its widgets only while open.
    """
    drawn = {panel.key: (panel, panel.name or section.title) for section in sections for panel in section.panels}
    if not drawn:
        return
    box = slot.expander(DOWNLOADS, key=MENU_KEY, on_change="rerun", icon=":material/download:")
    if not box.open:
        return
    box.markdown(DOWNLOADS_HELP)
    key = box.selectbox("Chart", list(drawn), format_func=lambda k: drawn[k][1], key=PICK_KEY)
    panel, label = drawn[key]
    spec = titled(panel.chart_spec(), label)
    row = box.container(horizontal=True)
    for kind, make, mime in (("png", to_png, "image/png"), ("svg", to_svg, "image/svg+xml")):
        row.download_button(
            f"Download {kind.upper()}",
            data=partial(make, spec),
            file_name=download_name(f"progress-{panel.file_stem}.{kind}"),
            mime=mime,
            key=f"{kind}_{panel.key}",
            on_click="ignore",
            icon=":material/download:",
        )


def titled(spec: dict[str, Any], label: str) -> dict[str, Any]:
    """The spec with `label` as its title where it has none: a picture sent on its own says what it shows (on the
    page the heading above the chart says it)."""
    if "title" in spec:
        return spec
    return {**spec, "title": {"text": label, "anchor": "start", "fontSize": 14}}
