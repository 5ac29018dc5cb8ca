"""A person's notifications on the site: the list, and marking them read (their own only: any
other id is a 404)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from training.models import Notification
from training.reminders.messages import Message, message_of
from training.reminders.selectors import notifications_of
from training.reminders.services import notification_mark_read, notifications_mark_all_read

PER_PAGE = 30


@dataclass(frozen=True)
class Shown:
    notification: Notification
    message: Message


def shown(notifications) -> list[Shown]:
    return [Shown(item, message_of(item)) for item in notifications]


def _back(request, default: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@login_required
def notification_list(request):
    page = Paginator(notifications_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/reminders/list.html",
        {
            "page_obj": page,
            "items": shown(page.object_list),
            "unread": notifications_of(request.user).filter(read_at__isnull=True).count(),
            "page_title": _("My notifications"),
        },
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = get_object_or_404(notifications_of(request.user), pk=pk)
    notification_mark_read(notification=notification, acting_user=request.user)
    if "open" in request.POST and notification.link:
        return redirect(notification.link)
    return _back(request, "training:notifications")


@login_required
@require_POST
def notification_read_all(request):
    count = notifications_mark_all_read(acting_user=request.user)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d notification marked as read.",
                "%(count)d notifications marked as read.",
                count,
            )
            % {"count": count},
        )
    return _back(request, "training:notifications")
