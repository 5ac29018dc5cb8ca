"""Content-Security-Policy and the other security headers: every response carries the policy;
our pages need nothing it forbids; the Wagtail admin alone gets a looser one; production turns
on HSTS, secure cookies and the rest."""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.csp import build_policy

from portal.tests.test_production_settings import GOOD_ENV, _manage, database_url  # noqa: F401
from tests.html_checks import inline_code

PASSWORD = "mat-khau-rat-dai-2026"


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_the_policy_forbids_inline_code_and_other_sites():
    policy = _directives(build_policy(settings.SECURE_CSP))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


@pytest.mark.django_db
def test_a_public_page_sends_the_policy_and_has_no_inline_code(client):
    response = client.get(reverse("portal:login"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == build_policy(settings.SECURE_CSP)
    assert inline_code(response.content.decode()) == []


def test_the_teachers_dashboard_sends_the_policy_and_has_no_inline_code(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("training:home"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == build_policy(settings.SECURE_CSP)
    assert inline_code(response.content.decode()) == []


@pytest.mark.django_db
def test_only_the_wagtail_admin_may_use_inline_styles(client):
    admin = client.get("/admin/login/")
    assert admin.status_code == 200
    policy = _directives(admin["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]  # no inline script there either (issue 12)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # An address that merely starts like the admin's is not the admin.
    assert "unsafe" not in client.get("/admin-khong-phai/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_checker_finds_what_the_policy_would_block():
    html = (
        '<script type="application/ld+json">{"a": 1}</script><script src="/static/a.js"></script>'
        '<script>alert(1)</script><button onclick="go()">x</button><a href=" JavaScript:go()">y</a>'
        '<p style="color:red">z</p><style>p {}</style>'
    )
    found = inline_code(html)
    assert len(found) == 5, found
    assert inline_code('<script id="d" type="application/json">{}</script>') == []


@pytest.mark.django_db
def test_security_headers_on_every_response(client):
    response = client.get(reverse("portal:login"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


PRINT_SETTINGS = (
    "import json; from django.conf import settings as s; from django.utils.csp import "
    "build_policy; print(json.dumps({n: getattr(s, n) for n in ("
    "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', "
    "'SESSION_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
    "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_REFERRER_POLICY', 'SECURE_CONTENT_TYPE_NOSNIFF', "
    "'SECURE_CROSS_ORIGIN_OPENER_POLICY', 'X_FRAME_OPTIONS', 'MIDDLEWARE', "
    "'SESSION_IDLE_TIMEOUT_ADMIN')} | {'csp': build_policy(s.SECURE_CSP)}))"
)


def test_production_turns_on_every_security_setting():
    result = _manage("shell", "-c", PRINT_SETTINGS, env=GOOD_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["LANGUAGE_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in values["MIDDLEWARE"]
    assert "portal.security.SessionGuardMiddleware" in values["MIDDLEWARE"]
    csp = _directives(values["csp"])
    assert csp["script-src"] == ["'self'"]
    assert "upgrade-insecure-requests" in csp
    assert values["SESSION_IDLE_TIMEOUT_ADMIN"] == 30 * 60
