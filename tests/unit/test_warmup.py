"""The chart pages' libraries load in the background once, after the first page is drawn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter, so modules another test imported cannot make the check pass by themselves.
SCRIPT = """
import sys
import ui.warmup as warmup
assert "pandas" not in sys.modules and "altair" not in sys.modules, "imported before the warm-up"
thread = warmup.warm_up_later()
assert thread is not None and thread.daemon
thread.join(120)
assert "pandas" in sys.modules and "altair" in sys.modules and "services.progress" in sys.modules
from formats import chart_specs
assert chart_specs._template.cache_info().currsize >= 7, "the Progress page's opening specs were not built"
assert warmup.warm_up_later() is None, "a second warm-up started"
import gc
assert gc.get_freeze_count() > 100_000, "the loaded libraries are still in the collector's full passes"
print("ok")
"""


def test_the_warm_up_loads_pandas_and_altair_once_in_a_daemon_thread() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


HOME_IMPORTS = """
import ast, importlib, sys
tree = ast.parse(open("pages/home.py").read())
for node in ast.walk(tree):
    if isinstance(node, ast.ImportFrom) and node.module:
        importlib.import_module(node.module)
    elif isinstance(node, ast.Import):
        for alias in node.names:
            importlib.import_module(alias.name)
for name in ("ui.shell", "ui.auth", "ui.demo", "ui.warmup"):  # what app.py imports besides Streamlit
    importlib.import_module(name)
print(sorted(n for n in ("pandas", "altair", "fpdf") if n in sys.modules))
"""


def test_the_home_page_draws_without_pandas_altair_or_fpdf() -> None:
    # What the first page imports decides how soon a fresh server shows it; the warm-up loads the rest after.
    done = subprocess.run([sys.executable, "-c", HOME_IMPORTS], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
