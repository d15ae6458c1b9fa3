"""Red flags in logged pain: very high pain, a sudden rise over the usual level, pain that does not settle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from tracker.advice import Kind, Suggestion, day_text, days_text
from tracker.history import History
from tracker.pain import MCID_POINTS, REGIONS
from tracker.rules import Thresholds

# How far back the "usual level" looks, before the recent window starts.
USUAL_LOOKBACK_DAYS = 28
NOT_LOGGED_REMINDER = (
    "Threshold cannot see new numbness, weakness, or loss of bladder or bowel control, because they are not logged: "
    "if any of these appear, get medical help straight away."
)
SEE_DOCTOR = "Please contact your doctor about this before your next session."


@dataclass(frozen=True)
class Reading:
    """One pain rating with when it was taken and what it was (before, during, morning)."""

    day: date
    region: str
    pain: int
    moment: str

    @property
    def resting(self) -> bool:
        """Before a session or on waking: the level a person lives with, not effort pain."""
        return self.moment != "during"

    def text(self) -> str:
        """'3 Nov 2026: lower back 8/10 on waking'."""
        where = REGIONS.get(self.region, self.region).lower()
        words = {"before": "before a session", "during": "during a session", "morning": "on waking"}[self.moment]
        return f"{day_text(self.day)}: {where} {self.pain}/10 {words}"


def readings(history: History) -> list[Reading]:
    """Every pain rating in the history, oldest first (check-ins counted once)."""
    found: dict[tuple[date, str, str], Reading] = {}
    for session in history.sessions:
        for p in session.pains:
            if p.before is not None:
                found.setdefault((session.day, p.region, "before"), Reading(session.day, p.region, p.before, "before"))
            if p.during is not None:
                found.setdefault((session.day, p.region, "during"), Reading(session.day, p.region, p.during, "during"))
            if p.morning is not None:
                day = session.day + timedelta(days=1)
                found.setdefault((day, p.region, "morning"), Reading(day, p.region, p.morning, "morning"))
    for m in history.mornings:
        found[(m.day, m.region, "morning")] = Reading(m.day, m.region, m.pain, "morning")
    return sorted(found.values(), key=lambda r: (r.day, r.region, r.moment))


def usual_level(all_readings: list[Reading], region: str, start: date) -> float | None:
    """Median resting pain in the weeks before `start`; else the median pain before sessions since then."""
    earlier = [
        r.pain
        for r in all_readings
        if r.region == region and r.resting and start - timedelta(days=USUAL_LOOKBACK_DAYS) <= r.day < start
    ]
    if not earlier:
        earlier = [r.pain for r in all_readings if r.region == region and r.moment == "before" and r.day >= start]
    return float(median(earlier)) if earlier else None


def red_flags(history: History, limits: Thresholds, today: date) -> list[Suggestion]:
    """Red flags in the recent window, one per region and kind; each advises contacting a doctor."""
    start = today - timedelta(days=limits.count("recent_days") - 1)
    every = readings(history)
    recent = [r for r in every if start <= r.day <= today]
    flags: list[Suggestion] = []
    for region in dict.fromkeys(r.region for r in recent):
        mine = [r for r in recent if r.region == region]
        name = REGIONS.get(region, region).lower()
        high = [r for r in mine if r.pain >= limits["red_flag_pain"]]
        if high:
            flags.append(
                _flag(
                    f"red_flag:high:{region}",
                    f"Very high {name} pain",
                    f"Your {name} pain reached {max(r.pain for r in high)}/10 on {days_text([r.day for r in high])}, "
                    f"at or above the red-flag level of {limits['red_flag_pain']:g}/10.",
                    high,
                )
            )
        usual = usual_level(every, region, start)
        if usual is None:
            continue
        # A reading already flagged as very high is not counted again as a rise.
        rises = [r for r in mine if r.resting and r not in high and r.pain - usual >= limits["red_flag_rise"]]
        if rises:
            flags.append(
                _flag(
                    f"red_flag:rise:{region}",
                    f"Sudden rise in {name} pain",
                    f"Your usual {name} pain is about {usual:g}/10, and it rose to {max(r.pain for r in rises)}/10 "
                    f"({days_text([r.day for r in rises])}): a rise of {limits['red_flag_rise']:g} points or more.",
                    rises,
                )
            )
        stuck = _not_settling(mine, usual, limits.count("red_flag_days"))
        if stuck:
            flags.append(
                _flag(
                    f"red_flag:unsettled:{region}",
                    f"{REGIONS.get(region, region)} pain is not settling",
                    f"On {len(stuck)} mornings in a row your {name} pain stayed {MCID_POINTS:g} or more points above "
                    f"your usual level of about {usual:g}/10.",
                    stuck,
                )
            )
    return flags


def _not_settling(mine: list[Reading], usual: float, days: int) -> list[Reading]:
    """The longest run of consecutive mornings clearly above the usual level, if it is at least `days` long."""
    best: list[Reading] = []
    run: list[Reading] = []
    for r in (r for r in mine if r.moment == "morning"):
        if r.pain - usual < MCID_POINTS:
            run = []
            continue
        run = [*run, r] if run and (r.day - run[-1].day).days == 1 else [r]
        if len(run) > len(best):
            best = run
    return best if len(best) >= days else []


def _flag(key: str, title: str, reason: str, found: list[Reading]) -> Suggestion:
    return Suggestion(
        key=key,
        kind=Kind.RED_FLAG,
        title=title,
        what=f"{SEE_DOCTOR} Hold off on any increase in load until then. {NOT_LOGGED_REMINDER}",
        reason=f"{reason} Pain like this is a reason to have a doctor look at it, not something to train through.",
        evidence=tuple(r.text() for r in found),
        dates=tuple(dict.fromkeys(r.day for r in found)),
        fingerprint=",".join(dict.fromkeys(r.day.isoformat() for r in found)),
        raises_load=False,
    )
