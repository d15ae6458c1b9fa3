"""Load: K simulated people in Chromium against 1 and 2 app servers behind nginx, over one PostgreSQL.

`python bench/load.py --quick` (K = 1 and 3) or `--people 1 10 25 50 --servers 1 2`. Each person signs in
through a local OpenID Connect provider (not timed), then: opens Today, logs a session, opens Progress
over two years of history, and builds the PDF report. Prints one JSON object per line: p50 and p95 per
action, errors, the peak of PostgreSQL connections to the benchmark's database (pg_stat_activity, sampled
every 0.2 s), the app servers' memory per open session, the CPU the app servers and the load generator
(this process and its Chromiums) used, and the load average. Local only: everything listens on 127.0.0.1,
and it makes its own database (dropped afterwards). Never run by the tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, expect, sync_playwright

from bench.load_database import ConnectionPeak, bench_database
from bench.processes import descendants, usage
from deploy.cluster import free_port
from services.context import ensure_profile, open_database
from services.demo import fill_demo_once
from tests.e2e.cluster import ROUTE_COOKIE, Cluster, app_cluster
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS
from tests.e2e.signin import oidc_provider, write_auth_secrets
from tests.e2e.test_log_session import PAIN, save_session
from tests.e2e.test_signin import sign_in
from tests.e2e.ui import choose, click, go_to, idle, open_app, type_into

YEARS = 2.0
ACTIONS = ("today", "log_session", "progress", "report")
CHART = "[data-testid='stVegaLiteChart']"
# Bounds: the slowest action on a busy 2-core machine (a PDF with charts) takes tens of seconds.
ACTION_TIMEOUT_MS = 180_000


def emit(**figures: object) -> None:
    """One JSON line."""
    print(json.dumps(figures), flush=True)


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)], 3)


def seed(db_url: str, issuer: str, people: list[str]) -> None:
    """Each person's profile, under the subject sign-in will give them, with two years of history."""
    database = open_database(db_url)
    try:
        for number, person in enumerate(people, start=1):
            fill_demo_once(ensure_profile(database, f"{issuer}|{person}", person.title()), years=YEARS, seed=number)
    finally:
        database.dispose()


# --- one person ------------------------------------------------------------------------------------------


@dataclass
class Person:
    """What one simulated person measured: seconds per action, and the error that stopped them, if any."""

    name: str
    seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None


def _today(page: Page, url: str) -> None:
    open_app(page, url)


def _log_session(page: Page, url: str) -> None:
    go_to(page, "Log session", "Log a session")
    choose(page, "Exercise 1", "Leg press · machine")
    type_into(page, "Sets", 1)
    type_into(page, "Set 1 weight (kg)", 50)
    type_into(page, "Set 1 reps", 12)
    # The made-up history tracks two body regions, so each pain question is asked once per region.
    for label, value in PAIN.items():
        for box in page.get_by_label(label, exact=True).all():
            box.fill(str(value))
            box.press("Enter")
            idle(page)
    save_session(page)


def _progress(page: Page, url: str) -> None:
    go_to(page, "Progress")
    page.locator(CHART).first.wait_for(state="visible")
    idle(page)


def _report(page: Page, url: str) -> None:
    go_to(page, "Report", "Report for your doctor")
    click(page, "Prepare the PDF")
    expect(page.get_by_role("button", name="Download the PDF").or_(page.get_by_test_id("stException"))).to_be_visible()
    idle(page)  # raises with the app's error message, if it shows one


STEPS: dict[str, Callable[[Page, str], None]] = {
    "today": _today,
    "log_session": _log_session,
    "progress": _progress,
    "report": _report,
}


WARM_UP = "warmup"


def warm_up(cluster: Cluster) -> None:
    """One signed-in visit to Today, Progress and a PDF report on each server, so the first run's imports
    (pandas, Altair, the PDF and chart-image code) do not count as memory of the sessions that follow."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        for server in cluster.servers:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            route = cluster.route_to(server.port)
            context.add_cookies([{"name": ROUTE_COOKIE, "value": route, "url": cluster.url}])
            page = context.new_page()
            sign_in(page, cluster.url, WARM_UP)
            _progress(page, cluster.url)
            _report(page, cluster.url)
            context.close()
        browser.close()


def run_person(person: Person, url: str, start: threading.Barrier, done: threading.Barrier) -> None:
    """Sign in, wait for everyone, do the four actions, then keep the session open until measured."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(ACTION_TIMEOUT_MS)
        try:
            sign_in(page, url, person.name)
        except Exception as error:  # any failure is counted, and this person stops
            person.error = f"sign-in: {error}".splitlines()[0]
        finally:
            start.wait()
        for action, step in STEPS.items():
            if person.error:
                break
            began = time.perf_counter()
            try:
                step(page, url)
                person.seconds[action] = time.perf_counter() - began
            except Exception as error:  # any failure is counted, and this person stops
                person.error = f"{action}: {error}".splitlines()[0]
                traceback.print_exc(file=sys.stderr)
        done.wait()  # every session is open now; the main thread measures memory
        done.wait()  # ...and has measured it
        browser.close()


# --- one configuration: S servers, K people --------------------------------------------------------------


def run(db_url: str, servers: int, people: list[str], provider: str, folder: Path) -> None:
    """K people at once against `servers` app servers behind nginx; prints the figures."""
    secrets_port = free_port()
    secrets = write_auth_secrets(folder / "secrets.toml", secrets_port, provider)
    env = {"DATABASE_URL": db_url, "THRESHOLD_DEMO_URL": f"sqlite:///{folder / 'demo.db'}"}
    with app_cluster(folder, env, servers, secrets=secrets, nginx_port=secrets_port) as cluster:
        app_pids = {s.pid for s in cluster.servers}
        warm_up(cluster)
        app_cpu_before, app_rss_before = usage(app_pids)
        crowd = [Person(name) for name in people]
        start, done = threading.Barrier(len(crowd) + 1), threading.Barrier(len(crowd) + 1)
        threads = [threading.Thread(target=run_person, args=(p, cluster.url, start, done)) for p in crowd]
        load_before = os.getloadavg()[0]
        with ConnectionPeak(db_url) as connections:
            for thread in threads:
                thread.start()
            start.wait()
            began, own_before = time.perf_counter(), time.process_time()
            generator_before = usage(descendants(os.getpid()) - app_pids - _nginx())[0]
            done.wait()
            wall = time.perf_counter() - began
            app_cpu, app_rss = usage(app_pids)
            generator = usage(descendants(os.getpid()) - app_pids - _nginx())[0]
            generator_cpu = generator - generator_before + time.process_time() - own_before
            load_after = os.getloadavg()[0]
            done.wait()
            for thread in threads:
                thread.join()
        for action in ACTIONS:
            times = [p.seconds[action] for p in crowd if action in p.seconds]
            emit(
                servers=servers,
                people=len(crowd),
                action=action,
                p50_s=percentile(times, 0.5),
                p95_s=percentile(times, 0.95),
                done=len(times),
            )
        emit(
            servers=servers,
            people=len(crowd),
            errors=sum(p.error is not None for p in crowd),
            error_messages=sorted({p.error for p in crowd if p.error}),
            peak_db_connections=connections.peak,
            server_mb_per_open_session=round((app_rss - app_rss_before) / len(crowd) / 2**20, 1),
            server_mb_total=round(app_rss / 2**20, 1),
            wall_s=round(wall, 1),
            app_servers_cpu_s=round(app_cpu - app_cpu_before, 1),
            load_generator_cpu_s=round(generator_cpu, 1),
            load_average=[round(load_before, 2), round(load_after, 2)],
        )


def _nginx() -> set[int]:
    """nginx's processes below this one (so they count neither as app server nor as load generator)."""
    pids = set()
    for pid in descendants(os.getpid()):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == "nginx":
                pids.add(pid)
        except FileNotFoundError:
            continue
    return pids


def main(argv: list[str] | None = None) -> int:
    """Run every configuration asked for, fewest people first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="K = 1 and 3 on 1 and 2 servers")
    parser.add_argument("--people", type=int, nargs="+", default=[1, 10, 25, 50], help="values of K")
    parser.add_argument("--servers", type=int, nargs="+", default=[1, 2], help="numbers of app servers")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (default: a new one, then dropped)")
    parser.add_argument("--logs", type=Path, help="keep the servers' and nginx's logs in this folder")
    args = parser.parse_args(argv)
    expect.set_options(timeout=ACTION_TIMEOUT_MS)
    counts = [1, 3] if args.quick else sorted(args.people)
    names = [f"person{n:02d}" for n in range(1, max(counts) + 1)]
    with (
        tempfile.TemporaryDirectory(prefix="threshold-load-") as scratch,
        bench_database(args.database_url) as db_url,
        oidc_provider(WARM_UP, *names) as provider,
    ):
        issuer = json.load(urllib.request.urlopen(f"{provider}/.well-known/openid-configuration"))["issuer"]
        seed(db_url, issuer, [WARM_UP, *names])
        for servers in args.servers:
            for count in counts:
                folder = (args.logs or Path(scratch)) / f"s{servers}-k{count}"
                folder.mkdir(parents=True)
                run(db_url, servers, names[:count], provider, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
