"""README.txt for the CSV export: what each file and column means."""

from __future__ import annotations

from datetime import datetime

_TEMPLATE = """\
Threshold data export, made {made:%Y-%m-%d %H:%M}
=====================================================

Every file is a CSV table (comma separated, UTF-8 with a byte-order mark so
spreadsheet programs show accents correctly). One row is one thing; the first
row names the columns. Dates are ISO 8601: 2026-11-23 for a day and
2026-11-23 18:30:00 for a moment (your local time). Weights are in {unit},
the unit you chose in Settings, and the column name says so (weight_{unit}).
An empty cell means "not recorded". yes/no columns hold yes or no.

Sessions in the bin (deleted but restorable) and your settings are not part
of the export.

sessions.csv: one row per exercise session
  session_id    a number that ties the files below together (not kept on import)
  started_at    when the session started
  effort_rpe    how hard it felt overall, 1-10 (rate of perceived exertion)
  notes         your notes

entries.csv: one row per exercise done in a session
  session_id    the session (see sessions.csv)
  entry_number  1 for the first exercise of the session, 2 for the next, ...
  exercise      the exercise's name
  minutes       minutes spent (cardio, stretches, Pilates, yoga)
  distance_km   distance in kilometres (cardio)
  intensity     easy, moderate or hard (cardio)
  started_at    the session's start, repeated for convenience
  category      strength, cardio or flexibility

sets.csv: one row per strength set
  session_id    the session (see sessions.csv)
  entry_number  which exercise of the session (see entries.csv)
  set_number    1 for the first set, 2 for the next, ...
  weight_{unit:<6} the load lifted; empty for bodyweight sets
  reps          repetitions
  started_at    the session's start, repeated for convenience
  exercise      the exercise's name, repeated for convenience

pain_ratings.csv: pain around a session, one row per body region
  session_id    the session (see sessions.csv)
  region        body region (lower_back, left_knee, ...)
  before        pain just before the session, 0-10 (0 no pain, 10 worst imaginable)
  during        highest pain during the session, 0-10
  after         pain just after the session, 0-10
  started_at    the session's start, repeated for convenience

checkins.csv: pain on waking the morning after (the 24-hour response)
  day                 the morning of the check-in
  region              body region
  pain                pain on waking, 0-10
  session_started_at  the session it follows, if there was one the day before
  sleep_quality       how well you slept the night before, 0-10 (empty when not rated)

peg.csv: weekly PEG-3 check-ins (each item 0-10)
  day           the day it was filled in
  pain          average pain in the past week
  enjoyment     how much pain interfered with enjoyment of life
  activity      how much pain interfered with general activity
  score         the PEG score: the mean of the three items

pressure_thresholds.csv: pressure pain threshold measured with an algometer
  day           the day of the measurement
  site          where on the body it was measured
  trial1_kg_cm2, trial2_kg_cm2, trial3_kg_cm2
                the three trials in kg/cm2
  mean_kg_cm2   their mean, the value used for trends

exercises.csv: the exercises you added yourself (the built-in ones are not listed)
  name          the exercise's name
  category      strength, cardio or flexibility
  equipment     machine, dumbbell, barbell, kettlebell, cable, bodyweight, band or none
  impact        low or high
  one_sided     yes when the exercise works one side at a time
  counterpart   for a machine: the free-weight exercise it can lead to

function_goals.csv: the activities you rate (Patient-Specific Functional Scale)
  activity      the activity in your own words
  created_on    the day you added it
  retired_on    the day you stopped rating it; empty while you still rate it

psfs_ratings.csv: one row per activity rated on a day
  day                  the day of the rating
  activity             the activity (see function_goals.csv)
  activity_created_on  the day that activity was added, which tells apart an
                       activity retired and later added again in the same words
  score                0 unable to do it, 10 able to do it as before the problem

pgic.csv: how you rated your condition overall since you started (PGIC)
  day           the day of the answer
  score         1 very much improved, 4 no change, 7 very much worse
  answer        the answer in words, repeated for convenience

medications.csv: medication taken regularly
  name          the medication's name as you wrote it
  dose          the amount per dose
  unit          mg, g, ml, tablets, ...
  start_day     the first day at this dose
  end_day       the last day at this dose; empty while you still take it

as_needed_doses.csv: one row per dose of an as-needed medication
  name, dose, unit   as above
  taken_at           when you took it

Cells that look like formulas
-----------------------------
A spreadsheet program runs a cell that begins with =, +, -, @, a tab or a
carriage return as a formula. So that opening this export can never run one,
any text cell that begins with one of those characters, or with an
apostrophe, is written with an extra apostrophe (') in front; numbers are
never changed. When Threshold imports its own export it removes that one
apostrophe again, so the data comes back exactly as it was.

Importing it again
------------------
Upload the zip (or some of its CSV files) on the "Your data" page. Importing
the same data twice adds nothing the second time: a session counts as already
there when one with the same start time and the same exercises exists.
"""


_DEMO_NOTE = """\
DEMO DATA: made-up example data, not a real person's record.
These files come from Threshold's demo mode ("Try with demo data"). They
are here to show what an export looks like. Please do not import them into
your own data, and do not share them as anyone's health record.

"""


def readme_text(unit: str, made: datetime, *, demo: bool = False) -> str:
    """The data dictionary for an export in the given weight unit; with `demo`, it first says the data is made up."""
    text = _TEMPLATE.format(unit=unit, made=made)
    return _DEMO_NOTE + text.replace("Threshold data export", "Threshold demo data export", 1) if demo else text
