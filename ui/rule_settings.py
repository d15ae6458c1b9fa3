"""The Settings form for the suggestion rules' thresholds."""

from __future__ import annotations

import streamlit as st

from services.context import Ctx
from services.profiles import get_settings, save_settings
from tracker.errors import ValidationError
from tracker.rules import SPECS, check_rules, thresholds
from ui.cache import after_write
from ui.forms import field_error, flash, set_errors, show_flash

FORM = "rules"


def _save(ctx: Ctx, rules: dict[str, float]) -> None:
    """Store the thresholds alongside the unchanged other settings (save_settings checks them all)."""
    settings = get_settings(ctx)
    raw = {
        "unit": settings.unit,
        "pain_limit": settings.pain_limit,
        "regions": list(settings.regions),
        "display_name": settings.display_name,
        "rules": rules,
    }
    save_settings(ctx, raw)
    after_write(ctx)


def _submit(ctx: Ctx) -> None:
    raw = {spec.key: st.session_state.get(f"rule:{spec.key}") for spec in SPECS}
    try:
        rules = check_rules(raw)
    except ValidationError as error:
        set_errors(FORM, error.errors)
        return
    set_errors(FORM, {})
    _save(ctx, rules)
    flash("Suggestion thresholds saved.", FORM)


def _reset(ctx: Ctx) -> None:
    set_errors(FORM, {})
    for spec in SPECS:
        st.session_state.pop(f"rule:{spec.key}", None)
    _save(ctx, {})
    flash("Suggestion thresholds are back to their defaults.", FORM)


def render_rule_settings(ctx: Ctx) -> None:
    """Number inputs for every threshold (current values filled in), Save and Reset to defaults."""
    values = thresholds(get_settings(ctx).rules)
    st.write("The rules behind suggestions. Change them only with your physiotherapist's advice.")
    for spec in SPECS:
        key = f"rule:{spec.key}"
        if spec.integer:
            st.number_input(spec.label, value=values.count(spec.key), step=1, key=key, help=spec.help or None)
        else:
            st.number_input(
                spec.label, value=float(values[spec.key]), step=0.05, format="%g", key=key, help=spec.help or None
            )
        field_error(FORM, spec.key)
    save, reset = st.columns(2)
    save.button("Save thresholds", key="rules_save", type="primary", on_click=_submit, args=(ctx,))
    reset.button("Reset to defaults", key="rules_reset", on_click=_reset, args=(ctx,))
    # Beside the buttons, where the eye and the keyboard focus are, not at the top of the long Settings page.
    show_flash(FORM)
