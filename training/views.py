from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def home(request):
    """The teacher's own page. The yearly dashboard grows here with the training records."""
    profile = getattr(request.user, "profile", None)
    return render(request, "training/home.html", {"profile": profile})
