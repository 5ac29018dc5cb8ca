from decimal import Decimal

from training.models import Unit
from training.reports.charts import BAR_MAX, LABEL_WIDTH, ROW_HEIGHT, completion_rate_chart
from training.selectors import UnitCompletion


def test_bars_are_as_long_as_the_rate_and_written_with_a_decimal_point():
    rows = [
        UnitCompletion(unit=Unit(name="Trường A"), teachers=3, completed=1),
        UnitCompletion(unit=Unit(name="Trường B"), teachers=2, completed=2),
        UnitCompletion(unit=Unit(name="Trường C")),
    ]
    chart = completion_rate_chart(rows)
    assert [bar.rate for bar in chart.bars] == ["33.3 %", "100.0 %", "0.0 %"]
    assert [bar.width for bar in chart.bars] == [f"{Decimal('33.3') * 3:.1f}", "300.0", "0.0"]
    assert [bar.y for bar in chart.bars] == [0, ROW_HEIGHT, 2 * ROW_HEIGHT]
    assert chart.bars[1].text_x == f"{LABEL_WIDTH + BAR_MAX + 6:.1f}"
    assert chart.height == 3 * ROW_HEIGHT
    assert completion_rate_chart([]).bars == []
