"""The commands that read or change one profile: settings, the doctor's report and today's suggestions.

Each imports the services it needs when it runs, so the parser (and `--help`) stays light.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

REPORT_DAYS = timedelta(weeks=12)


def run_settings(args: argparse.Namespace) -> int:
    """Show the settings, and change the ones given (checked like the Settings page checks them)."""
    from services.profiles import get_settings, save_settings
    from terminal.common import changed, open_ctx

    ctx = open_ctx(args.db, args.profile, create=True)
    now = get_settings(ctx)
    if args.unit or args.pain_limit is not None or args.regions:
        wanted = {
            "unit": args.unit or now.unit,
            "pain_limit": now.pain_limit if args.pain_limit is None else args.pain_limit,
            "regions": list(args.regions or now.regions),
            "display_name": now.display_name,
        }
        now = save_settings(ctx, wanted)
        changed(ctx)
        print("Saved.")
    print(f"unit: {now.unit}")
    print(f"pain limit: {now.pain_limit}/10")
    print(f"regions: {','.join(now.regions)}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Write the doctor's report as a PDF."""
    from formats.chart_process import ChartProcess

    # Started first: the charts' process loads its libraries and engine while this one imports and reads.
    try:
        drawer: ChartProcess | None = ChartProcess()
    except OSError:
        drawer = None  # the charts are drawn in this process instead
    try:
        from services.profiles import get_settings
        from services.report import report_first_day, report_pdf
        from terminal.common import open_ctx, write_file
        from tracker.report import check_report_request

        ctx = open_ctx(args.db, args.profile, create=False)
        today = date.today()
        end = args.end or today
        regions = args.regions or get_settings(ctx).regions
        start, end, regions = check_report_request(args.start or end - REPORT_DAYS, end, regions, today=today)
        out = args.output or Path(f"threshold-report-{start}-to-{end}.pdf")
        data = report_pdf(ctx, start=start, end=end, regions=regions, drawer=drawer)
        write_file(out, data)
    except BaseException:
        if drawer is not None:
            drawer.stop()  # a wrong --db or range should not wait for the chart engine to finish starting
        raise
    if drawer is not None:
        drawer.close()
    shown = report_first_day(ctx, start, end)
    ctx.db.dispose()  # closed here: the process may end without its teardown (terminal.outcome.run_process)
    moved = f" (from the first day logged; asked from {start})" if shown != start else ""
    print(f"Report for {shown} to {end}{moved} written to {out} ({len(data) / 1024:.0f} KB).")
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """Print today's suggestions, red flags first."""
    from services.suggestions import current
    from terminal.common import open_ctx

    ctx = open_ctx(args.db, args.profile, create=False)
    found = current(ctx, today=args.today)
    if not found:
        print("No suggestions right now.")
    for number, suggestion in enumerate(found, start=1):
        print(f"{number}. [{suggestion.kind}] {suggestion.title}")
        print(f"   {suggestion.what}")
        print(f"   Why: {suggestion.reason}")
    return 0
