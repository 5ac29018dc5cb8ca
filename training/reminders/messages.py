"""The words of a notification, rendered from its kind and figures in the active language, so
that the same notification reads in Vietnamese or English depending on who opens it."""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from training.models import Notification, NotificationKind


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def _day(value: str) -> str:
    try:
        return date_format(date.fromisoformat(value), "j/n/Y")
    except (TypeError, ValueError):
        return value or ""


def _plan_due(p: dict) -> Message:
    return Message(
        gettext("Submit your training plan for %(year)s") % {"year": p.get("school_year", "")},
        gettext(
            "Your BDTX plan for the school year %(year)s has not been submitted for approval "
            "yet. The deadline is %(deadline)s."
        )
        % {"year": p.get("school_year", ""), "deadline": _day(p.get("deadline", ""))},
    )


def _hours_behind(p: dict) -> Message:
    return Message(
        gettext("You are behind your yearly training target"),
        gettext(
            "%(hours)s tiết of your %(target)s-tiết target for %(year)s are counted so far; by "
            "now about %(expected)s would be on track. Continue your modules or record the "
            "trainings you have attended."
        )
        % {
            "hours": p.get("hours", 0),
            "target": p.get("target", 0),
            "expected": p.get("expected", 0),
            "year": p.get("school_year", ""),
        },
    )


def _approvals_waiting(p: dict) -> Message:
    plans, records, days = p.get("plans", 0), p.get("records", 0), p.get("days", 0)
    parts = []
    if plans:
        parts.append(
            ngettext("%(count)d training plan", "%(count)d training plans", plans)
            % {"count": plans}
        )
    if records:
        parts.append(
            ngettext(
                "%(count)d face-to-face training record",
                "%(count)d face-to-face training records",
                records,
            )
            % {"count": records}
        )
    things = gettext(" and ").join(parts)
    if not days:
        body = gettext("Waiting for your approval: %(things)s.") % {"things": things}
    else:
        body = ngettext(
            "Waiting for your approval for more than %(days)d day: %(things)s.",
            "Waiting for your approval for more than %(days)d days: %(things)s.",
            days,
        ) % {"things": things, "days": days}
    return Message(gettext("Approvals are waiting for you"), body)


_RENDER = {
    NotificationKind.PLAN_DUE: _plan_due,
    NotificationKind.HOURS_BEHIND: _hours_behind,
    NotificationKind.APPROVALS_WAITING: _approvals_waiting,
}


def message_of(notification: Notification) -> Message:
    render = _RENDER.get(notification.kind)
    if render is None:
        return Message(notification.get_kind_display(), "")
    return render(notification.params or {})
