"""Reading a Threshold FHIR Bundle back into plain values (the round trip of formats/fhir.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from formats import fhir_codes as c
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
)

_CONTEXTS = {code: context for context, (code, _) in c.CONTEXT_CODES.items()}
_SIDES = {code: side for side, (code, _) in c.SIDE_CODES.items()}
_REGIONS = {code: region for region, (code, _) in c.REGION_CODES.items()}


def read_bundle(data: bytes, zone: tzinfo = UTC) -> ClinicRecord:
    """The plain values in a Bundle this module wrote; times come back as wall-clock time in `zone`."""
    try:
        bundle = Bundle.model_validate_json(data)
    except ValidationError as error:
        raise ValueError(f"This is not a valid FHIR R4 Bundle: {error.errors()[0]['msg']}") from error
    found: dict[str, list[Any]] = {key: [] for key in ("pains", "pegs", "exercises", "psfs", "pgic", "reg", "prn")}
    name = ""
    for entry in bundle.entry or ():
        resource: Any = entry.resource
        if resource is None:
            continue
        kind = resource.get_resource_type()
        try:
            if kind == "Patient":
                name = next((n.text for n in resource.name or () if n.text), "")
            elif kind == "MedicationStatement":
                _medication(resource, zone, found)
            elif kind == "Observation":
                _observation(resource, zone, found)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError) as error:
            # Valid FHIR can still lack what Threshold writes (a pain score without a body site, say).
            raise ValueError(f"{kind} {resource.id or ''} is not laid out as Threshold writes it: {error}") from error
    return ClinicRecord(
        name,
        tuple(found["pains"]),
        tuple(found["pegs"]),
        tuple(found["exercises"]),
        tuple(found["psfs"]),
        tuple(found["pgic"]),
        tuple(found["reg"]),
        tuple(found["prn"]),
    )


def _codes(concept: Any, system: str) -> list[str]:
    return [str(coding.code) for coding in (concept.coding if concept else None) or () if coding.system == system]


def _when(value: datetime | date | str, zone: tzinfo) -> datetime | date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None)
    return value


def _day(value: datetime | date | str, zone: tzinfo) -> date:
    found = _when(value, zone)
    return found.date() if isinstance(found, datetime) else found


def _moment(value: datetime | date | str, zone: tzinfo) -> datetime:
    found = _when(value, zone)
    return found if isinstance(found, datetime) else datetime.combine(found, datetime.min.time())


def _observation(o: Any, zone: tzinfo, found: dict[str, list[Any]]) -> None:
    loinc, local = _codes(o.code, c.LOINC), _codes(o.code, c.LOCAL)
    when = o.effectiveDateTime
    if c.PAIN in loinc:
        found["pains"].append(_pain(o, _when(when, zone)))
    elif c.PEG_PANEL in loinc:
        items = {code: comp.valueInteger for comp in o.component or () for code in _codes(comp.code, c.LOCAL)}
        values = [items[code] for code, _ in c.PEG_ITEMS.values()]
        found["pegs"].append(PegEntry(_day(when, zone), *values))
    elif c.EXERCISE_ACTIVITY in loinc:
        durations = [
            float(comp.valueQuantity.value)
            for comp in o.component or ()
            if c.EXERCISE_DURATION in _codes(comp.code, c.LOINC)
        ]
        name = o.valueCodeableConcept.text
        found["exercises"].append(ExerciseEntry(_moment(when, zone), name, durations[0] if durations else None))
    elif c.PSFS[0] in local:
        found["psfs"].append(PsfsEntry(_day(when, zone), o.code.text, o.valueInteger))
    elif c.PGIC[0] in local:
        found["pgic"].append(PgicEntry(_day(when, zone), o.valueInteger))


def _pain(o: Any, when: datetime | date) -> PainEntry:
    site = o.bodySite
    lateral = [
        code for e in site.extension or () if e.url == c.LATERALITY for code in _codes(e.valueCodeableConcept, c.SNOMED)
    ]
    side = _SIDES.get(lateral[0], Side.NONE) if lateral else Side.NONE
    coded = [_REGIONS[code] for code in _codes(site, c.SNOMED) if code in _REGIONS]
    region = coded[0] if coded else _region_from_text(site.text or "", side)
    contexts = [
        _CONTEXTS[code]
        for comp in o.component or ()
        if c.CONTEXT_CODE[0] in _codes(comp.code, c.LOCAL)
        for code in _codes(comp.valueCodeableConcept, c.LOCAL)
        if code in _CONTEXTS
    ]
    return PainEntry(when, o.valueInteger, region, side, contexts[0] if contexts else Context.MORNING)


def _region_from_text(text: str, side: Side) -> str:
    """A region sent as text only ('Upper back', 'Left ankle'): its key, as the app writes keys ('upper_back')."""
    words = text.removeprefix(f"{side.value.capitalize()} ") if side is not Side.NONE else text
    return words.strip().lower().replace(" ", "_")


def _dose(statement: Any) -> tuple[float, str]:
    quantity = statement.dosage[0].doseAndRate[0].doseQuantity
    return float(quantity.value), str(quantity.unit)


def _medication(m: Any, zone: tzinfo, found: dict[str, list[Any]]) -> None:
    name = m.medicationCodeableConcept.text
    dose, unit = _dose(m)
    if m.dosage[0].asNeededBoolean:
        found["prn"].append(AsNeededDose(name, dose, unit, _moment(m.effectiveDateTime, zone)))
    else:
        period = m.effectivePeriod
        end = _day(period.end, zone) if period.end is not None else None
        found["reg"].append(RegularMedication(name, dose, unit, _day(period.start, zone), end))
