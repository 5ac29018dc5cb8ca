from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

ERROR_INVALID_LOGIN = _(
    "The staff code, e-mail or password is not right. Check them and try again; "
    "letter case in the password matters."
)


class LoginForm(AuthenticationForm):
    """Front-end login by staff code or e-mail. The error never says which part was wrong,
    so it does not reveal whether an account exists."""

    username = forms.CharField(
        label=_("Staff code or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": ERROR_INVALID_LOGIN,
        "inactive": ERROR_INVALID_LOGIN,
    }
