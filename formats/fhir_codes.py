"""The code systems and codes a FHIR export for a clinic uses, in one place for the writer and the reader."""

from __future__ import annotations

from formats.fhir_input import Context, Side

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# Threshold's own codes, for what no standard terminology names: the person's own PSFS activities, PGIC,
# the PEG items, when a pain rating was taken. A clinic's system shows their display text.
LOCAL = "urn:threshold:codes"
# Core R4 has no element for the side of a CodeableConcept bodySite; mCODE's laterality qualifier is the
# extension other guides reuse for it, carrying the SNOMED CT laterality code.
LATERALITY = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"

PAIN = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
PEG_PANEL = "91148-7"
PEG_SCORE = "91147-9"
EXERCISE_DURATION = "55411-3"
EXERCISE_ACTIVITY = "73985-4"

# SNOMED CT body structures for the regions the app offers; anything else goes out as text only.
REGION_CODES: dict[str, tuple[str, str]] = {
    "lower_back": ("37822005", "Lower back structure"),
    "neck": ("45048000", "Neck structure"),
    "hip": ("29836001", "Hip region structure"),
    "knee": ("72696002", "Knee region structure"),
    "shoulder": ("16982005", "Shoulder region structure"),
}
SIDE_CODES: dict[Side, tuple[str, str]] = {Side.LEFT: ("7771000", "Left"), Side.RIGHT: ("24028007", "Right")}

CONTEXT_CODE = ("pain-context", "When the pain was rated")
CONTEXT_CODES: dict[Context, tuple[str, str]] = {
    Context.BEFORE: ("before-session", "Before an exercise session"),
    Context.DURING: ("during-session", "At its worst during an exercise session"),
    Context.AFTER: ("after-session", "Straight after an exercise session"),
    Context.MORNING: ("morning", "On waking, in the morning check-in"),
}
PEG_ITEMS: dict[str, tuple[str, str]] = {
    "pain": ("peg-pain", "PEG: average pain in the past week (0-10)"),
    "enjoyment": ("peg-enjoyment", "PEG: how much pain got in the way of enjoying life (0-10)"),
    "activity": ("peg-activity", "PEG: how much pain got in the way of general activity (0-10)"),
}
PSFS = (
    "psfs-activity",
    "Patient-Specific Functional Scale: how well the person can do an activity they chose "
    "(0 unable to do it, 10 as well as before the problem)",
)
PGIC = (
    "pgic",
    "Patient Global Impression of Change since starting (1 very much improved, 4 no change, 7 very much worse)",
)
