"""The suggestion rules' thresholds as data: each a named default the user can change in Settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tracker import validation as v
from tracker.errors import ValidationError


@dataclass(frozen=True)
class RuleSpec:
    """One editable threshold: its stored key, label for the form, default and allowed range."""

    key: str
    label: str
    default: float
    lo: float
    hi: float
    integer: bool = True
    help: str = ""


SPECS: tuple[RuleSpec, ...] = (
    RuleSpec("strength_gain_percent", "Strength gain before free weights (%)", 15, 1, 100,
             help="Since your first two sessions on a machine: estimated one-rep max up this much, or, when sets "
                  "are over 10 reps (no estimate there), the heaviest load lifted for at least the bottom of your "
                  "rep range."),
    RuleSpec("min_sessions", "Sessions needed on a machine", 6, 1, 50,
             help="How many sessions on the machine within the window below."),
    RuleSpec("window_weeks", "Window for counting sessions (weeks)", 8, 1, 52,
             help="Only sessions this recent count towards the move to free weights and the load advice."),
    RuleSpec("recent_within_limit", "Recent sessions that must stay within your pain limit", 3, 1, 10,
             help="Sessions with a next-morning rating; one still waiting for it is not counted either way."),
    RuleSpec("free_weight_ratio", "Free-weight starting load (share of machine load)", 0.5, 0.1, 1.0, integer=False,
             help="Machines carry part of the load, so free weights start well below it."),
    RuleSpec("free_weight_start_max", "Free-weight starting load: at most (kg, in all)", 20, 2, 100, integer=False,
             help="Whatever the machine load, the first free-weight sets start at or under this, held in the hands."),
    RuleSpec("rep_range_bottom", "Bottom of the rep range", 8, 1, 30,
             help="After a heavier load, start again from this many reps per set."),
    RuleSpec("rep_range_top", "Top of the rep range", 12, 2, 50,
             help="Raise the load only when every set reaches this many reps."),
    RuleSpec("raise_after_sessions", "Sessions at the top of the range before a heavier load", 2, 1, 6,
             help="In a row, each with every set at the top, pain within your limit and a settled next morning."),
    RuleSpec("stall_sessions", "Stalled sessions before a lighter week", 3, 2, 10,
             help="Sessions at the same load whose reps neither reached the top nor improved."),
    RuleSpec("deload_percent", "Load reduction for a lighter week (%)", 10, 5, 50,
             help="Also how much lighter to go when easing off after a session that hurt or during a flare-up."),
    RuleSpec("ladder_over_limit", "Cardio sessions over the limit before an easier kind", 2, 1, 10,
             help="Treadmill walking, then the elliptical trainer, then water."),
    RuleSpec("ladder_window_days", "Window for cardio sessions over the limit (days)", 28, 7, 90,
             help="Sessions over the limit count towards an easier kind of cardio for this long."),
    RuleSpec("settled_weeks", "Settled weeks before one step back up", 2, 1, 12,
             help="Weeks in which every session stayed within your limit without a worse next morning."),
    RuleSpec("pacing_start_percent", "Pacing: start at this share of what you tolerated (%)", 80, 50, 100,
             help="Of the average minutes of your latest sessions (up to 3) within your limit with settled mornings."),
    RuleSpec("pacing_weekly_percent", "Pacing: weekly increase (%)", 10, 1, 30,
             help="How much to add each week while pain stays within your limit."),
    RuleSpec("pacing_first_minutes", "Pacing: minutes to start with when nothing was tolerated yet", 10, 3, 60,
             help="Used when no session of that kind stayed within your limit with a settled next morning."),
    RuleSpec("impact_pain", "Pain at which high-impact activity is flagged", 4, 1, 10,
             help="Highest pain before sessions or on waking over the recent days."),
    RuleSpec("impact_over_limit", "High-impact sessions over the limit before a caution", 1, 1, 10,
             help="Running, jumping or basketball sessions whose pain during went over your limit."),
    RuleSpec("one_sided_sessions", "One-sided sport sessions (in 4 weeks) before a reminder", 3, 1, 20,
             help="Golf or tennis without stretching or core work in the same weeks."),
    RuleSpec("flare_rise", "Flare-up: rise over your usual level (points)", 3, 2, 6,
             help="Pain before a session or on waking this many points above your usual level."),
    RuleSpec("flare_days", "Flare-up: days its advice lasts", 7, 3, 28,
             help="Counted from the last raised rating; no load increase is suggested meanwhile."),
    RuleSpec("red_flag_pain", "Red flag: pain at or above", 8, 5, 10,
             help="Counts only when it does not ease with rest: every rating that day before sessions or on waking."),
    RuleSpec("red_flag_high_days", "Red flag: days in a row at or above that pain", 3, 2, 14,
             help="Days in a row on which rest did not bring pain below the level above."),
    RuleSpec("red_flag_raised_points", "Red flag: pain raised over your usual level (points)", 2, 2, 6,
             help="Every rating at rest this many points above your usual level (2 is a change you notice)."),
    RuleSpec("red_flag_raised_days", "Red flag: days pain stays raised that much", 14, 7, 42,
             help="A flare-up usually settles sooner; pain raised this long is worth a doctor's look."),
    RuleSpec("recent_days", "Days a red flag or high pain counts as recent", 14, 3, 60,
             help="Also how long easing off after a session that hurt stays on the list."),
    RuleSpec("level_window_days", "Tolerated level: days looked back", 28, 7, 120,
             help="The level is the second-best tolerated session in this many days, so it must be reached twice."),
    RuleSpec("level_min_sessions", "Tolerated level: sessions looked back at least", 3, 2, 10,
             help="When fewer tolerated sessions fall in the days above, the level looks further back."),
    RuleSpec("level_change_percent", "Tolerated level: smallest change called a change (%)", 5, 1, 50,
             help="Smaller moves of the tolerated level read as 'about the same'."),
    RuleSpec("psfs_interval_days", "Function goals: days between ratings", 14, 7, 14,
             help="Threshold asks you to rate your activities again after this many days (one to two weeks)."),
)  # fmt: skip
BY_KEY: dict[str, RuleSpec] = {spec.key: spec for spec in SPECS}
# Stored keys whose meaning stayed but whose name changed; a value saved under the old name still counts.
# (red_flag_rise and red_flag_days are gone: their rules changed, so an old value would be misread.)
RENAMED: dict[str, str] = {"e1rm_gain_percent": "strength_gain_percent"}
DEFAULTS: dict[str, float] = {spec.key: spec.default for spec in SPECS}


@dataclass(frozen=True)
class Thresholds:
    """The thresholds in force: defaults overridden by what the user changed."""

    values: Mapping[str, float]

    def __getitem__(self, key: str) -> float:
        return self.values[key]

    def count(self, key: str) -> int:
        """A threshold that counts things (sessions, days), as a whole number."""
        return round(self.values[key])

    def share(self, key: str) -> float:
        """A percentage threshold as a fraction (15 -> 0.15)."""
        return self.values[key] / 100.0


def thresholds(overrides: Mapping[str, float] | None = None) -> Thresholds:
    """Defaults with the user's valid changes applied; unknown keys and out-of-range values are ignored.

    Stored values were checked when saved, but an older or hand-edited store must never break the rules.
    """
    values = dict(DEFAULTS)
    for stored, value in (overrides or {}).items():
        key = RENAMED.get(stored, stored)
        if key != stored and key in (overrides or {}):
            continue  # saved under both names: the current one wins
        spec = BY_KEY.get(key)
        if spec is not None and isinstance(value, int | float) and spec.lo <= value <= spec.hi:
            values[key] = float(value)
    if values["rep_range_bottom"] >= values["rep_range_top"]:
        values["rep_range_bottom"], values["rep_range_top"] = DEFAULTS["rep_range_bottom"], DEFAULTS["rep_range_top"]
    return Thresholds(values)


def check_rules(raw: Mapping[str, object]) -> dict[str, float]:
    """Validate thresholds from the Settings form; returns only those that differ from the defaults."""
    errors = v.Errors()
    parsed: dict[str, float] = {}
    for key, value in raw.items():
        spec = BY_KEY.get(key)
        if spec is None:
            errors[key] = f"Unknown setting {key!r}."
            continue
        number = v.number(errors, key, value, label=spec.label, lo=spec.lo, hi=spec.hi, integer=spec.integer)
        if number is not None:
            parsed[key] = number
    bottom = parsed.get("rep_range_bottom", DEFAULTS["rep_range_bottom"])
    top = parsed.get("rep_range_top", DEFAULTS["rep_range_top"])
    if "rep_range_top" not in errors and bottom >= top:
        errors["rep_range_top"] = f"The top of the rep range ({top:g}) must be above the bottom ({bottom:g})."
    if errors:
        raise ValidationError(errors)
    return {key: value for key, value in parsed.items() if value != DEFAULTS[key]}
