"""The daily run: who is reminded of what, how often, by one e-mail each, in their language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from training import roles
from training.models import EmploymentStatus, Notification, NotificationKind
from training.reminders.services import reminders_send
from training.services import plan_save, plan_submit, training_record_approve
from training.tests.conftest import seen, this_year
from training.tests.reminders.conftest import (
    MID_YEAR,
    later,
    plan_deadline,
    set_config,
    submit_record,
    year_day,
)

pytestmark = pytest.mark.django_db

HOURS = NotificationKind.HOURS_BEHIND
PLAN = NotificationKind.PLAN_DUE
WAITING = NotificationKind.APPROVALS_WAITING


def kinds_of(person) -> list[str]:
    return sorted(Notification.objects.filter(recipient=person).values_list("kind", flat=True))


# People behind on their hours -----------------------------------------------------------------


def test_a_teacher_with_nothing_counted_mid_year_is_behind(config, teacher):
    result = reminders_send(today=year_day(MID_YEAR))

    notification = Notification.objects.get(recipient=teacher)
    assert notification.kind == HOURS
    assert notification.params["hours"] == 0
    assert notification.params["target"] == 120
    assert notification.params["expected"] == 66  # 120 × 150/272
    assert notification.link == "/trang-ca-nhan/"
    assert notification.read_at is None and notification.emailed_at is not None
    assert result.people == 1 and result.emails == 1 and result.notifications[HOURS] == 1


def test_a_teacher_on_track_is_not_reminded(config, teacher, school_manager):
    for programme in ("01", "02"):
        record = submit_record(teacher, hours=30, programme=programme)
        training_record_approve(
            record=record, acting_user=school_manager, seen_version=seen(record)
        )

    # 60 tiết counted against 66 expected: 6 behind, under the 20 of the default threshold.
    reminders_send(today=year_day(MID_YEAR))

    assert kinds_of(teacher) == []
    assert mail.outbox == []


def test_hours_waiting_for_approval_do_not_count(config, teacher):
    submit_record(teacher, hours=60)

    reminders_send(today=year_day(MID_YEAR), now=later(1))

    assert kinds_of(teacher) == [HOURS]


def test_nobody_is_behind_in_the_first_days_of_the_year(config, teacher):
    set_config(behind_start_days=30)
    reminders_send(today=year_day(29))
    assert kinds_of(teacher) == []

    reminders_send(today=year_day(30))
    # 120 × 30/272 = 13 tiết expected: under the default 20-tiết threshold.
    assert kinds_of(teacher) == []

    set_config(behind_by_hours=10)
    reminders_send(today=year_day(30))
    assert kinds_of(teacher) == [HOURS]


def test_the_behind_threshold_is_honoured(config, teacher):
    set_config(behind_by_hours=67)
    reminders_send(today=year_day(MID_YEAR))
    assert kinds_of(teacher) == []

    set_config(behind_by_hours=66)
    reminders_send(today=year_day(MID_YEAR))
    assert kinds_of(teacher) == [HOURS]


# The plan deadline ----------------------------------------------------------------------------


def test_a_plan_not_submitted_is_reminded_near_its_deadline(config, teacher, module):
    set_config(behind_start_days=365)
    today = timezone.localdate()
    plan_deadline(today + timedelta(days=14))
    plan_save(school_year=this_year(), modules=[], acting_user=teacher)

    reminders_send(today=today)

    notification = Notification.objects.get(recipient=teacher)
    assert notification.kind == PLAN
    assert notification.params == {
        "school_year": this_year(),
        "deadline": (today + timedelta(days=14)).isoformat(),
    }
    assert notification.link == "/ke-hoach/"


def test_plan_reminders_wait_until_the_deadline_is_near(config, teacher):
    set_config(behind_start_days=365)
    today = timezone.localdate()
    plan_deadline(today + timedelta(days=15))

    reminders_send(today=today)
    assert kinds_of(teacher) == []

    set_config(plan_days_before=15)
    reminders_send(today=today)
    assert kinds_of(teacher) == [PLAN]


def test_no_plan_reminder_once_submitted_or_after_the_deadline(
    config, teacher, make_person, school, make_module
):
    set_config(behind_start_days=365)
    module = make_module(hours=40)
    today = timezone.localdate()
    plan_deadline(today + timedelta(days=5))
    plan = plan_save(school_year=this_year(), modules=[module], acting_user=teacher)
    plan_submit(plan=plan, acting_user=teacher)
    late = make_person(unit=school, full_name="Lò Văn Thanh")

    reminders_send(today=today)
    assert kinds_of(teacher) == []
    assert kinds_of(late) == [PLAN]

    reminders_send(today=today + timedelta(days=6), now=later(30))
    assert kinds_of(late) == [PLAN]  # the deadline has passed: nothing more to ask of them


# Managers with approvals waiting --------------------------------------------------------------


def test_managers_are_reminded_of_what_waits_within_their_reach(
    config, teacher, school_manager, other_manager, office_staff, make_person, other_school
):
    submit_record(teacher)
    plan_deadline(year_day(300))
    other_teacher = make_person(unit=other_school, full_name="Lò Văn Páo")
    submit_record(other_teacher)
    submit_record(other_teacher, hours=8)

    reminders_send(today=year_day(5), now=later(4))

    mine = Notification.objects.get(recipient=school_manager)
    assert (mine.kind, mine.params) == (WAITING, {"plans": 0, "records": 1, "days": 3})
    assert mine.link == "/admin/training/"
    theirs = Notification.objects.get(recipient=other_manager)
    assert theirs.params["records"] == 2
    office = Notification.objects.get(recipient=office_staff)
    assert office.params["records"] == 3


def test_managers_are_not_reminded_before_the_waiting_threshold(config, teacher, school_manager):
    submit_record(teacher)

    reminders_send(today=year_day(5), now=later(2))
    assert kinds_of(school_manager) == []

    set_config(approvals_waiting_days=1)
    reminders_send(today=year_day(5), now=later(2))
    assert kinds_of(school_manager) == [WAITING]


def test_a_managers_own_record_is_not_theirs_to_approve(config, school_manager, office_staff):
    submit_record(school_manager)

    reminders_send(today=year_day(5), now=later(4))

    assert kinds_of(school_manager) == []
    assert kinds_of(office_staff) == [WAITING]


def test_plans_waiting_are_counted(config, teacher, school_manager, make_module):
    plan_deadline(year_day(300))
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=teacher)
    plan_submit(plan=plan, acting_user=teacher)

    reminders_send(today=year_day(5), now=later(4))

    assert Notification.objects.get(recipient=school_manager).params["plans"] == 1


# Repeats, one e-mail each, who is skipped -----------------------------------------------------


def test_the_same_reminder_is_not_repeated_within_the_interval(config, teacher):
    set_config(repeat_days=7)
    reminders_send(today=year_day(MID_YEAR))
    reminders_send(today=year_day(MID_YEAR + 1), now=later(1))
    reminders_send(today=year_day(MID_YEAR + 6), now=later(6.9))

    assert kinds_of(teacher) == [HOURS]
    assert len(mail.outbox) == 1

    reminders_send(today=year_day(MID_YEAR + 7), now=later(7.1))

    assert kinds_of(teacher) == [HOURS, HOURS]
    assert len(mail.outbox) == 2


def test_one_email_per_person_whatever_they_are_reminded_of(
    config, make_person, school, teacher, office_staff
):
    principal = make_person(
        unit=school,
        role=roles.SCHOOL_MANAGER,
        full_name="Đặng Văn Dũng",
        position="principal",
        email="dung@example.vn",
    )
    plan_deadline(year_day(MID_YEAR) + timedelta(days=3))
    submit_record(teacher)
    submit_record(teacher, hours=8)

    reminders_send(today=year_day(MID_YEAR), now=later(4))

    assert kinds_of(principal) == [WAITING, HOURS, PLAN]
    to_principal = [message for message in mail.outbox if message.to == ["dung@example.vn"]]
    assert len(to_principal) == 1
    body = to_principal[0].body
    assert "Nộp kế hoạch BDTX năm học" in body
    assert "chậm so với mục tiêu" in body
    assert "2 hồ sơ bồi dưỡng tập trung" in body
    assert len(mail.outbox) == len({tuple(message.to) for message in mail.outbox})


def test_inactive_people_and_people_on_leave_are_skipped(config, make_person, school):
    gone = make_person(unit=school, full_name="Lò Văn Thanh", email="thanh@example.vn")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    away = make_person(
        unit=school,
        full_name="Vàng Thị Mai",
        email="mai@example.vn",
        employment_status=EmploymentStatus.LEAVE,
    )

    result = reminders_send(today=year_day(MID_YEAR))

    assert result.people == 0
    assert kinds_of(gone) == kinds_of(away) == []
    assert mail.outbox == []


def test_an_inactive_manager_is_skipped(config, teacher, school_manager):
    school_manager.is_active = False
    school_manager.save(update_fields=["is_active"])
    submit_record(teacher)

    reminders_send(today=year_day(5), now=later(4))

    assert kinds_of(school_manager) == []


def test_without_an_address_the_reminder_is_in_app_only(config, make_person, school):
    person = make_person(unit=school, full_name="Lò Văn Thanh")

    result = reminders_send(today=year_day(MID_YEAR))

    notification = Notification.objects.get(recipient=person)
    assert notification.emailed_at is None
    assert result.emails == 0 and mail.outbox == []


def test_switched_off_sends_nothing(config, teacher):
    set_config(enabled=False)

    result = reminders_send(today=year_day(MID_YEAR))

    assert not result.enabled
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_nothing_is_sent_without_e_mail(config, teacher):
    reminders_send(today=year_day(MID_YEAR), deliver=False)

    assert kinds_of(teacher) == [HOURS]
    assert mail.outbox == []


# The e-mail ------------------------------------------------------------------------------------


def test_the_email_is_in_vietnamese_with_text_and_html(config, teacher):
    reminders_send(today=year_day(MID_YEAR))

    (message,) = mail.outbox
    assert message.to == ["huong@example.vn"]
    assert message.subject == "Học Tập: nhắc việc bồi dưỡng thường xuyên"
    assert "Kính gửi thầy/cô Nguyễn Thị Hương," in message.body
    assert "Thầy/cô đang chậm so với mục tiêu bồi dưỡng của năm học" in message.body
    assert "0 trên mục tiêu 120 tiết" in message.body
    assert "http://127.0.0.1:8000/trang-ca-nhan/" in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert 'href="http://127.0.0.1:8000/trang-ca-nhan/"' in html
    assert "Kính gửi thầy/cô Nguyễn Thị Hương," in html
    assert '<html lang="vi">' in html


def test_the_email_follows_the_language_the_person_chose(config, teacher):
    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "en"
    profile.save()

    reminders_send(today=year_day(MID_YEAR))

    (message,) = mail.outbox
    assert message.subject == "Học Tập: reminders about your regular training"
    assert "You are behind your yearly training target" in message.body


# Cost ------------------------------------------------------------------------------------------


def _world(make_person, school, other_school, size: int) -> None:
    for index in range(size):
        person = make_person(
            unit=school if index % 2 else other_school,
            full_name=f"Lò Văn Thanh {index}",
            email=f"thanh{size}-{index}@example.vn",
        )
        if index % 3 == 0:
            submit_record(person)
    for unit in (school, other_school):
        make_person(
            unit=unit,
            role=roles.SCHOOL_MANAGER,
            full_name="Đặng Văn Dũng",
            position="principal",
            email=f"ql{size}-{unit.code}@example.vn".lower(),
        )


def _queries(size: int, make_person, school, other_school) -> tuple[int, int]:
    Notification.objects.all().delete()
    _world(make_person, school, other_school, size)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        result = reminders_send(today=year_day(MID_YEAR), now=later(4))
    return len(queries), result.people


def test_the_query_count_does_not_grow_with_the_number_of_people(
    config, make_person, school, other_school, department
):
    small, small_people = _queries(4, make_person, school, other_school)
    large, large_people = _queries(16, make_person, school, other_school)

    assert large_people > small_people >= 4
    assert len(mail.outbox) == large_people
    assert large == small
    assert small <= 16


def test_batches_write_and_mail_everyone_once(config, make_person, school):
    people = [
        make_person(unit=school, full_name=f"Lò Văn Thanh {n}", email=f"t{n}@example.vn")
        for n in range(7)
    ]

    result = reminders_send(today=year_day(MID_YEAR), batch_size=3)

    assert result.people == 7 and result.emails == 7
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 7
