from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from training.services import password_changed


@login_required
def home(request):
    """The teacher's own page. The yearly dashboard grows here with the training records."""
    profile = getattr(request.user, "profile", None)
    return render(request, "training/home.html", {"profile": profile})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "training/password_change.html"
    success_url = reverse_lazy("training:home")
    extra_context = {"page_title": _("Change your password")}

    def form_valid(self, form):
        response = super().form_valid(form)
        password_changed(user=self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return response
