from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class StaffCodeOrEmailBackend(ModelBackend):
    """Log in with the staff code (username) or the e-mail address, in any letter case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        User = get_user_model()
        login = username.strip()
        query = Q(username__iexact=login)
        if "@" in login:
            query |= Q(email__iexact=login)
        user = User.objects.filter(query).first()
        if user is None:
            # Spend the time a password check would, so timing does not reveal the account.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
