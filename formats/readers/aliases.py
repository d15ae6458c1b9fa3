"""Strong's, Hevy's and Apple Health's exercise names mapped onto Threshold's catalogue (tracker/catalog.py).

The table is data: each row is a name as one of the apps writes it and the catalogue exercise it stands for.
The equipment in brackets decides machine or free weight: 'Shoulder Press (Machine)' is the machine,
'Shoulder Press (Dumbbell)' its free-weight counterpart. Names are compared by `name_key`, which ignores case,
punctuation, word order and a plural 's', so 'Press, Leg' (older Strong) finds the row for 'Leg Press'.
Matching against the person's own list, and the closest names for an unmatched one, is services/import_matching.py.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def name_key(name: str) -> str:
    """A name reduced for comparison: lower case, words only, singular, in alphabetical order."""
    words = _WORD.findall(name.casefold().replace("&", " and "))
    single = (w[:-1] if len(w) >= 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
    return " ".join(sorted(single))


# (name as Strong, Hevy or Apple Health writes it, catalogue name). Names both apps use appear once.
ALIASES: tuple[tuple[str, str], ...] = (
    # Legs
    ("Leg Press", "Leg press"),
    ("Leg Press (Machine)", "Leg press"),
    ("Leg Press Horizontal (Machine)", "Leg press"),
    ("Seated Leg Press (Machine)", "Leg press"),
    ("Leg Extension (Machine)", "Leg extension"),
    ("Leg Curl (Machine)", "Leg curl"),
    ("Lying Leg Curl (Machine)", "Leg curl"),
    ("Seated Leg Curl (Machine)", "Leg curl"),
    ("Hip Abductor (Machine)", "Hip abduction machine"),
    ("Hip Abduction (Machine)", "Hip abduction machine"),
    ("Hip Adductor (Machine)", "Hip adduction machine"),
    ("Hip Adduction (Machine)", "Hip adduction machine"),
    ("Hack Squat", "Hack squat"),
    ("Hack Squat (Machine)", "Hack squat"),
    ("Squat (Smith Machine)", "Smith machine squat"),
    ("Squat (Barbell)", "Barbell squat"),
    ("Full Squat", "Barbell squat"),
    ("Back Squat (Barbell)", "Barbell squat"),
    ("Squat (Bodyweight)", "Bodyweight squat"),
    ("Air Squat", "Bodyweight squat"),
    ("Goblet Squat (Kettlebell)", "Goblet squat"),
    ("Goblet Squat (Dumbbell)", "Goblet squat"),
    ("Goblet Squat", "Goblet squat"),
    ("Split Squat (Dumbbell)", "Split squat"),
    ("Bulgarian Split Squat", "Split squat"),
    ("Bulgarian Split Squat (Dumbbell)", "Split squat"),
    ("Lunge (Dumbbell)", "Lunge"),
    ("Walking Lunge (Dumbbell)", "Lunge"),
    ("Lunge (Bodyweight)", "Lunge"),
    ("Step-up", "Step-up"),
    ("Step Up (Dumbbell)", "Step-up"),
    ("Romanian Deadlift (Barbell)", "Romanian deadlift"),
    ("Romanian Deadlift (Dumbbell)", "Romanian deadlift"),
    ("Deadlift (Barbell)", "Deadlift"),
    ("Deadlift (Trap bar)", "Deadlift"),
    ("Hip Thrust (Barbell)", "Hip thrust"),
    ("Glute Bridge", "Glute bridge"),
    ("Calf Raise (Machine)", "Calf raise machine"),
    ("Seated Calf Raise (Machine)", "Calf raise machine"),
    ("Standing Calf Raise (Machine)", "Calf raise machine"),
    ("Standing Calf Raise (Dumbbell)", "Standing calf raise"),
    ("Calf Raise (Bodyweight)", "Standing calf raise"),
    ("Lateral Band Walks", "Banded side steps"),
    ("Lateral Band Walk (Band)", "Banded side steps"),
    ("Kettlebell Swing", "Kettlebell swing"),
    ("Kettlebell Swing (Kettlebell)", "Kettlebell swing"),
    # Chest
    ("Chest Press (Machine)", "Chest press machine"),
    ("Iso-Lateral Chest Press (Machine)", "Chest press machine"),
    ("Bench Press (Dumbbell)", "Dumbbell bench press"),
    ("Bench Press (Barbell)", "Barbell bench press"),
    ("Bench Press (Smith Machine)", "Chest press machine"),
    ("Incline Bench Press (Dumbbell)", "Incline dumbbell press"),
    ("Pec Deck (Machine)", "Pec deck"),
    ("Chest Fly (Machine)", "Pec deck"),
    ("Butterfly (Pec Deck)", "Pec deck"),
    ("Chest Fly (Dumbbell)", "Dumbbell fly"),
    ("Push Up", "Push-up"),
    ("Push Up (Knees)", "Push-up"),
    ("Chest Dip", "Dip"),
    ("Triceps Dip", "Dip"),
    # Back
    ("Seated Row (Machine)", "Seated row machine"),
    ("Iso-Lateral Row (Machine)", "Seated row machine"),
    ("Seated Row (Cable)", "Cable row"),
    ("Seated Cable Row - V Grip (Cable)", "Cable row"),
    ("Seated Cable Row - Bar Grip", "Cable row"),
    ("Lat Pulldown (Cable)", "Lat pulldown"),
    ("Lat Pulldown (Machine)", "Lat pulldown"),
    ("Lat Pulldown - Close Grip (Cable)", "Lat pulldown"),
    ("Bent Over One Arm Row (Dumbbell)", "One-arm dumbbell row"),
    ("Dumbbell Row", "One-arm dumbbell row"),
    ("Single Arm Dumbbell Row", "One-arm dumbbell row"),
    ("Bent Over Row (Barbell)", "Bent-over row"),
    ("Pullover (Dumbbell)", "Dumbbell pullover"),
    ("Pull Up", "Pull-up"),
    ("Pull Up (Assisted)", "Assisted pull-up"),
    ("Assisted Pull Up (Machine)", "Assisted pull-up"),
    ("Chin Up", "Chin-up"),
    ("Back Extension", "Back extension"),
    ("Back Extension (Hyperextension)", "Back extension"),
    ("Back Extension (Machine)", "Back extension machine"),
    ("Shrug (Dumbbell)", "Dumbbell shrug"),
    ("Face Pull (Cable)", "Face pull"),
    ("Face Pull", "Face pull"),
    # Shoulders and arms
    ("Shoulder Press (Machine)", "Shoulder press machine"),
    ("Shoulder Press (Machine Plates)", "Shoulder press machine"),
    ("Shoulder Press (Dumbbell)", "Seated dumbbell press"),
    ("Seated Overhead Press (Dumbbell)", "Seated dumbbell press"),
    ("Overhead Press (Dumbbell)", "Seated dumbbell press"),
    ("Overhead Press (Barbell)", "Overhead press"),
    ("Lateral Raise (Dumbbell)", "Lateral raise"),
    ("Bicep Curl (Dumbbell)", "Dumbbell biceps curl"),
    ("Bicep Curl (Machine)", "Biceps curl machine"),
    ("Bicep Curl (Cable)", "Cable biceps curl"),
    ("Hammer Curl (Dumbbell)", "Hammer curl"),
    ("Triceps Pushdown (Cable - Straight Bar)", "Triceps pushdown"),
    ("Triceps Pushdown", "Triceps pushdown"),
    ("Triceps Rope Pushdown", "Triceps pushdown"),
    ("Triceps Extension (Dumbbell)", "Dumbbell triceps extension"),
    ("Triceps Extension (Machine)", "Triceps extension machine"),
    # Core
    ("Plank", "Plank"),
    ("Side Plank", "Side plank"),
    ("Crunch", "Crunch"),
    ("Dead Bug", "Dead bug"),
    ("Bird Dog", "Bird dog"),
    # Cardio
    ("Walking", "Walking"),
    ("Treadmill", "Treadmill walk"),
    ("Treadmill Walk", "Treadmill walk"),
    ("Walking (Treadmill)", "Treadmill walk"),
    ("Running", "Running"),
    ("Running (Treadmill)", "Running"),
    ("Elliptical Machine", "Elliptical trainer"),
    ("Elliptical Trainer", "Elliptical trainer"),
    ("Cycling", "Cycling"),
    ("Cycling (Indoor)", "Stationary bike"),
    ("Spinning", "Stationary bike"),
    ("Stationary Bike", "Stationary bike"),
    ("Swimming", "Swimming laps"),
    ("Rowing (Machine)", "Rowing machine"),  # also Hevy's "Rowing Machine": the same words
    ("Stair Machine", "Stair climber"),
    ("Climbing (Stair Machine)", "Stair climber"),
    ("Hiking", "Hiking"),
    ("Jump Rope", "Jumping rope"),
    ("Aqua Aerobics", "Aqua aerobics"),
    # Apple Health's workout types, as formats/readers/apple_health.py names them
    ("Walking (Outdoor)", "Walking"),
    ("Walking (Indoor)", "Treadmill walk"),
    ("Running (Outdoor)", "Running"),
    ("Running (Indoor)", "Running"),
    ("Cycling (Outdoor)", "Cycling"),
    ("Elliptical", "Elliptical trainer"),
    ("Water Fitness", "Aqua aerobics"),
    ("Rowing", "Rowing machine"),
    ("Stair Climbing", "Stair climber"),
    ("Stairs", "Stair climber"),
    ("Flexibility", "Stretching"),
    ("Golf", "Golf"),
    ("Tennis", "Tennis"),
    ("Basketball", "Basketball"),
    # Flexibility
    ("Stretching", "Stretching"),
    ("Yoga", "Yoga"),
    ("Pilates", "Pilates"),
    ("Hamstring Stretch", "Hamstring stretch"),
    ("Hip Flexor Stretch", "Hip flexor stretch"),
    ("Cat Cow", "Cat-cow stretch"),
)

BY_KEY: dict[str, str] = {name_key(app): target for app, target in ALIASES}


def catalogue_name(name: str) -> str | None:
    """The catalogue exercise an app's exercise name stands for, or None when the table does not know it."""
    return BY_KEY.get(name_key(name))
