from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.forms import LoginForm

SEARCH_PER_PAGE = 10


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": _("Log in")}


class LogoutView(auth_views.LogoutView):
    pass


def search(request):
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    page = Paginator(results, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "portal/search.html", {"query": query, "results": page})
