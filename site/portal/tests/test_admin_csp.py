"""Issue 12, finding 8: the Wagtail admin's policy allows no inline script. The screens whose
Wagtail templates write inline scripts (date and time widgets, inline panels, multiple chooser
panels) and the everyday ones (page editor with Draftail and StreamField, choosers, reports,
listings) render none: each call is written as data and made by portal/admin-init.js. The
browser check is tests/e2e/test_content_security_policy.py."""

import datetime

import pytest
from django.conf import settings
from django.utils.csp import build_policy
from wagtail.models import Page

from portal.models import HomePage, NewsIndexPage, NewsPage
from tests.html_checks import inline_code


def scripts(html: str) -> list[str]:
    """What a policy without 'unsafe-inline' for scripts would block (inline styles stay)."""
    return [found for found in inline_code(html) if "inline style" not in found]


@pytest.fixture
def admin(django_user_model, client):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(user)
    return client


@pytest.fixture
def news(db):
    home = HomePage.objects.get()
    index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    return index.add_child(
        instance=NewsPage(
            title="Triển khai bồi dưỡng",
            date=datetime.date(2026, 10, 1),
            body=[("paragraph", "<p>Nội dung</p>")],
        )
    )


def test_the_admin_policy_runs_no_inline_script():
    assert "'unsafe-inline'" not in build_policy(settings.PORTAL_ADMIN_CSP).split("style-src")[0]


def test_admin_screens_render_no_inline_script(admin, news):
    home = Page.objects.get(depth=2)
    addresses = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{news.pk}/edit/",  # a date widget, Draftail in a StreamField
        f"/admin/pages/add/portal/newspage/{news.get_parent().pk}/",
        f"/admin/pages/{home.pk}/",
        "/admin/settings/portal/portalsettings/",  # an inline panel (navigation links)
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/users/",
        "/admin/workflows/add/",  # the task chooser
    ]
    for address in addresses:
        response = admin.get(address, follow=True)
        assert response.status_code == 200, address
        html = response.content.decode()
        if address.endswith("/chooser/"):
            html = response.json()["html"]
        assert scripts(html) == [], address
    edit = admin.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'data-controller="hoctap-init" data-hoctap-init-call-value="date"' in edit
    assert "portal/admin-init.js" in edit
    settings_page = admin.get("/admin/settings/portal/portalsettings/", follow=True)
    assert 'data-hoctap-init-call-value="inline-panel"' in settings_page.content.decode()
