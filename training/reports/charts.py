"""Server-side SVG charts for the reports: geometry here, drawing in a template include."""

from collections.abc import Iterable
from dataclasses import dataclass

from training.selectors import UnitCompletion

LABEL_WIDTH = 260
BAR_MAX = 300
ROW_HEIGHT = 24


@dataclass(frozen=True)
class Bar:
    label: str
    rate: str
    y: int
    width: str
    text_x: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int


def completion_rate_chart(rows: Iterable[UnitCompletion]) -> BarChart:
    """One horizontal bar per unit, its length the completion rate (100 % is BAR_MAX wide).
    Numbers are written as strings here so that no locale turns "33.3" into "33,3" in SVG."""
    bars = []
    for index, row in enumerate(rows):
        length = row.rate * BAR_MAX / 100
        bars.append(
            Bar(
                label=row.unit.name,
                rate=f"{row.rate}",
                y=index * ROW_HEIGHT,
                width=f"{length:.1f}",
                text_x=f"{LABEL_WIDTH + length + 6:.1f}",
            )
        )
    return BarChart(bars=bars, width=LABEL_WIDTH + BAR_MAX + 60, height=len(bars) * ROW_HEIGHT)
