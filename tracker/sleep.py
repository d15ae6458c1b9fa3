"""Sleep and pain: pain on days after a good night against days after a poor one (beside tracker/helps.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from statistics import fmean

from tracker import validation as v
from tracker.errors import ValidationError
from tracker.helps import DECIMALS, MIN_DAYS, Helps

SLEEP_MIN = 0
SLEEP_MAX = 10
# Sleep rated this or higher (out of 10) counts as a good night, anything lower as a poor one; the split
# sits just above the middle of the scale so an "all right" night of 5 is not called good.
GOOD_SLEEP = 6


@dataclass(frozen=True)
class SleepAndPain(Helps):
    """Helps, with "with" meaning days after a good night and "without" days after a poorer one."""

    @property
    def text(self) -> str:
        """One line: the comparison, or how many more rated nights each side needs."""
        if self.difference is not None:
            return (
                f"Sleep: pain {self.pain_with:.1f} on {self.days_with} days after a good night "
                f"({GOOD_SLEEP}/10 or better), {self.pain_without:.1f} on {self.days_without} days after a poorer "
                f"one ({self.difference:+.1f})."
            )
        missing = []
        if (more := self.min_days - self.days_with) > 0:
            missing.append(f"{more} more good night{'s' * (more != 1)}")
        if (more := self.min_days - self.days_without) > 0:
            missing.append(f"{more} more poorer night{'s' * (more != 1)}")
        return f"Sleep: needs {' and '.join(missing)}, each rated at the morning check-in on a day with a pain rating."


def sleep_and_pain(
    daily_pain: Mapping[date, float], sleep: Mapping[date, int], *, min_days: int = MIN_DAYS
) -> SleepAndPain:
    """Compare pain on days whose morning rated the night good against days after a poorer night.

    `sleep` is keyed by the morning the night was rated on, so that day's pain is the day after the night.
    """
    good = [pain for day, pain in daily_pain.items() if day in sleep and sleep[day] >= GOOD_SLEEP]
    poor = [pain for day, pain in daily_pain.items() if day in sleep and sleep[day] < GOOD_SLEEP]
    return SleepAndPain(
        "Sleep",
        len(good),
        len(poor),
        round(fmean(good), DECIMALS) if good else None,
        round(fmean(poor), DECIMALS) if poor else None,
        min_days,
    )


def check_sleep(value: object) -> int | None:
    """Validate an optional sleep rating: empty, or a whole number 0-10 (field `sleep`)."""
    errors = v.Errors()
    checked = v.number(
        errors, "sleep", value, label="Sleep quality last night", lo=SLEEP_MIN, hi=SLEEP_MAX, integer=True,
        required=False,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    return None if checked is None else int(checked)
