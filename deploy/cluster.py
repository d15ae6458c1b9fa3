"""Render the nginx config for N app servers and run the lot: `python -m deploy.cluster --servers 2`.

Each app server is a plain `streamlit run app.py` on its own loopback port, all with the same environment
(DATABASE_URL on one PostgreSQL) and the same .streamlit/secrets.toml (the same [auth] cookie_secret, so
a sign-in cookie made by one server is good on every other). nginx listens on the public port.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = os.environ.get("THRESHOLD_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
# How long nginx leaves a server out after it failed once (passive health check).
FAIL_TIMEOUT_S = 10
START_TIMEOUT_S = 60.0


def render(listen: str, upstreams: Sequence[str], run_dir: Path) -> str:
    """The nginx config: listen on `listen` (port or address:port) in front of `upstreams` (host:port)."""
    servers = "\n".join(
        f"        server {address} max_fails=1 fail_timeout={FAIL_TIMEOUT_S}s;" for address in upstreams
    )
    fields = {
        "@USER@": getpass.getuser(),
        "@RUN_DIR@": str(run_dir),
        "@LISTEN@": listen,
        "@SERVERS@": servers,
        "@FAIL_TIMEOUT@": f"{FAIL_TIMEOUT_S} s",
    }
    text = TEMPLATE.read_text()
    for field, value in fields.items():
        text = text.replace(field, value)
    return text


def nginx_missing() -> str | None:
    """None when nginx can be run here, else how to install it."""
    if Path(NGINX).exists() or shutil.which(NGINX):
        return None
    return f"nginx not found at {NGINX}; install it with `apt-get install -y nginx` (or set THRESHOLD_NGINX)"


def answers(url: str) -> bool:
    """True when url answers 200 with a body of 'ok' (Streamlit's /_stcore/health)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return bool(reply.read().strip() == b"ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_until(ready: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until `ready` answers ok; fail early, with the log's end, if the process exits first."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while not answers(ready):
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{ready} did not answer (exit code {process.returncode}):\n{tail}")
        time.sleep(0.1)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask a process to end, and kill it if it has not within 15 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def nginx(port: int, upstreams: Sequence[str], run_dir: Path) -> Iterator[Path]:
    """Run nginx in the foreground on 127.0.0.1:port in front of the upstreams; yield its config file.

    Returns once a health check through nginx answers, so at least one upstream must be up.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    conf = run_dir / "nginx.conf"
    conf.write_text(render(f"127.0.0.1:{port}", upstreams, run_dir))
    log = run_dir / "error.log"
    command = [NGINX, "-c", str(conf), "-p", str(run_dir), "-e", str(log), "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until(f"http://127.0.0.1:{port}/_stcore/health", process, log)
        yield conf
    finally:
        stop(process)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def app_server(port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`streamlit run app.py` on 127.0.0.1:port with this process's environment; yield once healthy."""
    command = [
        sys.executable,
        *("-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=127.0.0.1"),
        f"--server.port={port}",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(f"http://127.0.0.1:{port}/_stcore/health", process, log)
        yield process
    finally:
        stop(process)


def main(argv: Sequence[str] | None = None) -> None:
    """Start N app servers and nginx in front of them; stop them all on Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=2, help="how many app servers (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument("--first-app-port", type=int, default=8501, help="app servers use this and the next ones")
    parser.add_argument("--run-dir", type=Path, help="config, logs and pid file (default: a new temporary folder)")
    args = parser.parse_args(argv)
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="threshold-cluster-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = [args.first_app_port + i for i in range(args.servers)]
    with ExitStack() as stack:
        for port in ports:
            stack.enter_context(app_server(port, run_dir / f"streamlit-{port}.log"))
        conf = stack.enter_context(nginx(args.port, [f"127.0.0.1:{p}" for p in ports], run_dir))
        print(f"{len(ports)} app servers on ports {', '.join(map(str, ports))}; nginx on {args.port} ({conf})")
        print("Ctrl-C stops them all.", flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        try:
            signal.pause()
        except KeyboardInterrupt:
            print("stopping")


if __name__ == "__main__":
    main()
