from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

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


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin login, labelled for staff codes and e-mail, with the same error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Staff code or e-mail")
        self.fields["username"].widget.attrs["placeholder"] = _("Staff code or e-mail")
        self.fields["password"].label = _("Password")

    def get_invalid_login_error(self):
        return forms.ValidationError(ERROR_INVALID_LOGIN, code="invalid_login")
