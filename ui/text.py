"""Putting text the person (or their file) wrote into Markdown, so it shows exactly as written."""

from __future__ import annotations

import re

# Characters that Markdown would read as formatting, links, HTML or maths.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: str) -> str:
    """Text as the user typed it, safe to put into Markdown (shows literally)."""
    return _MARKUP.sub(r"\\\1", text)


def one_line(value: object) -> str:
    """A value as text on one line (line breaks become spaces)."""
    return str(value).replace("\n", " ")
