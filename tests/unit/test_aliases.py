"""The alias table from Strong's, Hevy's and Apple Health's names onto the catalogue, and how names are matched."""

from __future__ import annotations

import pytest

from formats.readers.aliases import ALIASES, catalogue_name, name_key
from formats.readers.workout_apps import equipment_of
from services.import_matching import Known, closest, resolve
from tracker.catalog import CATALOG, FREE_WEIGHTS, by_name

CATALOGUE = by_name()
LISTED = {e.name.casefold(): Known(e.name, e.category, e.equipment) for e in CATALOG}
KEYED = {name_key(k.name): k for k in LISTED.values()}


def test_the_table_covers_at_least_80_names_and_lists_its_coverage(capsys):
    targets = {target for _name, target in ALIASES}
    with capsys.disabled():
        print(f"\nalias table: {len(ALIASES)} app names onto {len(targets)} of {len(CATALOG)} catalogue exercises")
        for name, target in ALIASES:
            print(f"  {name} -> {target}")
    assert len({name_key(name) for name, _ in ALIASES}) >= 80


def test_every_alias_points_at_a_catalogue_exercise_and_no_two_rows_match_the_same_names():
    assert [target for _name, target in ALIASES if target not in CATALOGUE] == []
    keys = [name_key(name) for name, _target in ALIASES]
    assert [key for key in keys if keys.count(key) > 1] == []  # each row adds a name the others do not match


def test_the_equipment_in_brackets_decides_machine_or_free_weight():
    for name, target in ALIASES:
        said = equipment_of(name) if CATALOGUE[target].category == "strength" else None
        if said == "machine" and "assisted" not in name.lower():  # the assisted pull-up is body weight with help
            assert CATALOGUE[target].equipment == "machine", name
        elif said in FREE_WEIGHTS:
            assert CATALOGUE[target].equipment in FREE_WEIGHTS, name


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Chest Press (Machine)", "Chest press machine"),
        ("Seated Row (Cable)", "Cable row"),
        ("Seated Row (Machine)", "Seated row machine"),
        ("Goblet Squat (Kettlebell)", "Goblet squat"),
        ("Press, Leg", "Leg press"),
        ("leg-press", "Leg press"),
        ("Shoulder Press (Dumbbell)", "Seated dumbbell press"),
        ("Shoulder Press (Machine)", "Shoulder press machine"),
        ("LAT PULLDOWN (CABLE)", "Lat pulldown"),
        ("Walking (Indoor)", "Treadmill walk"),
    ],
)
def test_names_are_matched_ignoring_case_punctuation_and_word_order(name, expected):
    category = CATALOGUE[expected].category
    found = resolve(name, category, LISTED, KEYED)
    assert found is not None and found[0].name == expected


def test_a_name_in_the_list_under_other_words_is_found_without_the_table():
    own = LISTED | {"cable kickback": Known("Cable kickback", "strength", "cable")}
    found = resolve("Kickback, Cable", "strength", own, {name_key(k.name): k for k in own.values()})
    assert found is not None and found[0].name == "Cable kickback" and found[1] == "words"


def test_a_match_of_another_kind_is_not_taken():
    assert catalogue_name("Plank") == "Plank"
    assert resolve("Plank", "strength", LISTED, KEYED) is None


def test_an_unmatched_name_offers_the_closest_listed_names_of_its_kind():
    assert "Chest press machine" in closest("Chest Pres Machin", "strength", LISTED)
    assert all(CATALOGUE[n].category == "cardio" for n in closest("Treadmil walking", "cardio", LISTED))
