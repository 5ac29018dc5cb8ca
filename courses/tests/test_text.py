import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from courses.text import fold, name_sort_key, nfc, sort_key, split_name


def test_fold_removes_diacritics_and_maps_d_with_stroke():
    assert fold("Nguyễn Thị Hương") == "nguyen thi huong"
    assert fold("ĐẶNG Văn Dũng") == "dang van dung"
    assert fold("  Sùng   A  Dế ") == "sung a de"


def test_nfd_input_is_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Hoàng Thị Thùy")
    assert decomposed != "Hoàng Thị Thùy"
    assert nfc(decomposed) == "Hoàng Thị Thùy"
    assert fold(decomposed) == "hoang thi thuy"


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    assert fold(fold(text)) == fold(text)


def test_split_name_family_middle_given():
    assert split_name("Nguyễn Thị Hương") == ("Nguyễn", "Thị", "Hương")
    assert split_name("Sùng A Dế") == ("Sùng", "A", "Dế")
    assert split_name("Lò Văn Thanh Tùng") == ("Lò", "Văn Thanh", "Tùng")
    assert split_name("Páo") == ("", "", "Páo")


def test_vietnamese_alphabet_order():
    words = ["đa", "da", "ân", "ăn", "an", "ba", "ơn", "ôn", "on", "ưa", "ua"]
    assert sorted(words, key=sort_key) == [
        "an",
        "ăn",
        "ân",
        "ba",
        "da",
        "đa",
        "on",
        "ôn",
        "ơn",
        "ua",
        "ưa",
    ]


def test_tones_sort_after_letters():
    # Same letters: no tone, huyền, hỏi, ngã, sắc, nặng.
    words = ["má", "mạ", "ma", "mã", "mà", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # Letters decide before tones do.
    assert sorted(["mác", "mà"], key=sort_key) == ["mà", "mác"]


def test_people_sort_by_given_name_then_family_name():
    names = ["Nguyễn Thị Hương", "Đặng Văn Dũng", "Trần Văn An", "Lò Văn Dũng", "Sùng A Dế"]
    assert sorted(names, key=name_sort_key) == [
        "Trần Văn An",
        "Sùng A Dế",
        "Đặng Văn Dũng",
        "Lò Văn Dũng",
        "Nguyễn Thị Hương",
    ]
