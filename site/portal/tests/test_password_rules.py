"""Password rules, as a person meets them on the change-password page: at least 10 characters,
not a common password, not only digits, not like one's own details; refused in Vietnamese, and
nothing changes."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

PASSWORD = "mat-khau-rat-dai-2026"


def test_the_rules_are_on():
    names = {v["NAME"].rsplit(".", 1)[-1]: v for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert names["MinimumLengthValidator"]["OPTIONS"]["min_length"] == 10
    assert "CommonPasswordValidator" in names
    assert "NumericPasswordValidator" in names
    assert "UserAttributeSimilarityValidator" in names
    validate_password("mot-cau-dai-9x")
    with pytest.raises(ValidationError):
        validate_password("ngan-9chu")


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("ngan-9chu", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự."),
        ("qwertyuiop", "Mật khẩu này quá phổ biến."),
        ("8301749265", "Mật khẩu này hoàn toàn là số."),
        ("huong@example.vn", "Mật khẩu quá giống với"),
    ],
)
def test_a_weak_new_password_is_refused_in_vietnamese_and_nothing_changes(teacher, new, message):
    client = Client()
    client.force_login(teacher)
    response = client.post(
        reverse("training:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.check_password(PASSWORD)
