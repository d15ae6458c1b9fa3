"""Benchmark: peak memory of a large valid import and of a zip bomb upload.

Each case runs in a fresh Python process, so its peak resident memory (the kernel's ru_maxrss) is its own:
- `import`: a Threshold export zip of 1,000,000 set rows (100,000 sessions) imported into a fresh SQLite file;
- `bomb`: a zip of about 2 MB whose one member declares (honestly) 2 GB of zeros, and the same zip with its
  directory claiming 1 KB, and one that would inflate 60 MB at a ratio of 1000 to 1; each must be refused.
The baseline is the process's peak after importing the app's modules (and building the bomb), before the case runs.

Run `python -m bench.memory` (optionally `--sets N`, `--case import|bomb`). Prints JSON lines
{"metric": ..., "value": ..., "unit": ...} on stdout, one per figure.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

MB = 1024 * 1024
BOMB_BYTES = 2 * 1024 * MB


def _rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    # Linux keeps ru_maxrss across exec, so a child would inherit its parent's peak; VmHWM starts afresh.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 1), "unit": unit}), flush=True)


def bomb(size: int = BOMB_BYTES) -> bytes:
    """A zip whose single CSV member honestly declares `size` bytes of zeros (about size/1000 packed)."""
    buffer = io.BytesIO()
    chunk = b"0" * MB
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("sessions.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(size // MB):
            member.write(chunk)
    return buffer.getvalue()


def _write_export(sets: int, path: Path) -> None:
    """Write a Threshold export of `sets` set rows to path (in the parent, so the import's process starts clean)."""
    from bench import bench_import

    # A session every 3 hours from 1990: 100,000 sessions end in 2024, none in the future.
    bench_import.FIRST, bench_import.STEP = datetime(1990, 1, 1, 7, 0), timedelta(hours=3)
    path.write_bytes(bench_import.export_like(sets)[0])


def _import_case(path: Path, sets: int) -> None:
    from services.context import ensure_profile, open_database
    from services.transfer import import_file

    data = path.read_bytes()
    ctx = ensure_profile(open_database(str(path.with_suffix(".db"))))
    base = _rss_mb()
    start = time.perf_counter()
    result = import_file(ctx, "threshold-export.zip", data)
    took = time.perf_counter() - start
    if not result.written or result.sets_added != sets:
        raise SystemExit(f"import did not go through: {result.problems[:3]}")
    label = f"{sets // 1000}k" if sets % 1000 == 0 else str(sets)
    _emit(f"import_{label}_sets_upload", len(data) / MB, "MB")
    _emit(f"import_{label}_sets_peak_rss", _rss_mb(), "MB")
    _emit(f"import_{label}_sets_baseline_rss", base, "MB")
    _emit(f"import_{label}_sets_s", took, "s")


def _bomb_case() -> None:
    from formats.readers.model import FileProblem
    from formats.readers.upload import parse_upload
    from tests.reliability.hostile_files import lying_sizes, zeros_member

    honest = bomb()
    uploads = {
        "bomb_2gb_declared": honest,
        "bomb_2gb_directory_lies": lying_sizes(honest, 1024),
        "bomb_ratio_60mb": zeros_member("sessions.csv", 60 * MB),
    }
    base = _rss_mb()
    for name, data in uploads.items():
        start = time.perf_counter()
        try:
            parse_upload(f"{name}.zip", data)
        except FileProblem:
            pass
        else:
            raise SystemExit(f"{name} was not refused")
        _emit(f"{name}_refused_s", time.perf_counter() - start, "s")
        _emit(f"{name}_upload", len(data) / MB, "MB")
    _emit("bomb_uploads_peak_rss", _rss_mb(), "MB")
    _emit("bomb_uploads_baseline_rss", base, "MB")


def main(argv: list[str] | None = None) -> int:
    """Run each case in its own process (or the one asked for here) and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("import", "bomb"), help="run one case in this process")
    parser.add_argument("--sets", type=int, default=1_000_000, help="set rows to import (default 1,000,000)")
    parser.add_argument("--file", type=Path, help="the export to import (written by the parent run)")
    args = parser.parse_args(argv)
    if args.case == "import":
        _import_case(args.file, args.sets)
    elif args.case == "bomb":
        _bomb_case()
    else:
        subprocess.run([sys.executable, "-m", "bench.memory", "--case", "bomb"], check=True)
        with tempfile.TemporaryDirectory(prefix="threshold-memory-") as folder:
            export = Path(folder) / "export.zip"
            _write_export(args.sets, export)
            command = ["--case", "import", "--sets", str(args.sets), "--file", str(export)]
            subprocess.run([sys.executable, "-m", "bench.memory", *command], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
