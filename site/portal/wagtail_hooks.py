"""The portal's Wagtail hooks: a deactivated account's sessions end when an administrator
deactivates it (one account's edit form, or the user listing's bulk action)."""

from wagtail import hooks

from portal.sessions import sessions_end


@hooks.register("after_edit_user")
def end_sessions_of_a_deactivated_account(request, user):
    if not user.is_active:
        sessions_end(user_ids=[user.pk])


@hooks.register("after_bulk_action")
def end_sessions_of_deactivated_accounts(request, action_type, objects, action):
    if action_type == "set_active_state":
        sessions_end(user_ids=[obj.pk for obj in objects])
