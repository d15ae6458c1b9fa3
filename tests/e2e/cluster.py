"""Several app servers behind nginx, for a test or a benchmark: start them, pin a browser to one, stop one."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from deploy.cluster import free_port, nginx
from tests.e2e.server import Server, streamlit_server

ROUTE_COOKIE = "threshold_route"
SERVER_HEADER = "X-Threshold-Server"
# Each cookie value lands on a given server with probability 1/N; 200 tries all missing is beyond belief.
ROUTE_TRIES = 200


@dataclass
class Cluster:
    """nginx's address and the app servers behind it (each stoppable on its own)."""

    url: str
    servers: list[Server]
    _stacks: dict[int, ExitStack] = field(default_factory=dict)

    def server_behind(self, route: str) -> int:
        """The port of the app server nginx sends a browser with this affinity cookie to."""
        request = urllib.request.Request(f"{self.url}/_stcore/health", headers={"Cookie": f"{ROUTE_COOKIE}={route}"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            # After a failed try nginx lists every server it tried; the last one answered.
            answered = reply.headers[SERVER_HEADER].split(",")[-1].strip()
        return int(answered.rsplit(":", 1)[1])

    def route_to(self, port: int) -> str:
        """An affinity cookie value that nginx hashes to the app server on `port` (found by asking nginx)."""
        for attempt in range(ROUTE_TRIES):
            if self.server_behind(f"pin-{attempt}") == port:
                return f"pin-{attempt}"
        raise AssertionError(f"no cookie among {ROUTE_TRIES} tries reaches the server on port {port}")

    def stop(self, port: int) -> None:
        """Stop one app server, as a crash or a redeploy would; nginx keeps running."""
        self._stacks.pop(port).close()


@contextmanager
def app_cluster(
    folder: Path, env: Mapping[str, str], count: int, *, secrets: Path | None = None, nginx_port: int | None = None
) -> Iterator[Cluster]:
    """`count` app servers with the same env and secrets, and nginx in front on a free port."""
    nginx_port = nginx_port or free_port()
    with ExitStack() as outer:
        stacks: dict[int, ExitStack] = {}
        servers = []
        for _ in range(count):
            stack = outer.enter_context(ExitStack())
            server = stack.enter_context(streamlit_server(folder, env, secrets=secrets))
            stacks[server.port] = stack
            servers.append(server)
        upstreams = [f"127.0.0.1:{s.port}" for s in servers]
        outer.enter_context(nginx(nginx_port, upstreams, folder / "nginx"))
        yield Cluster(f"http://127.0.0.1:{nginx_port}", servers, stacks)
