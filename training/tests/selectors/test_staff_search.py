import unicodedata

import pytest

from training.models import User
from training.selectors import staff_search


@pytest.fixture
def people(school, make_person):
    names = ["Nguyễn Thị Hương", "Đặng Văn Dũng", "Hoàng Thị Thùy", "Sùng A Dế", "Nguyễn Văn An"]
    return {name: make_person(unit=school, full_name=name) for name in names}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen thi huong", ["Nguyễn Thị Hương"]),
        ("Nguyễn Thị Hương", ["Nguyễn Thị Hương"]),
        (unicodedata.normalize("NFD", "Nguyễn Thị Hương"), ["Nguyễn Thị Hương"]),
        ("dang dung", ["Đặng Văn Dũng"]),
        ("đặng", ["Đặng Văn Dũng"]),
        ("THUY", ["Hoàng Thị Thùy"]),
        ("sung a de", ["Sùng A Dế"]),
        ("nguyen", ["Nguyễn Văn An", "Nguyễn Thị Hương"]),
        ("tran", []),
    ],
)
def test_search_with_or_without_diacritics(people, query, expected):
    found = staff_search(User.objects.all(), query)
    assert [p.full_name for p in found] == expected


def test_search_by_staff_code(people):
    code = people["Sùng A Dế"].username
    assert [p.full_name for p in staff_search(User.objects.all(), code.lower())] == ["Sùng A Dế"]


def test_results_in_vietnamese_order_by_given_name(people):
    found = [p.full_name for p in staff_search(User.objects.all(), "")]
    assert found == [
        "Nguyễn Văn An",
        "Sùng A Dế",
        "Đặng Văn Dũng",
        "Nguyễn Thị Hương",
        "Hoàng Thị Thùy",
    ]
