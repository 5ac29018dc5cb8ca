"""The portal's Wagtail hooks: a deactivated account's sessions end when an administrator
deactivates it (one account's edit form, or the user listing's bulk action)."""

from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.staticfiles import versioned_static

from portal.sessions import sessions_end


@hooks.register("after_edit_user")
def end_sessions_of_a_deactivated_account(request, user):
    if not user.is_active:
        sessions_end(user_ids=[user.pk])


@hooks.register("after_bulk_action")
def end_sessions_of_deactivated_accounts(request, action_type, objects, action):
    if action_type == "set_active_state":
        sessions_end(user_ids=[obj.pk for obj in objects])


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """Makes the calls Wagtail's own inline scripts would make (our copies of its widget and
    panel templates write them as data): the admin's CSP allows no inline script."""
    return format_html('<script src="{}"></script>', versioned_static("portal/admin-init.js"))


@hooks.register("before_move_page")
def refuse_a_move_one_may_not_make(request, page, destination):
    """Wagtail shows the move confirmation (the page's and the destination's titles) to anyone
    with admin access and checks only when the move is posted: refuse it up front."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
