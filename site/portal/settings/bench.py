"""Benchmarks (`make bench`): production's shape, with nothing to configure.

DEBUG off, whitenoise serving collected static files, the security headers production sends,
plus a bare view at /bench/ok/ as the baseline. Plain HTTP on loopback, so no TLS redirect and
no secure-only cookies. Its own SQLite file under var/bench/; db.sqlite3 is never touched."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 — serves nothing but 127.0.0.1
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "portal.bench_urls"

BENCH_DIR = BASE_DIR / "var" / "bench"  # noqa: F405
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCH_DIR / "bench.sqlite3",
        # How SQLite is run when it serves a site: readers never wait for the one writer.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }
}
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
