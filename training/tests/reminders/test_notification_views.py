"""Where people read their notifications: the dashboard, the list page, the admin home, the API;
marking read is for one's own only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import ModelLogEntry

from training.models import Notification, NotificationKind
from training.reminders.services import reminders_send
from training.tests.reminders.conftest import later, submit_record, year_day

pytestmark = pytest.mark.django_db


def notify(person, kind=NotificationKind.HOURS_BEHIND, *, days_ago=0, read=False, **params):
    at = timezone.now() - timedelta(days=days_ago)
    return Notification.objects.create(
        recipient=person,
        kind=kind,
        params=params or {"school_year": "2026-2027", "hours": 16, "expected": 66, "target": 120},
        link=reverse("training:home"),
        created_at=at,
        read_at=at if read else None,
    )


def logged_in(client, person):
    client.force_login(person)
    return client


# The teacher's dashboard and list ------------------------------------------------------------


def test_the_dashboard_lists_unread_first_in_vietnamese(client, teacher):
    notify(teacher, days_ago=3, read=True)
    notify(
        teacher,
        NotificationKind.PLAN_DUE,
        days_ago=1,
        school_year="2026-2027",
        deadline="2027-05-31",
    )

    response = logged_in(client, teacher).get(reverse("training:home"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Thông báo" in text
    plan = text.index("Nộp kế hoạch BDTX năm học 2026-2027")
    behind = text.index("Thầy/cô đang chậm so với mục tiêu bồi dưỡng của năm học")
    assert plan < behind  # the unread one first
    assert "Hạn nộp là ngày 31/5/2027." in text
    assert "16 trên mục tiêu 120 tiết" in text
    assert response.context["notifications_unread"] == 1


def test_the_dashboard_has_no_notification_card_when_there_are_none(client, teacher):
    response = logged_in(client, teacher).get(reverse("training:home"))

    assert "notifications-title" not in response.content.decode()


def test_the_dashboard_query_count_does_not_depend_on_notifications(client, teacher):
    client = logged_in(client, teacher)
    notify(teacher)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("training:home"))
    for days in range(8):
        notify(teacher, days_ago=days, read=days % 2 == 0)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("training:home"))

    # Compared on the notifications' own queries: the site's settings are cached apart.
    def ours(queries):
        return [q for q in queries.captured_queries if "training_notification" in q["sql"]]

    assert len(ours(few)) == len(ours(many)) == 2


def test_the_list_page_shows_only_ones_own(client, teacher, school_manager):
    notify(teacher)
    notify(school_manager, NotificationKind.APPROVALS_WAITING, plans=2, records=0, days=3)

    response = logged_in(client, teacher).get(reverse("training:notifications"))

    text = response.content.decode()
    assert "Thông báo của tôi" in text
    assert "Thầy/cô đang chậm so với mục tiêu" in text
    assert "2 kế hoạch BDTX" not in text


def test_marking_one_read(client, teacher):
    notification = notify(teacher)

    response = logged_in(client, teacher).post(
        reverse("training:notification_read", args=[notification.pk]),
        {"next": reverse("training:home")},
    )

    assert response.status_code == 302 and response.url == reverse("training:home")
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert ModelLogEntry.objects.filter(
        action="hoctap.notification_read", object_id=str(notification.pk), user=teacher
    ).exists()


def test_open_marks_read_and_goes_to_the_link(client, teacher):
    notification = notify(teacher, NotificationKind.PLAN_DUE, school_year="2026-2027")
    notification.link = reverse("training:plan")
    notification.save(update_fields=["link"])

    response = logged_in(client, teacher).post(
        reverse("training:notification_read", args=[notification.pk]), {"open": "1"}
    )

    assert response.url == reverse("training:plan")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_somebody_elses_notification_is_404_and_stays_unread(client, teacher, school_manager):
    theirs = notify(school_manager)

    response = logged_in(client, teacher).post(
        reverse("training:notification_read", args=[theirs.pk])
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_a_post_and_a_login(client, teacher):
    notification = notify(teacher)
    url = reverse("training:notification_read", args=[notification.pk])

    assert client.post(url).status_code == 302  # to the login page
    assert logged_in(client, teacher).get(url).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_redirect_elsewhere_is_refused(client, teacher):
    notification = notify(teacher)

    response = logged_in(client, teacher).post(
        reverse("training:notification_read", args=[notification.pk]),
        {"next": "https://evil.example.com/"},
    )

    assert response.url == reverse("training:notifications")


def test_marking_all_read_touches_only_ones_own(client, teacher, school_manager):
    mine = [notify(teacher), notify(teacher, days_ago=1)]
    theirs = notify(school_manager)

    response = logged_in(client, teacher).post(reverse("training:notifications_read"), follow=True)

    assert "Đã đánh dấu 2 thông báo là đã đọc." in response.content.decode()
    assert Notification.objects.filter(pk__in=[n.pk for n in mine], read_at=None).count() == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


# Managers: the admin home --------------------------------------------------------------------


def test_a_manager_sees_their_reminder_on_the_admin_home(client, config, teacher, school_manager):
    submit_record(teacher)
    reminders_send(today=year_day(5), now=later(4))

    response = logged_in(client, school_manager).get(reverse("wagtailadmin_home"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Có hồ sơ đang chờ thầy/cô phê duyệt" in text
    assert "Đã chờ thầy/cô phê duyệt quá 3 ngày: 1 hồ sơ bồi dưỡng tập trung." in text


def test_no_panel_for_a_manager_without_notifications(client, school_manager):
    response = logged_in(client, school_manager).get(reverse("wagtailadmin_home"))

    assert "training-notifications" not in response.content.decode()


# The API ---------------------------------------------------------------------------------------


def api(person) -> APIClient:
    client = APIClient()
    client.force_authenticate(person)
    return client


def test_the_api_lists_mine_unread_first_in_the_requests_language(teacher, school_manager):
    read = notify(teacher, days_ago=2, read=True)
    unread = notify(teacher, NotificationKind.PLAN_DUE, school_year="2026-2027", deadline="")
    notify(school_manager)

    response = api(teacher).get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en")

    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [unread.pk, read.pk]
    assert rows[0]["title"] == "Submit your training plan for 2026-2027"
    assert rows[0]["read"] is False and rows[1]["read"] is True

    unread_only = api(teacher).get("/api/v1/notifications/?read=false").json()["results"]
    assert [row["id"] for row in unread_only] == [unread.pk]


def test_the_api_marks_read_only_ones_own(teacher, school_manager):
    mine, theirs = notify(teacher), notify(school_manager)

    response = api(teacher).post(f"/api/v1/notifications/{mine.pk}/read/")
    assert response.status_code == 200 and response.json()["read"] is True

    response = api(teacher).post(f"/api/v1/notifications/{theirs.pk}/read/")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_api_marks_all_read(teacher, school_manager):
    notify(teacher), notify(teacher, days_ago=1), notify(school_manager)

    response = api(teacher).post("/api/v1/notifications/read-all/")

    assert response.json() == {"marked": 2}
    assert Notification.objects.filter(read_at=None).count() == 1


def test_the_api_needs_a_login(teacher):
    assert APIClient().get("/api/v1/notifications/").status_code == 401
