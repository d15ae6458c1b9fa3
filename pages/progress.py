"""Progress: tolerated work, pain, strength, cardio, next-morning response, what helps and PEG over time."""

from datetime import date

import streamlit as st

from tracker.advice import day_text
from ui.progress_cache import more_sections, options, page_view
from ui.progress_more import more_in_order
from ui.progress_view import MORE_CHARTS, downloads, filters, render
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
st.title("Progress", anchor=False)
choices = options(ctx)
if choices.first_day is None:
    st.info(
        "Nothing logged yet. Log a session with pain before, during and after, and check in the next morning: "
        "your charts start from there.",
        icon=":material/info:",
    )
chosen = filters(choices, date.today())
if chosen.start > chosen.end:
    st.error("The start date is after the end date: pick a start on or before the end.")
    st.stop()
view = page_view(ctx, chosen)
# The charts' own headings are one level down (h3), so the page's outline has no gap from its title.
st.header("Charts", anchor=False)
st.write(f"{day_text(view.start)} to {day_text(view.end)}, one point per {view.bucket}. Weights in {view.unit}.")
menu = st.container()  # filled once every chart drawn is known, "More charts" included
drawn = list(view.sections)
for section in view.sections:
    render(section)
# The other charts are read and drawn only once opened: a browser draws the two above sooner without them.
more = st.expander(MORE_CHARTS, key="prog_more", on_change="rerun", icon=":material/monitoring:")
if more.open:
    with more:
        for section in more_in_order(view.later, more_sections(ctx, chosen)):
            render(section)
            drawn.append(section)
downloads(menu, drawn)
