"""Tests: fast hashing, memory cache, tasks run at once. The database may come from DATABASE_URL
(make test-pg points it at a real PostgreSQL)."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    # A real queue, for the tests that start a real db_worker (tests/test_worker_fault.py).
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Each pytest-xdist worker (gw0, gw1, …) keeps its own files; a db_worker a test starts inherits
# the variable, and with it the same folders.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{_WORKER and '-' + _WORKER}"  # noqa: F405
PRIVATE_ROOT = BASE_DIR / "var" / f"test-private{_WORKER and '-' + _WORKER}"  # noqa: F405
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
