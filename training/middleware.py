from django.shortcuts import redirect
from django.urls import reverse


class PasswordChangeRequiredMiddleware:
    """A person given an initial password must choose their own before doing anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("training:password_change"), reverse("portal:logout"))
            if request.path not in allowed and not request.path.startswith(("/static/", "/i18n/")):
                return redirect(reverse("training:password_change"))
        return self.get_response(request)
