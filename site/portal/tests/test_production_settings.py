"""Production settings read the environment and refuse to start without it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOOD_ENV = {
    "DJANGO_SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-for-tests-9f3a7c1e",
    "DJANGO_ALLOWED_HOSTS": "hoctap.example.vn",
    "CERTIFICATES_KEY_SECRET": "another-long-random-secret-for-issuer-keys-7c2e9d",
    "EMAIL_HOST": "smtp.example.vn",
    "DEFAULT_FROM_EMAIL": "Học Tập <no-reply@example.vn>",
}


@pytest.fixture(autouse=True)
def database_url(tmp_path, monkeypatch):
    GOOD_ENV["DATABASE_URL"] = f"sqlite:///{tmp_path / 'production-check.sqlite3'}"


def _manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "portal.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_gives_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "missing",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_HOST",
        "CERTIFICATES_KEY_SECRET",
    ],
)
def test_refuses_to_start_naming_the_missing_variable(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_private_files_settings_are_read_and_checked(tmp_path):
    good = _manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.PRIVATE_ROOT, settings.PRIVATE_FILES_SENDFILE)",
        env={**GOOD_ENV, "DJANGO_PRIVATE_ROOT": str(tmp_path), "PRIVATE_FILES_SENDFILE": "nginx"},
    )
    assert good.returncode == 0, good.stderr
    assert good.stdout.split()[-2:] == [str(tmp_path), "nginx"]

    unknown = _manage("check", env={**GOOD_ENV, "PRIVATE_FILES_SENDFILE": "lighttpd"})
    assert unknown.returncode != 0 and "use nginx, apache or nothing" in unknown.stderr

    served = _manage("check", env={**GOOD_ENV, "DJANGO_PRIVATE_ROOT": str(ROOT / "media" / "p")})
    assert served.returncode != 0 and "must not be inside" in served.stderr
