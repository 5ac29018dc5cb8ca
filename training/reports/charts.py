"""Server-side SVG charts for the reports: geometry here, drawing in a template include
(training/reports/bar_chart.html), so that they show without JavaScript and weigh little.

Numbers are written as strings here so that no locale turns "33.3" into "33,3" in SVG."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from training.models import YearStatus
from training.selectors import UnitCompletion

LABEL_WIDTH = 260
BAR_MAX = 300
ROW_HEIGHT = 24

#: Colours with enough contrast on white (WCAG AA for large graphics), one per status.
STATUS_COLOURS = {
    YearStatus.COMPLETED: "#007d7e",
    YearStatus.IN_PROGRESS: "#8a5a00",
    YearStatus.NOT_COMPLETED: "#b3261e",
}
DEFAULT_COLOUR = "#007d7e"


@dataclass(frozen=True)
class Bar:
    label: str
    rate: str  # the text written after the bar (a rate, a count, tiết)
    y: int
    width: str
    text_x: str
    colour: str = DEFAULT_COLOUR


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    slug: str = "completion-chart"
    title: str = ""
    summary: list[str] = field(default_factory=list)  # the text alternative, one line a bar


def bar_chart(
    items: Iterable[tuple[str, Decimal | int, str]],
    *,
    scale: Decimal | int,
    slug: str,
    title: str,
    colours: Iterable[str] | None = None,
) -> BarChart:
    """One horizontal bar per (label, value, text): its length value / scale of BAR_MAX."""
    bars, summary = [], []
    colours = list(colours or [])
    for index, (label, value, text) in enumerate(items):
        length = Decimal(value) * BAR_MAX / scale if scale else Decimal(0)
        bars.append(
            Bar(
                label=label,
                rate=text,
                y=index * ROW_HEIGHT,
                width=f"{length:.1f}",
                text_x=f"{LABEL_WIDTH + length + 6:.1f}",
                colour=colours[index] if index < len(colours) else DEFAULT_COLOUR,
            )
        )
        summary.append(f"{label}: {text}")
    return BarChart(
        bars=bars,
        width=LABEL_WIDTH + BAR_MAX + 120,
        height=len(bars) * ROW_HEIGHT,
        slug=slug,
        title=title,
        summary=summary,
    )


def completion_rate_chart(rows: Iterable[UnitCompletion]) -> BarChart:
    """One horizontal bar per unit, its length the completion rate (100 % is BAR_MAX wide)."""
    return bar_chart(
        ((row.unit.name, row.rate, f"{row.rate} %") for row in rows),
        scale=100,
        slug="completion-chart",
        title=str(_("Completion rate by unit")),
    )


def _percent(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal("0.0")
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def status_chart(counts) -> BarChart:
    """The people counted by status: completed, in progress, not completed (count and share);
    `counts` is a training.reports.queries.StatusCounts."""
    items = counts.items()
    return bar_chart(
        (
            (
                str(YearStatus(status).label),
                number,
                f"{number} ({_percent(number, counts.total)} %)",
            )
            for status, number in items
        ),
        scale=max([number for _status, number in items] + [1]),
        slug="status-chart",
        title=str(_("People by status")),
        colours=[STATUS_COLOURS[status] for status, _number in items],
    )


def hours_chart(rows) -> BarChart:
    """Tiết credited in each programme (rows of training.reports.queries.by_programme)."""
    rows = list(rows)
    return bar_chart(
        ((row.label, row.hours, f"{row.hours} {_('tiết')}") for row in rows),
        scale=max([row.hours for row in rows] + [1]),
        slug="hours-chart",
        title=str(_("Tiết credited per programme")),
    )
