from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.views import account
from wagtail.models import Page

from courses.search import folded_query
from portal.accounts import CONFIRM_MAX_AGE, confirm_mail_send, confirm_token_read
from portal.forms import EmailForm, LoginForm, PasswordResetForm
from training.forms import errors_to_form
from training.services import email_change, email_confirm, password_changed

SEARCH_PER_PAGE = 10


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": _("Log in")}


class LogoutView(auth_views.LogoutView):
    pass


class AdminLogoutView(account.LogoutView):
    """Wagtail's admin logout, by POST only (its menu posts). Wagtail's own view deletes the
    session cookie whatever the method, so a GET answered 405 left the session valid on the
    server while the browser forgot it: here a GET is only the 405."""

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


# Forgot your password? Django's views and token generator; the mail goes only to a confirmed
# address (portal.forms.ConfirmedAddressOnly), and every address gets the same next page.


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "portal/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password_reset_done")
    extra_context = {"page_title": _("Forgot your password?")}
    extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "portal/password_reset_done.html"
    extra_context = {"page_title": _("Forgot your password?")}


class PasswordChosenMixin:
    """A reset ends with a password the person chose: recorded, and no longer "initial"."""

    def form_valid(self, form):
        response = super().form_valid(form)
        password_changed(user=form.user)
        return response


class PasswordResetConfirmView(PasswordChosenMixin, auth_views.PasswordResetConfirmView):
    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password_reset_complete")
    extra_context = {"page_title": _("Choose a new password")}


class AdminPasswordResetConfirmView(PasswordChosenMixin, account.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "portal/password_reset_complete.html"
    extra_context = {"page_title": _("Your password has been changed")}


# One's own e-mail address: set it, and confirm it by the link mailed to it.


@login_required
@require_http_methods(["GET", "POST"])
def email(request):
    user = request.user
    form = EmailForm(initial={"email": user.email})
    if request.method == "POST" and "resend" in request.POST:
        confirm_mail_send(user=user, request=request)
        messages.success(request, _("We have sent the link again. Open it within %(days)d days.")
                         % {"days": CONFIRM_MAX_AGE // 86400})  # fmt: skip
        return redirect("portal:email")
    if request.method == "POST":
        form = EmailForm(request.POST)
        if form.is_valid():
            try:
                user = email_change(user=user, email=form.cleaned_data["email"], acting_user=user)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                if not user.email_confirmed:
                    confirm_mail_send(user=user, request=request)
                    messages.success(
                        request,
                        _("We have sent a link to %(email)s: open it to confirm the address.")
                        % {"email": user.email},
                    )
                return redirect("portal:email")
    return render(
        request,
        "portal/email.html",
        {"form": form, "page_title": _("Your e-mail address"), "person": user},
    )


@require_http_methods(["GET", "POST"])
def email_confirm_view(request, token: str):
    """The link mailed to an address: a page with one button (so that a mail scanner that
    opens links confirms nothing); pressing it confirms the address if it is still theirs."""
    found = confirm_token_read(token)
    if request.method == "POST" and found is not None:
        person, address = found
        if email_confirm(user=person, email=address):
            messages.success(request, _("Your e-mail address %(email)s is confirmed.")
                             % {"email": address})  # fmt: skip
            return redirect("training:home" if request.user.is_authenticated else "portal:login")
        found = None
    return render(
        request,
        "portal/email_confirm.html",
        {"found": found, "page_title": _("Confirm your e-mail address")},
        status=200 if found else 404,
    )


def search(request):
    """Live public pages holding every word of the query, with or without diacritics
    (courses.search). The query is searched as its folded words only, so no character of it
    is ever read as search syntax."""
    query = request.GET.get("q", "").strip()
    words = folded_query(query)
    results = Page.objects.none()
    if words:
        results = Page.objects.live().public().specific().search(words, operator="and")
    page = Paginator(results, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "portal/search.html", {"query": query, "results": page})
