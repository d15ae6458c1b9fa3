"""An import's preview as terminal text: what would be added and how each exercise maps."""

from __future__ import annotations

from services.import_preview import Preview, already_text, others_text
from tracker.describe import counted

UNIT_WORDS = {"kg": "kilograms", "lb": "pounds", "per row": "as each row says"}


def preview_lines(preview: Preview) -> list[str]:
    """The preview as lines to print before asking whether to import."""
    if not preview.first:
        span = "no dates"
    elif preview.first == preview.last:
        span = f"on {preview.first}"
    else:
        span = f"{preview.first} to {preview.last}"
    lines = [f"{counted(preview.sessions, 'session')} with {counted(preview.sets, 'set')}, {span}."]
    if preview.unit is not None:
        said = "as the file says" if preview.unit_from_file else "as you said with --unit"
        lines.append(f"Weights in {UNIT_WORDS.get(preview.unit, preview.unit)} ({said}).")
    if preview.others:
        lines.append(others_text(preview))
    if preview.already_stored:
        lines.append(already_text(preview))
    if preview.exercises:
        lines.append("Exercises (name in the file -> in Threshold, how it was matched, sessions):")
    for item in preview.exercises:
        lines.append(f"  {item.name} -> {item.target} ({item.how_text}, {item.sessions:,})")
        if item.closest:
            closest = ", ".join(item.closest)
            lines.append(f'      closest in your list: {closest}; to use one: --map "{item.name}=NAME"')
    lines.extend(f"Warning: {warning}" for warning in preview.warnings)
    if preview.regions_note:
        lines.append(f"Note: {preview.regions_note}")
    return lines
