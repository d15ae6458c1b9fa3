"""Run `streamlit run app.py` on a free loopback port for a test (or a benchmark), and stop it afterwards;
and where Chromium is and how to start it on this kind of machine."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.cluster import free_port, stop

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("THRESHOLD_CHROMIUM", "/usr/bin/chromium"))
# Headless in a container: no sandbox or GPU, and none of Chromium's own background traffic.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_S = 60.0
POLL_S = 0.1


@dataclass(frozen=True)
class Server:
    """A running Streamlit server: where to reach it and where its output goes."""

    url: str
    port: int
    log: Path
    pid: int


def healthy(url: str) -> bool:
    """True once the app at url answers its health check with ok."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return bool(reply.read().strip() == b"ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""


@contextmanager
def streamlit_server(
    folder: Path, env: Mapping[str, str], *, secrets: Path | None = None, port: int | None = None
) -> Iterator[Server]:
    """Start the app from the repository root with env added; yield once /_stcore/health says ok.

    Secrets come only from `secrets` (a file that need not exist), never from the repository's or the
    user's own .streamlit/secrets.toml, so a developer's sign-in settings cannot leak into a test.
    """
    port = port or free_port()
    log = folder / f"streamlit-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
        f"--secrets.files={secrets or folder / 'no-secrets.toml'}",
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not healthy(url):
            if time.monotonic() > deadline:
                raise RuntimeError(f"Streamlit did not answer on {url} within {START_TIMEOUT_S:g} s:\n{_tail(log)}")
            try:
                # Waiting on the process doubles as the poll interval and notices an early exit.
                code = process.wait(timeout=POLL_S)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"Streamlit exited with code {code} before answering:\n{_tail(log)}")
        yield Server(url, port, log, process.pid)
    finally:
        stop(process)
