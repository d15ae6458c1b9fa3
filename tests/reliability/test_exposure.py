"""A local Threshold is private by default: it listens on this computer only, and stray tokens write nothing."""

from __future__ import annotations

import ast
import tomllib
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

import pytest
from streamlit.string_util import is_emoji

from services.context import Ctx
from services.sharing import create_link, list_links, open_link
from tests.conftest import Figures
from tracker import sharing
from tracker.sharing import InvalidLink

ROOT = Path(__file__).resolve().parents[2]


def test_the_server_listens_on_this_computer_only() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"


def test_the_page_icon_is_an_emoji_the_browser_draws_not_an_icon_from_a_font_server() -> None:
    app = (ROOT / "app.py").read_text()
    assert 'page_icon=":material' not in app and "page_icon=PAGE_ICON" in app
    icon = next(
        node.value.value
        for node in ast.walk(ast.parse(app))
        if isinstance(node, ast.Assign)
        and ast.unparse(node.targets[0]) == "PAGE_ICON"
        and isinstance(node.value, ast.Constant)
    )
    # Streamlit draws an emoji icon as an inline SVG; anything else it serves or fetches as an image.
    assert isinstance(icon, str) and is_emoji(icon), icon


@contextmanager
def no_writes(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Any write transaction on ctx's database fails the test while the block runs."""

    def refuse() -> NoReturn:
        raise AssertionError("a write transaction was opened")

    with monkeypatch.context() as patch:
        patch.setattr(ctx.db, "write", refuse)
        yield


@pytest.mark.parametrize(
    "mangle",
    [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: sharing.new_token(), lambda t: "x" * 40],
    ids=["tampered", "random", "made up"],
)
def test_a_wrong_token_is_refused_without_opening_a_write_transaction(
    ctx: Ctx, monkeypatch: pytest.MonkeyPatch, mangle: Any, figures: Figures
) -> None:
    token = create_link(ctx, start=date.today() - timedelta(days=7), end=date.today(), regions=["lower_back"])
    with no_writes(ctx, monkeypatch), pytest.raises(InvalidLink):
        open_link(ctx.db, mangle(token))
    assert list_links(ctx)[0].views == ()
    figures.tally("wrong share tokens refused read-only")


def test_a_right_token_records_its_visit(ctx: Ctx) -> None:
    token = create_link(ctx, start=date.today() - timedelta(days=7), end=date.today(), regions=["lower_back"])
    assert open_link(ctx.db, token).owner_id == ctx.owner_id
    assert len(list_links(ctx)[0].views) == 1
