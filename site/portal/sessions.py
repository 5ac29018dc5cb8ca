"""The session engine (SESSION_ENGINE = "portal.sessions"): Django's database sessions, each row
also naming its account, so that `sessions_end` ends all of an account's sessions by index."""

from collections.abc import Iterable

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from portal.models import PortalSession

        return PortalSession

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            instance.user_id = None
        return instance


def sessions_end(*, user_ids: Iterable[int], only_inactive: bool = True) -> int:
    """End every session of these accounts (by default only of those now deactivated). Returns
    how many sessions were ended."""
    from portal.models import PortalSession

    accounts = get_user_model().objects.filter(pk__in=list(user_ids))
    if only_inactive:
        accounts = accounts.filter(is_active=False)
    deleted, _by_model = PortalSession.objects.filter(user__in=accounts).delete()
    return deleted
