"""Production: everything secret or site-specific comes from the environment, and the site
refuses to start when something is missing rather than inventing a value."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set."
        )
    return value


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
# Encrypts issuers' signing keys at rest; kept apart from SECRET_KEY so rotating that one does
# not make every issuer's key unreadable.
CERTIFICATES_KEY_SECRET = env("CERTIFICATES_KEY_SECRET")
ALLOWED_HOSTS = [h.strip() for h in env("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS]
DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60)}

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST"),
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": os.environ.get("EMAIL_USE_TLS", "true").lower() == "true",
        },
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# Private files (evidence, certificates' PDFs, uploaded rosters): a folder no address serves,
# handed out by the app after its access check, or by the web server when it says so
# (docs/operations.md, "Private files").
PRIVATE_ROOT = Path(os.environ.get("DJANGO_PRIVATE_ROOT") or PRIVATE_ROOT)  # noqa: F405
for served in (MEDIA_ROOT, STATIC_ROOT):  # noqa: F405
    if PRIVATE_ROOT.resolve().is_relative_to(Path(served).resolve()):
        raise ImproperlyConfigured(
            f"DJANGO_PRIVATE_ROOT ({PRIVATE_ROOT}) must not be inside {served}: that folder is "
            "served at an address."
        )
PRIVATE_FILES_SENDFILE = os.environ.get("PRIVATE_FILES_SENDFILE", "").strip().lower()
if PRIVATE_FILES_SENDFILE not in ("", "nginx", "apache"):
    raise ImproperlyConfigured(
        f"PRIVATE_FILES_SENDFILE is {PRIVATE_FILES_SENDFILE!r}; use nginx, apache or nothing."
    )
PRIVATE_FILES_INTERNAL_URL = os.environ.get("PRIVATE_FILES_INTERNAL_URL", "/_private/")

# Behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# Explicit, though Django's defaults already send them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind TLS, a stray http:// address in content is fetched over https.
SECURE_CSP = {**SECURE_CSP, "upgrade-insecure-requests": True}  # noqa: F405
PORTAL_ADMIN_CSP = {**PORTAL_ADMIN_CSP, "upgrade-insecure-requests": True}  # noqa: F405
