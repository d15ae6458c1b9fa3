"""A clinic export as an HL7 FHIR R4 Bundle (type collection), validated by the fhir.resources R4B models.

Every resource has a stable id: a UUID derived from its content (never from database ids), so exporting the
same data twice gives the same resources, and the person is named only by the display name they set.
Times stored without a zone are taken as wall-clock time in `zone` (FHIR needs a zone on every time).
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from formats import fhir_codes as c
from formats.fhir_input import (
    AsNeededDose,
    ClinicRecord,
    ExerciseEntry,
    PainEntry,
    PegEntry,
    PgicEntry,
    PsfsEntry,
    RegularMedication,
    Side,
    region_label,
)
from formats.fhir_read import read_bundle

__all__ = ["build_bundle", "read_bundle", "to_bytes"]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "threshold:fhir-export")
Json = dict[str, Any]
# HL7's security label for test data: a clinic's system keeps a demo file apart from real patients' records.
TEST_DATA: Json = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
    "code": "HTEST",
    "display": "test health data",
}
DEMO_NAME = "Demo: made-up example data, not a real person"


def to_bytes(record: ClinicRecord, zone: tzinfo = UTC) -> bytes:
    """The record as FHIR JSON (UTF-8), checked against the R4B models on the way out."""
    return build_bundle(record, zone).model_dump_json().encode("utf-8")


def build_bundle(record: ClinicRecord, zone: tzinfo = UTC) -> Bundle:
    """The record as a validated FHIR Bundle: the Patient first, then every observation and medication."""
    ids = _Ids(record.name)
    patient: Json = {"resourceType": "Patient", "id": ids.patient}
    name = DEMO_NAME if record.demo else record.name.strip()
    if name:
        patient["name"] = [{"text": name}]
    entries = [patient]
    entries += [_pain(p, ids, zone) for p in record.pains]
    entries += [_peg(p, ids) for p in record.pegs]
    entries += [_exercise(e, ids, zone) for e in record.exercises]
    entries += [_psfs(p, ids) for p in record.psfs]
    entries += [_pgic(p, ids) for p in record.pgic]
    entries += [_regular(m, ids) for m in record.regular]
    entries += [_as_needed(d, ids, zone) for d in record.as_needed]
    bundle: Json = {
        "resourceType": "Bundle",
        "id": ids.make("bundle"),
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in entries],
    }
    if record.demo:
        for resource in (bundle, *entries):
            resource["meta"] = {"security": [TEST_DATA]}
    return Bundle.model_validate(bundle)


class _Ids:
    """Stable resource ids; a repeat of the same content gets a numbered id, so fullUrls stay unique."""

    def __init__(self, name: str) -> None:
        self.patient = str(uuid.uuid5(_NAMESPACE, f"patient|{name}"))
        self._seen: Counter[str] = Counter()

    def make(self, *parts: object) -> str:
        key = "|".join([self.patient, *map(str, parts)])
        self._seen[key] += 1
        return str(uuid.uuid5(_NAMESPACE, f"{key}#{self._seen[key]}"))

    @property
    def subject(self) -> Json:
        return {"reference": f"urn:uuid:{self.patient}"}


def when_text(when: datetime | date, zone: tzinfo) -> str:
    """A FHIR dateTime: a bare date for a day, else a time to the second with its zone."""
    if not isinstance(when, datetime):
        return when.isoformat()
    aware = when if when.tzinfo is not None else when.replace(tzinfo=zone)
    return aware.replace(microsecond=0).isoformat()


def _coding(system: str, code: str, display: str | None = None) -> Json:
    found = {"system": system, "code": code}
    return found if display is None else {**found, "display": display}


def _concept(system: str, pair: tuple[str, str], text: str | None = None) -> Json:
    return {"coding": [_coding(system, *pair)], "text": text or pair[1]}


def _observation(ids: _Ids, key: tuple[object, ...], category: str, code: Json, when: str) -> Json:
    return {
        "resourceType": "Observation",
        "id": ids.make(*key),
        "status": "final",
        "category": [{"coding": [_coding(c.CATEGORY, category)]}],
        "code": code,
        "subject": ids.subject,
        "effectiveDateTime": when,
    }


def _body_site(region: str, side: Side) -> Json:
    site: Json = {"text": region_label(region, side)}
    if region in c.REGION_CODES:
        site["coding"] = [_coding(c.SNOMED, *c.REGION_CODES[region])]
    if side in c.SIDE_CODES:
        laterality = {"coding": [_coding(c.SNOMED, *c.SIDE_CODES[side])]}
        site["extension"] = [{"url": c.LATERALITY, "valueCodeableConcept": laterality}]
    return site


def _pain(p: PainEntry, ids: _Ids, zone: tzinfo) -> Json:
    when = when_text(p.when, zone)
    code = {"coding": [_coding(c.LOINC, c.PAIN, c.PAIN_DISPLAY)], "text": "Pain intensity (0-10)"}
    found = _observation(ids, ("pain", when, p.region, p.side, p.context), "survey", code, when)
    found["valueInteger"] = p.score
    found["bodySite"] = _body_site(p.region, p.side)
    context = _concept(c.LOCAL, c.CONTEXT_CODES[p.context])
    found["component"] = [{"code": _concept(c.LOCAL, c.CONTEXT_CODE), "valueCodeableConcept": context}]
    return found


def _peg(p: PegEntry, ids: _Ids) -> Json:
    code = {"coding": [_coding(c.LOINC, c.PEG_PANEL)], "text": "PEG-3: pain, enjoyment of life, general activity"}
    found = _observation(ids, ("peg", p.day), "survey", code, p.day.isoformat())
    items = [{"code": _concept(c.LOCAL, c.PEG_ITEMS[name]), "valueInteger": getattr(p, name)} for name in c.PEG_ITEMS]
    score = {"value": p.score, "unit": "score", "system": c.UCUM, "code": "{score}"}
    total = {"code": {"coding": [_coding(c.LOINC, c.PEG_SCORE)], "text": "PEG-3 score (mean of the three items)"}}
    found["component"] = [*items, {**total, "valueQuantity": score}]
    return found


def _exercise(e: ExerciseEntry, ids: _Ids, zone: tzinfo) -> Json:
    when = when_text(e.when, zone)
    code = {"coding": [_coding(c.LOINC, c.EXERCISE_ACTIVITY)], "text": "Exercise activity"}
    found = _observation(ids, ("exercise", when, e.name), "activity", code, when)
    found["valueCodeableConcept"] = {"text": e.name}
    if e.minutes is not None:
        minutes = {"value": e.minutes, "unit": "min", "system": c.UCUM, "code": "min"}
        duration = {"code": {"coding": [_coding(c.LOINC, c.EXERCISE_DURATION)], "text": "Exercise duration"}}
        found["component"] = [{**duration, "valueQuantity": minutes}]
    return found


def _psfs(p: PsfsEntry, ids: _Ids) -> Json:
    code = _concept(c.LOCAL, c.PSFS, p.activity)
    found = _observation(ids, ("psfs", p.day, p.activity), "survey", code, p.day.isoformat())
    found["valueInteger"] = p.score
    return found


def _pgic(p: PgicEntry, ids: _Ids) -> Json:
    code = _concept(c.LOCAL, c.PGIC, "Global impression of change")
    found = _observation(ids, ("pgic", p.day), "survey", code, p.day.isoformat())
    found["valueInteger"] = p.score
    return found


def _dosage(dose: float, unit: str, *, as_needed: bool) -> Json:
    how = "as needed" if as_needed else "regularly"
    return {
        "text": f"{dose:g} {unit} {how}",
        "asNeededBoolean": as_needed,
        "doseAndRate": [{"doseQuantity": {"value": dose, "unit": unit}}],
    }


def _statement(ids: _Ids, key: tuple[object, ...], name: str, status: str) -> Json:
    return {
        "resourceType": "MedicationStatement",
        "id": ids.make("medication", *key),
        "status": status,
        "medicationCodeableConcept": {"text": name},
        "subject": ids.subject,
    }


def _regular(m: RegularMedication, ids: _Ids) -> Json:
    found = _statement(ids, (m.name, m.start), m.name, "active" if m.end is None else "completed")
    period = {"start": m.start.isoformat()}
    if m.end is not None:
        period["end"] = m.end.isoformat()
    found["effectivePeriod"] = period
    found["dosage"] = [_dosage(m.dose, m.unit, as_needed=False)]
    return found


def _as_needed(d: AsNeededDose, ids: _Ids, zone: tzinfo) -> Json:
    when = when_text(d.taken, zone)
    found = _statement(ids, (d.name, when), d.name, "completed")
    found["effectiveDateTime"] = when
    found["dosage"] = [_dosage(d.dose, d.unit, as_needed=True)]
    return found
