"""The house reads top to bottom: every import in the repository points down the layers, never up or sideways.

entry points (app.py, cli.py, pages/, bench/, deploy/) -> ui/ and terminal/ -> services/ -> db/ and formats/
(and demo/) -> tracker/. Imports inside functions and under TYPE_CHECKING count too: a lazy import is still an
arrow.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Higher imports lower. Within one rank only the entry points and tools may import each other (bench/ starts
# deploy/'s cluster); below them a package does not know its neighbours (db/ and formats/, ui/ and terminal/).
LAYERS = {
    "app": 5,
    "cli": 5,
    "pages": 5,
    "bench": 5,
    "deploy": 5,
    "ui": 4,
    "terminal": 4,
    "services": 3,
    "db": 2,
    "formats": 2,
    "demo": 2,
    "tracker": 1,
}
TOP = max(LAYERS.values())
# Libraries a layer must not know, beyond what the ranks already forbid.
FORBIDDEN = {
    "tracker": {"streamlit", "sqlalchemy", "altair", "pandas", "alembic"},
    "formats": {"streamlit", "sqlalchemy", "alembic"},
    "demo": {"streamlit", "sqlalchemy", "altair"},
    "db": {"streamlit", "altair"},
    "services": {"streamlit", "altair", "vl_convert", "fpdf"},
    "terminal": {"streamlit"},
}
SKIPPED = {"tests", ".venv", "venv", "build", ".git"}


def first_party() -> set[str]:
    """Top-level names of the repository's own modules and packages."""
    names = {p.stem for p in ROOT.glob("*.py")}
    names |= {p.parent.name for p in ROOT.glob("*/__init__.py")}
    return names - SKIPPED


def python_files(root: Path) -> Iterator[Path]:
    """Every Python file of the application (tests and virtual environments left out)."""
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if parts[0] not in SKIPPED and not parts[0].startswith("."):
            yield path


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """(line, top-level module name) of every import in a file, wherever in the file it is."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def violations(root: Path) -> list[str]:
    """Each import that points up or sideways, or at a library its layer must not know, as 'file:line: why'."""
    own = (
        first_party()
        if root == ROOT
        else {p.stem for p in root.glob("*.py")} | {p.parent.name for p in root.glob("*/__init__.py")}
    )
    found = []
    for path in python_files(root):
        where = path.relative_to(root)
        layer = where.parts[0].removesuffix(".py")
        if layer not in LAYERS:
            found.append(f"{where}: {layer!r} has no layer; add it to LAYERS in this test")
            continue
        for line, name in imported(path):
            if name in own and name != layer:
                if name not in LAYERS:
                    found.append(f"{where}:{line}: imports {name!r}, which has no layer")
                elif LAYERS[name] > LAYERS[layer] or LAYERS[name] == LAYERS[layer] < TOP:
                    found.append(
                        f"{where}:{line}: {layer} (layer {LAYERS[layer]}) imports {name} (layer {LAYERS[name]})"
                    )
            elif name in FORBIDDEN.get(layer, ()):
                found.append(f"{where}:{line}: {layer} imports {name}")
    return found


def test_every_import_points_down_the_layers():
    assert violations(ROOT) == []


def test_tracker_uses_the_standard_library_only():
    outside = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in python_files(ROOT)
        if path.relative_to(ROOT).parts[0] == "tracker"
        for line, name in imported(path)
        if name not in sys.stdlib_module_names and name not in {"tracker", "__future__"}
    ]
    assert outside == []


@pytest.mark.parametrize(
    ("file", "source", "why"),
    [
        ("formats/pdf.py", "from services.report import build_report\n", "formats (layer 2) imports services"),
        ("formats/pdf.py", "def later():\n    import sqlalchemy\n", "formats imports sqlalchemy"),
        ("formats/pdf.py", "from db import queries\n", "formats (layer 2) imports db"),
        ("tracker/x.py", "import altair as alt\n", "tracker imports altair"),
        ("tracker/x.py", "from formats import tables\n", "tracker (layer 1) imports formats"),
        ("services/x.py", "import altair\n", "services imports altair"),
        ("services/x.py", "from ui.session import current_ctx\n", "services (layer 3) imports ui"),
        ("ui/x.py", "import cli\n", "ui (layer 4) imports cli"),
        ("db/x.py", "from formats import tables\n", "db (layer 2) imports formats"),
        ("newpackage/x.py", "", "'newpackage' has no layer"),
    ],
)
def test_a_planted_wrong_arrow_is_found(tmp_path, file, source, why):
    for package in ("formats", "services", "tracker", "db", "ui"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "cli.py").write_text("")
    (tmp_path / file).parent.mkdir(exist_ok=True)
    (tmp_path / file).write_text(source)
    (found,) = violations(tmp_path)
    assert why in found and found.startswith(file)
