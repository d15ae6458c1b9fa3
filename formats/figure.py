"""A chart as plain values: which kind of chart, its rows and its other arguments.

Services hand these out, so they need not know the chart library; formats/chart_specs.py draws them for the page,
the doctor's shared view and the PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True, eq=False)
class Figure:
    """One chart to draw: a kind of formats/chart_specs.BUILDERS, its rows, and the builder's other arguments."""

    kind: str
    rows: pd.DataFrame
    params: Mapping[str, Any] = field(default_factory=dict)
