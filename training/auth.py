from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


def account_for_login(login: str):
    """The account a login name means: the staff code (username) or the e-mail address, in
    any letter case, spaces around it ignored. None when no account matches."""
    login = (login or "").strip()
    if not login:
        return None
    User = get_user_model()
    query = Q(username__iexact=login)
    if "@" in login:
        query |= Q(email__iexact=login)
    return User.objects.filter(query).order_by("pk").first()


def login_identity(request, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the one identity that django-axes counts failures against and
    locks, however the name was written — the account's staff code, in lower case, for its
    staff code and its e-mail in any letter case; the name folded to lower case when no
    account matches. The form field comes from the credentials when axes has them (the
    authentication backend, the login-failed signal), else from the request's POST."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        raw = credentials.get(field)
    else:
        raw = getattr(request, "data", None) or getattr(request, "POST", {})
        raw = raw.get(field) if hasattr(raw, "get") else None
    if not isinstance(raw, str) or not raw.strip():
        return None
    account = account_for_login(raw)
    return (account.username if account else raw.strip()).casefold()


class StaffCodeOrEmailBackend(ModelBackend):
    """Log in with the staff code (username) or the e-mail address, in any letter case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user = account_for_login(username)
        if user is None:
            # Spend the time a password check would, so timing does not reveal the account.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
