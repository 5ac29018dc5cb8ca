from decimal import Decimal

import pytest

from training.reports.exports import neutralise


@pytest.mark.parametrize(
    "value", ["=1+1", "+84 912", "-2", "@SUM(A1)", "\tx", '=HYPERLINK("http://x")']
)
def test_text_a_spreadsheet_would_run_is_made_plain(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Nguyễn Thị Hương", "", None, 0, -2, Decimal("-1.5")])
def test_other_values_are_left_alone(value):
    assert neutralise(value) == value
