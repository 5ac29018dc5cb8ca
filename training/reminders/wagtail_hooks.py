"""The reminders' hooks (imported by training.wagtail_hooks): the teacher's dashboard lists their
notifications, the admin home shows a manager theirs, and marking read is in the audit log."""

from django.middleware.csrf import get_token
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from training.hooks import DASHBOARD_CONTEXT
from training.reminders.selectors import notifications_of
from training.reminders.views import shown

#: How many notifications the dashboard and the admin home show.
SHOWN = 5


def _latest(user) -> dict:
    notifications = notifications_of(user)
    return {
        "notifications": shown(notifications[:SHOWN]),
        "notifications_unread": notifications.filter(read_at__isnull=True).count(),
    }


@hooks.register(DASHBOARD_CONTEXT)
def dashboard_notifications(request, *, dashboard):
    return _latest(request.user)


class NotificationsPanel(Component):
    name = "training_notifications"
    template_name = "training/reminders/admin_panel.html"
    order = 40

    def __init__(self, context: dict):
        self.context = context

    def get_context_data(self, parent_context):
        # A component renders its template with a plain dict, not the page's RequestContext:
        # the forms' {% csrf_token %} needs the token given here (issue 12: the buttons got 403).
        request = parent_context["request"]
        return {**self.context, "request": request, "csrf_token": get_token(request)}


@hooks.register("construct_homepage_panels")
def add_notifications_panel(request, panels):
    """A manager's own notifications (approvals waiting) on the admin home, when there are any."""
    context = _latest(request.user)
    if context["notifications"]:
        panels.append(NotificationsPanel(context))


@hooks.register("register_log_actions")
def register_notification_log_actions(actions):
    actions.register_action(
        "hoctap.notification_read", _("Read a notification"), _("Marked a notification as read")
    )
    actions.register_action(
        "hoctap.notifications_read",
        _("Read all notifications"),
        _("Marked all their notifications as read"),
    )
