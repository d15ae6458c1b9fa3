"""Start-up work the app shell spares a fresh server."""

from __future__ import annotations

import pytest
from streamlit import delta_generator

from ui import shell


def test_streamlit_still_has_the_flag_that_skips_its_prompt_check() -> None:
    # If a Streamlit upgrade renames it, setting it would silently stop saving the check's time.
    assert isinstance(delta_generator._use_warning_has_been_displayed, bool)


@pytest.mark.parametrize("served", [True, False])
def test_the_prompt_check_is_skipped_only_under_a_running_server(monkeypatch: pytest.MonkeyPatch, served: bool) -> None:
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    monkeypatch.setattr(shell.runtime, "exists", lambda: served)
    shell.skip_repl_check()
    assert delta_generator._use_warning_has_been_displayed is served
