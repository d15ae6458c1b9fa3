"""README.txt of the CSV export: a demo export says first that its data is made up."""

from __future__ import annotations

from datetime import datetime

from formats.readme import readme_text

MADE = datetime(2026, 11, 23, 18, 30)


def test_a_demo_export_says_at_the_top_that_it_is_made_up_data():
    text = readme_text("kg", MADE, demo=True)
    assert text.startswith("DEMO DATA: made-up example data, not a real person's record.")
    assert "Threshold demo data export, made 2026-11-23 18:30" in text
    assert "weight_kg" in text


def test_an_ordinary_export_does_not_mention_the_demo():
    text = readme_text("lb", MADE)
    assert text.startswith("Threshold data export, made 2026-11-23 18:30")
    assert "demo" not in text.lower()
