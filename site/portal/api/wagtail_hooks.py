from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_api_log_actions(actions):
    actions.register_action(
        "hoctap.api_token_create", _("Make an API token"), _("Made an API token")
    )
    actions.register_action(
        "hoctap.api_token_revoke", _("Revoke an API token"), _("Revoked an API token")
    )
