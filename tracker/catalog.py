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
    lower_body: bool = False
    """A leg exercise, whose typical next load step is the larger one. Only the catalogue says so (the
    exercises table has no such column): read it for any exercise through is_lower_body(name)."""


def _s(
    name: str, equipment: str, counterpart: str | None = None, one_sided: bool = False, legs: bool = False
) -> Exercise:
    return Exercise(name, "strength", equipment, "low", one_sided, counterpart, lower_body=legs)


def _c(name: str, impact: str = "low", one_sided: bool = False) -> Exercise:
    return Exercise(name, "cardio", "none", impact, one_sided)


def _f(name: str, equipment: str = "none") -> Exercise:
    return Exercise(name, "flexibility", equipment)


CATALOG: tuple[Exercise, ...] = (
    # Machines, each with the free-weight exercise it can lead to.
    _s("Leg press", "machine", "Goblet squat", legs=True),
    _s("Chest press machine", "machine", "Dumbbell bench press"),
    _s("Seated row machine", "machine", "One-arm dumbbell row"),
    _s("Shoulder press machine", "machine", "Seated dumbbell press"),
    _s("Lat pulldown", "machine", "Dumbbell pullover"),
    _s("Leg extension", "machine", "Split squat", legs=True),
    _s("Leg curl", "machine", "Romanian deadlift", legs=True),
    _s("Hip abduction machine", "machine", "Banded side steps", legs=True),
    # Free weights and other strength work.
    _s("Goblet squat", "kettlebell", legs=True),
    _s("Dumbbell bench press", "dumbbell"),
    _s("One-arm dumbbell row", "dumbbell", one_sided=True),
    _s("Seated dumbbell press", "dumbbell"),
    _s("Dumbbell pullover", "dumbbell"),
    _s("Assisted pull-up", "bodyweight"),
    _s("Split squat", "dumbbell", one_sided=True, legs=True),
    _s("Romanian deadlift", "barbell", legs=True),
    _s("Banded side steps", "band"),
    _s("Side-lying leg raise", "bodyweight", one_sided=True),
    _s("Bodyweight squat", "bodyweight"),
    _s("Barbell squat", "barbell", legs=True),
    _s("Cable row", "cable"),
    # Common in Strong's and Hevy's libraries (formats/readers/aliases.py maps their names here).
    _s("Pec deck", "machine", "Dumbbell fly"),
    _s("Biceps curl machine", "machine", "Dumbbell biceps curl"),
    _s("Triceps extension machine", "machine", "Dumbbell triceps extension"),
    _s("Hack squat", "machine", "Goblet squat", legs=True),
    _s("Smith machine squat", "machine", "Barbell squat", legs=True),
    _s("Calf raise machine", "machine", "Standing calf raise", legs=True),
    _s("Back extension machine", "machine", "Back extension"),
    _s("Hip adduction machine", "machine", legs=True),
    _s("Barbell bench press", "barbell"),
    _s("Incline dumbbell press", "dumbbell"),
    _s("Dumbbell fly", "dumbbell"),
    _s("Deadlift", "barbell", legs=True),
    _s("Overhead press", "barbell"),
    _s("Bent-over row", "barbell"),
    _s("Hip thrust", "barbell", legs=True),
    _s("Dumbbell biceps curl", "dumbbell"),
    _s("Hammer curl", "dumbbell"),
    _s("Lateral raise", "dumbbell"),
    _s("Dumbbell triceps extension", "dumbbell"),
    _s("Dumbbell shrug", "dumbbell"),
    _s("Lunge", "dumbbell", legs=True),
    _s("Step-up", "dumbbell", legs=True),
    _s("Standing calf raise", "dumbbell", legs=True),
    _s("Kettlebell swing", "kettlebell", legs=True),
    _s("Triceps pushdown", "cable"),
    _s("Face pull", "cable"),
    _s("Cable biceps curl", "cable"),
    _s("Push-up", "bodyweight"),
    _s("Pull-up", "bodyweight"),
    _s("Chin-up", "bodyweight"),
    _s("Dip", "bodyweight"),
    _s("Back extension", "bodyweight"),
    _s("Glute bridge", "bodyweight"),
    _s("Crunch", "bodyweight"),
    _s("Dead bug", "bodyweight"),
    _s("Bird dog", "bodyweight"),
    # Cardio, in the order the guidance suggests trying them when pain flares.
    _c("Treadmill walk"),
    _c("Elliptical trainer"),
    _c("Stationary bike"),
    _c("Swimming laps"),
    _c("Aqua aerobics"),
    _c("Walking"),
    _c("Cycling"),
    _c("Rowing machine"),
    _c("Stair climber"),
    _c("Hiking"),
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
    _f("Stretching"),
    _f("Plank"),
    _f("Side plank"),
)


def by_name() -> dict[str, Exercise]:
    """The catalogue keyed by exercise name."""
    return {exercise.name: exercise for exercise in CATALOG}


_LOWER_BODY = frozenset(exercise.name for exercise in CATALOG if exercise.lower_body)


def is_lower_body(name: str) -> bool:
    """True for a catalogue leg exercise. Imported exercises count by the catalogue name they were matched to;
    a person's own exercise is not in the catalogue and gets False, so its load rises by the smaller step."""
    return name in _LOWER_BODY


def is_free_weight(equipment: str) -> bool:
    """True for dumbbells, barbells and kettlebells."""
    return equipment in FREE_WEIGHTS
