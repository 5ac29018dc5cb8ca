"""A notification's words come from its figures, in the reader's language."""

from django.utils import translation

from training.models import Notification, NotificationKind
from training.reminders.messages import message_of


def waiting(**params) -> Notification:
    return Notification(kind=NotificationKind.APPROVALS_WAITING, params=params)


def test_approvals_waiting_in_vietnamese():
    with translation.override("vi"):
        message = message_of(waiting(plans=1, records=2, days=3))
    assert message.title == "Có hồ sơ đang chờ thầy/cô phê duyệt"
    assert message.body == (
        "Đã chờ thầy/cô phê duyệt quá 3 ngày: 1 kế hoạch BDTX và 2 hồ sơ bồi dưỡng tập trung."
    )


def test_approvals_waiting_in_english_with_plurals():
    with translation.override("en"):
        assert message_of(waiting(plans=2, records=0, days=1)).body == (
            "Waiting for your approval for more than 1 day: 2 training plans."
        )
        assert message_of(waiting(plans=0, records=1, days=0)).body == (
            "Waiting for your approval: 1 face-to-face training record."
        )


def test_the_plan_deadline_is_a_local_date():
    notification = Notification(
        kind=NotificationKind.PLAN_DUE,
        params={"school_year": "2026-2027", "deadline": "2027-05-31"},
    )
    with translation.override("vi"):
        assert message_of(notification).body.endswith("Hạn nộp là ngày 31/5/2027.")
