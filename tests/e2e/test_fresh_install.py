"""The README's first command, followed in a fresh virtual environment with only requirements.txt, starts an
app that answers its health check: the app needs nothing from the development requirements.

It installs every requirement (a minute or more), so it runs where CI=true or THRESHOLD_FRESH_INSTALL=1 (both
set by .ci/run) and is skipped elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.server import ROOT, free_port, healthy

INSTALL_AND_RUN = "pip install -r requirements.txt && streamlit run app.py"
WANTED = "THRESHOLD_FRESH_INSTALL"
INSTALL_TIMEOUT_S = 900

pytestmark = [
    pytest.mark.fresh_install,
    pytest.mark.skipif(
        os.environ.get("CI", "").lower() != "true" and os.environ.get(WANTED, "") in ("", "0"),
        reason=f"installs every requirement into a new virtual environment; set {WANTED}=1 (as .ci/run does)",
    ),
]


def test_readme_first_command_in_a_fresh_venv_reaches_health(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    assert INSTALL_AND_RUN in readme, "the README's first command changed: change this test with it"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    port = free_port()
    # The README's command as typed, with the port and address a test needs added at the end.
    command = f". {venv}/bin/activate && {INSTALL_AND_RUN} --server.port={port} --server.address=127.0.0.1"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(sys.prefix))
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'app.db'}"
    env["THRESHOLD_DEMO_URL"] = f"sqlite:///{tmp_path / 'demo.db'}"
    log = tmp_path / "install-and-run.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "-c", command], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + INSTALL_TIMEOUT_S
        while not healthy(url):
            assert time.monotonic() < deadline, f"no answer within {INSTALL_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
            try:
                # Waiting on the command doubles as the poll interval and notices when it stops early.
                code = process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the command stopped with code {code}:\n{log.read_text()[-3000:]}")
        installed = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "list"], capture_output=True, text=True, check=True
        ).stdout.lower()
        for dev_only in ("pytest", "playwright", "ruff", "mypy"):
            assert dev_only not in installed, f"{dev_only} came with requirements.txt"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)
