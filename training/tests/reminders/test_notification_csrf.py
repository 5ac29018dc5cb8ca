"""Issue 12, finding 8: the notification buttons post with their CSRF token, on the admin home
(a Wagtail panel, rendered outside the page's request context) as on the teacher's dashboard.
The client here checks CSRF as a browser's request is checked."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from training.models import Notification
from training.tests.reminders.test_notification_views import notify

pytestmark = pytest.mark.django_db

FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*>\s*(.*?)</form>', re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def press(client: Client, page: str, action: str) -> int:
    """Post the form of `page` whose action is `action`, with what the form carries."""
    html = client.get(page).content.decode()
    forms = {found.group(1): found.group(2) for found in FORM.finditer(html)}
    assert action in forms, list(forms)
    fields = {"next": page}
    token = TOKEN.search(forms[action])
    if token:
        fields["csrfmiddlewaretoken"] = token.group(1)
    return client.post(action, fields).status_code


@pytest.mark.parametrize("home", ["wagtailadmin_home", "training:home"])
def test_the_buttons_carry_their_token(home, school_manager, teacher):
    person = school_manager if home == "wagtailadmin_home" else teacher
    one, other = notify(person), notify(person, days_ago=1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    page = reverse(home)

    assert press(client, page, reverse("training:notification_read", args=[one.pk])) == 302
    assert press(client, page, reverse("training:notifications_read")) == 302

    assert not Notification.objects.filter(pk__in=[one.pk, other.pk], read_at=None).exists()


def test_a_post_without_the_token_is_refused(school_manager):
    notification = notify(school_manager)
    client = Client(enforce_csrf_checks=True)
    client.force_login(school_manager)
    url = reverse("training:notification_read", args=[notification.pk])
    assert client.post(url, {"next": "/admin/"}).status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None
