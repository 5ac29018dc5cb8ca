"""Security middleware: the Wagtail admin's own Content-Security-Policy, and the session guard
(idle timeout; a deactivated account's session ended for good)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.utils.translation import gettext_lazy as _

#: Where the Wagtail admin lives (portal.urls).
ADMIN_PREFIX = "/admin/"
#: The session keys the guard keeps: when the person was last seen, and their idle limit.
LAST_SEEN = "portal_last_seen"
IDLE_LIMIT = "portal_idle_limit"
#: The last-seen time is written at most this often (seconds), not on every request.
LAST_SEEN_RESOLUTION = 60
MESSAGE_IDLE = _("Your session ended after a long time without activity. Please log in again.")


class AdminContentSecurityPolicyMiddleware:
    """Responses under /admin/ get PORTAL_ADMIN_CSP instead of SECURE_CSP.

    Sits just inside django.middleware.csp.ContentSecurityPolicyMiddleware, which reads the
    policy a response names (as Django's @csp_override does for one view)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.PORTAL_ADMIN_CSP
        return response


class SessionGuardMiddleware:
    """After AuthenticationMiddleware.

    - A session whose account no longer logs in (deactivated, deleted) is flushed, so that it
      cannot come back if the account is reactivated. (Django already refuses an inactive
      account on every request; its password changing ends its other sessions through the
      session auth hash.)
    - A session left idle longer than its limit is logged out: SESSION_IDLE_TIMEOUT_ADMIN for
      anyone who may open the Wagtail admin, SESSION_IDLE_TIMEOUT for everyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:
            if not request.user.is_authenticated:
                session.flush()
            else:
                self._check_idle(request, session)
        return self.get_response(request)

    def _check_idle(self, request, session) -> None:
        user = request.user
        limit = session.get(IDLE_LIMIT)
        if limit is None:
            admin = user.has_perm("wagtailadmin.access_admin")
            limit = settings.SESSION_IDLE_TIMEOUT_ADMIN if admin else settings.SESSION_IDLE_TIMEOUT
            session[IDLE_LIMIT] = limit
        now = int(time.time())
        last_seen = session.get(LAST_SEEN)
        if limit and last_seen is not None and now - last_seen > limit:
            logout(request)
            messages.info(request, MESSAGE_IDLE)
        elif last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN] = now
