"""The FHIR export a clinic's system reads: valid R4 resources, standard codes, and a lossless round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B import get_fhir_model_class
from hypothesis import given, settings
from hypothesis import strategies as st

from formats.fhir import read_bundle, to_bytes
from formats.fhir_input import (
    AsNeededDose,
    ClinicRecord,
    Context,
    ExerciseEntry,
    PainEntry,
    PegEntry,
    PgicEntry,
    PsfsEntry,
    RegularMedication,
    Side,
    split_region,
)
from tracker.pain import REGIONS, peg_score

BERLIN = ZoneInfo("Europe/Berlin")
SESSION = datetime(2026, 11, 20, 18, 30)
MORNING = date(2026, 11, 21)

RECORD = ClinicRecord(
    name="Sam",
    pains=(
        PainEntry(SESSION, 2, "lower_back", Side.NONE, Context.BEFORE),
        PainEntry(SESSION, 4, "knee", Side.LEFT, Context.DURING),
        PainEntry(SESSION, 3, "knee", Side.LEFT, Context.AFTER),
        PainEntry(MORNING, 3, "shoulder", Side.RIGHT, Context.MORNING),
        PainEntry(MORNING, 1, "upper_back", Side.NONE, Context.MORNING),
    ),
    pegs=(PegEntry(MORNING, 5, 4, 3),),
    exercises=(ExerciseEntry(SESSION, "Leg press"), ExerciseEntry(SESSION, "Treadmill walk", 25.0)),
    psfs=(PsfsEntry(MORNING, "Climb two flights of stairs", 4), PsfsEntry(MORNING, "Carry shopping", 6)),
    pgic=(PgicEntry(MORNING, 3),),
    regular=(RegularMedication("Naproxen", 250, "mg", date(2026, 10, 1), date(2026, 11, 1)),),
    as_needed=(AsNeededDose("Paracetamol", 1, "g", datetime(2026, 11, 20, 22, 5)),),
)


def _resources(data: bytes) -> list[dict]:
    return [entry["resource"] for entry in json.loads(data)["entry"]]


def _of(data: bytes, loinc: str) -> list[dict]:
    return [r for r in _resources(data) if any(c["code"] == loinc for c in r.get("code", {}).get("coding", []))]


def test_every_resource_validates_against_the_r4b_models_and_names_the_patient():
    data = to_bytes(RECORD, BERLIN)
    bundle = json.loads(data)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    patient = bundle["entry"][0]
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        if resource is not patient["resource"]:
            assert resource["subject"]["reference"] == patient["fullUrl"]
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("Patient") == 1 and kinds.count("MedicationStatement") == 2
    assert patient["resource"]["name"] == [{"text": "Sam"}]


def test_the_round_trip_gives_back_every_rating_with_its_score_region_side_and_time():
    assert read_bundle(to_bytes(RECORD, BERLIN), BERLIN) == RECORD


def test_pain_is_loinc_72514_3_with_snomed_body_site_and_laterality_and_the_time_in_the_zone():
    pains = _of(to_bytes(RECORD, BERLIN), "72514-3")
    assert len(pains) == len(RECORD.pains)
    knee = pains[1]
    assert knee["valueInteger"] == 4 and knee["effectiveDateTime"] == "2026-11-20T18:30:00+01:00"
    assert knee["bodySite"]["coding"][0] == {
        "system": "http://snomed.info/sct",
        "code": "72696002",
        "display": "Knee region structure",
    }
    laterality = knee["bodySite"]["extension"][0]["valueCodeableConcept"]["coding"][0]
    assert (laterality["code"], knee["bodySite"]["text"]) == ("7771000", "Left knee")
    assert pains[0]["bodySite"]["coding"][0]["code"] == "37822005" and "extension" not in pains[0]["bodySite"]
    assert pains[3]["effectiveDateTime"] == "2026-11-21"


def test_every_region_the_app_offers_is_coded_except_upper_back_which_goes_as_text():
    codes = {"lower_back": "37822005", "neck": "45048000", "hip": "29836001", "knee": "72696002"}
    codes |= {"shoulder": "16982005"}
    for key, label in REGIONS.items():
        region, side = split_region(key)
        site = _of(to_bytes(ClinicRecord(pains=(PainEntry(MORNING, 2, region, side),))), "72514-3")[0]["bodySite"]
        assert site["text"] == label
        if region == "upper_back":
            assert "coding" not in site
        else:
            assert site["coding"][0]["code"] == codes[region]


def test_an_unknown_region_goes_out_as_text_only_and_comes_back():
    record = ClinicRecord(pains=(PainEntry(MORNING, 5, "ankle", Side.RIGHT),))
    data = to_bytes(record)
    site = _of(data, "72514-3")[0]["bodySite"]
    assert site["text"] == "Right ankle" and "coding" not in site
    assert read_bundle(data) == record


def test_the_peg_score_in_the_bundle_is_the_trackers():
    peg = _of(to_bytes(RECORD), "91148-7")[0]
    score = next(c for c in peg["component"] if c["code"]["coding"][0]["code"] == "91147-9")
    assert score["valueQuantity"]["value"] == peg_score(5, 4, 3) == 4.0
    assert [c.get("valueInteger") for c in peg["component"][:3]] == [5, 4, 3]


def test_exercise_is_loinc_73985_4_with_its_name_and_a_55411_3_duration_when_timed():
    walks = _of(to_bytes(RECORD), "73985-4")
    assert [w["valueCodeableConcept"]["text"] for w in walks] == ["Leg press", "Treadmill walk"]
    assert "component" not in walks[0]
    duration = walks[1]["component"][0]
    assert duration["code"]["coding"][0]["code"] == "55411-3" and duration["valueQuantity"]["value"] == 25.0


def test_psfs_and_pgic_go_out_as_text_codes_that_say_what_they_are():
    resources = _resources(to_bytes(RECORD))
    psfs = [r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == "psfs-activity"]
    assert [(p["code"]["text"], p["valueInteger"]) for p in psfs] == [
        ("Climb two flights of stairs", 4),
        ("Carry shopping", 6),
    ]
    assert "Patient-Specific Functional Scale" in psfs[0]["code"]["coding"][0]["display"]


def test_medication_is_a_statement_with_a_period_or_a_dose_time():
    statements = [r for r in _resources(to_bytes(RECORD, BERLIN)) if r["resourceType"] == "MedicationStatement"]
    regular, dose = statements
    assert (
        regular["effectivePeriod"] == {"start": "2026-10-01", "end": "2026-11-01"} and regular["status"] == "completed"
    )
    assert dose["effectiveDateTime"] == "2026-11-20T22:05:00+01:00" and dose["dosage"][0]["asNeededBoolean"] is True


@pytest.mark.parametrize("name", ['<script>alert("x")</script>', "Zoë & Łukasz 💪", "**bold** [link](x)"])
def test_unicode_and_markup_in_the_name_and_activities_survive_as_text(name):
    record = ClinicRecord(name=name, psfs=(PsfsEntry(MORNING, name, 5),))
    data = to_bytes(record)
    assert read_bundle(data) == record
    assert json.loads(data)["entry"][0]["resource"]["name"] == [{"text": name}]


def test_empty_input_gives_a_valid_bundle_with_only_the_patient_and_no_name():
    data = to_bytes(ClinicRecord())
    resources = _resources(data)
    assert [r["resourceType"] for r in resources] == ["Patient"] and "name" not in resources[0]
    assert read_bundle(data) == ClinicRecord()


def test_the_same_data_exported_twice_gives_the_same_bytes():
    assert to_bytes(RECORD) == to_bytes(RECORD)


def test_two_identical_ratings_still_get_distinct_ids():
    twice = PainEntry(MORNING, 3, "neck")
    ids = [r["id"] for r in _resources(to_bytes(ClinicRecord(pains=(twice, twice))))]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: PainEntry(MORNING, 11, "knee"), "Pain must be a whole number from 0 to 10"),
        (lambda: PainEntry(MORNING, 3, " "), "needs a body region"),
        (lambda: PgicEntry(MORNING, 0), "PGIC answer must be a whole number from 1 to 7"),
        (lambda: RegularMedication("Naproxen", 250, "mg", MORNING, MORNING - timedelta(days=1)), "before the start"),
        (lambda: AsNeededDose("Paracetamol", 0, "g", SESSION), "dose must be more than 0"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_a_file_that_is_not_a_bundle_is_refused_plainly():
    with pytest.raises(ValueError, match="not a valid FHIR R4 Bundle"):
        read_bundle(b'{"resourceType": "Bundle", "type": 5}')


def test_valid_fhir_missing_what_threshold_writes_is_refused_plainly():
    data = json.loads(to_bytes(ClinicRecord(pains=(PainEntry(MORNING, 3, "neck"),))))
    del data["entry"][1]["resource"]["bodySite"]
    with pytest.raises(ValueError, match=r"Observation .* is not laid out as Threshold writes it"):
        read_bundle(json.dumps(data).encode())


_REGION_SIDES = [split_region(key) for key in REGIONS] + [("ankle", Side.LEFT), ("wrist", Side.NONE)]
_moments = st.datetimes(datetime(2000, 1, 1), datetime(2040, 1, 1)).map(lambda d: d.replace(microsecond=0))
_ratings = st.builds(
    lambda when, score, place, context: PainEntry(when, score, place[0], place[1], context),
    st.one_of(_moments, st.dates(date(2000, 1, 1), date(2040, 1, 1))),
    st.integers(0, 10),
    st.sampled_from(_REGION_SIDES),
    st.sampled_from(list(Context)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ratings, max_size=12))
def test_any_valid_ratings_survive_the_round_trip(ratings):
    record = ClinicRecord(name="x", pains=tuple(ratings))
    assert read_bundle(to_bytes(record)) == record


def test_a_demo_bundle_is_labelled_test_data_in_every_resource_and_names_no_one():
    from formats.fhir import DEMO_NAME

    morning = PainEntry(date(2026, 11, 2), 4, "Lower back")
    record = ClinicRecord(name="Sam", pains=(morning,), demo=True)
    bundle = json.loads(to_bytes(record))
    resources = [bundle, *(e["resource"] for e in bundle["entry"])]
    assert all(r["meta"]["security"][0]["code"] == "HTEST" for r in resources)
    patient = bundle["entry"][0]["resource"]
    assert patient["name"] == [{"text": DEMO_NAME}] and "Sam" not in json.dumps(bundle)
    assert len(read_bundle(to_bytes(record)).pains) == 1  # still reads back
    assert "meta" not in json.loads(to_bytes(replace(record, demo=False)))
