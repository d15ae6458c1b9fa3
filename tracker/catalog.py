"""The exercise catalogue shipped with Threshold, and the vocabulary it uses."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES: dict[str, str] = {
    "strength": "Strength",
    "cardio": "Cardio",
    "flexibility": "Flexibility and core",
}
EQUIPMENT: dict[str, str] = {
    "machine": "Machine",
    "dumbbell": "Dumbbell",
    "barbell": "Barbell",
    "kettlebell": "Kettlebell",
    "cable": "Cable",
    "bodyweight": "Bodyweight",
    "band": "Band",
    "none": "None",
}
FREE_WEIGHTS = frozenset({"dumbbell", "barbell", "kettlebell"})
IMPACTS = ("low", "high")
INTENSITIES = ("easy", "moderate", "hard")


@dataclass(frozen=True)
class Exercise:
    """One exercise as the catalogue describes it."""

    name: str
    category: str
    equipment: str = "none"
    impact: str = "low"
    one_sided: bool = False
    counterpart: str | None = None
    """For a machine exercise: the free-weight exercise it leads to."""


def _s(name: str, equipment: str, counterpart: str | None = None, one_sided: bool = False) -> Exercise:
    return Exercise(name, "strength", equipment, "low", one_sided, counterpart)


def _c(name: str, impact: str = "low", one_sided: bool = False) -> Exercise:
    return Exercise(name, "cardio", "none", impact, one_sided)


def _f(name: str, equipment: str = "none") -> Exercise:
    return Exercise(name, "flexibility", equipment)


CATALOG: tuple[Exercise, ...] = (
    # Machines, each with the free-weight exercise it can lead to.
    _s("Leg press", "machine", "Goblet squat"),
    _s("Chest press machine", "machine", "Dumbbell bench press"),
    _s("Seated row machine", "machine", "One-arm dumbbell row"),
    _s("Shoulder press machine", "machine", "Seated dumbbell press"),
    _s("Lat pulldown", "machine", "Dumbbell pullover"),
    _s("Leg extension", "machine", "Split squat"),
    _s("Leg curl", "machine", "Romanian deadlift"),
    _s("Hip abduction machine", "machine", "Banded side steps"),
    # Free weights and other strength work.
    _s("Goblet squat", "kettlebell"),
    _s("Dumbbell bench press", "dumbbell"),
    _s("One-arm dumbbell row", "dumbbell", one_sided=True),
    _s("Seated dumbbell press", "dumbbell"),
    _s("Dumbbell pullover", "dumbbell"),
    _s("Assisted pull-up", "bodyweight"),
    _s("Split squat", "dumbbell", one_sided=True),
    _s("Romanian deadlift", "barbell"),
    _s("Banded side steps", "band"),
    _s("Side-lying leg raise", "bodyweight", one_sided=True),
    _s("Bodyweight squat", "bodyweight"),
    _s("Barbell squat", "barbell"),
    _s("Cable row", "cable"),
    # Cardio, in the order the guidance suggests trying them when pain flares.
    _c("Treadmill walk"),
    _c("Elliptical trainer"),
    _c("Stationary bike"),
    _c("Swimming laps"),
    _c("Aqua aerobics"),
    _c("Running", impact="high"),
    _c("Basketball", impact="high"),
    _c("Jumping rope", impact="high"),
    _c("Golf", one_sided=True),
    _c("Tennis", one_sided=True),
    # Flexibility, core and relief positions.
    _f("Relief position: on the back, lower legs on a chair"),
    _f("Relief position: face down over a stability ball", "none"),
    _f("Hamstring stretch"),
    _f("Hip flexor stretch"),
    _f("Cat-cow stretch"),
    _f("Pilates"),
    _f("Yoga"),
)


def by_name() -> dict[str, Exercise]:
    """The catalogue keyed by exercise name."""
    return {exercise.name: exercise for exercise in CATALOG}


def is_free_weight(equipment: str) -> bool:
    """True for dumbbells, barbells and kettlebells."""
    return equipment in FREE_WEIGHTS
