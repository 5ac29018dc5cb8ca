from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from portal.accounts import language_of
from training.selectors import password_reset_recipients

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


class ConfirmedAddressOnly:
    """Password reset forms mail a link only to an address its owner confirmed (never one set
    by an import or a manager), in the owner's language. The page after it says the same
    whatever was typed, so it reveals no account."""

    def get_users(self, email):
        return (u for u in password_reset_recipients(email) if u.has_usable_password())

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(language_of(context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class PasswordResetForm(ConfirmedAddressOnly, DjangoPasswordResetForm):
    """The front end's “Forgot your password?”."""

    email = forms.EmailField(
        label=_("Your confirmed e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class AdminPasswordResetForm(ConfirmedAddressOnly, WagtailPasswordResetForm):
    """Wagtail's admin password reset (WAGTAILADMIN_USER_PASSWORD_RESET_FORM)."""


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
