from django.contrib.auth import authenticate
from django.test import RequestFactory


def _login(username, password):
    return authenticate(RequestFactory().post("/dang-nhap/"), username=username, password=password)


def test_login_by_staff_code_in_any_case(teacher):
    assert _login("GV001", "mat-khau-rat-dai-2026") == teacher
    assert _login("gv001", "mat-khau-rat-dai-2026") == teacher


def test_login_by_email(teacher):
    assert _login("Huong@Example.vn", "mat-khau-rat-dai-2026") == teacher


def test_wrong_password_unknown_user_and_inactive_user_fail(teacher):
    assert _login("GV001", "sai-mat-khau-2026") is None
    assert _login("KHONG-CO", "mat-khau-rat-dai-2026") is None
    teacher.is_active = False
    teacher.save(update_fields=["is_active"])
    assert _login("GV001", "mat-khau-rat-dai-2026") is None
