"""Benchmarks (`make bench`): production's shape, with nothing to configure.

DEBUG off, whitenoise serving collected static files, the security headers production sends,
plus a bare view at /bench/ok/ as the baseline. Plain HTTP on loopback, so no TLS redirect and
no secure-only cookies. Its own SQLite file under var/bench/; db.sqlite3 is never touched."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 — serves nothing but 127.0.0.1
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "portal.bench_urls"

BENCH_DIR = BASE_DIR / "var" / "bench"  # noqa: F405
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        # bench.sqlite3 (the small demo) or province.sqlite3 (`demo --staff 10000 --years 5`).
        "NAME": BENCH_DIR / os.environ.get("BENCH_DATABASE", "bench.sqlite3"),
        # How SQLite is run when it serves a site: readers never wait for the one writer.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }
}
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_ROOT = BENCH_DIR / "private"
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

# The load comes from one address and one person: the limits a public site needs would turn
# the measurement into a count of 429s.
CERTIFICATES_VERIFY_RATE_PER_MINUTE = 1_000_000
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "anon": "1000000/minute",
        "user": "1000000/minute",
        "verify": "1000000/minute",
    },
}

# `make load` runs on the throw-away PostgreSQL of bin/with-postgres.
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
