"""A test-only URLconf: the site's own, with views that fail, to see what a client gets."""

from django.http import Http404
from django.urls import path
from rest_framework import permissions
from rest_framework.views import APIView

from portal.urls import handler404, handler500  # noqa: F401 - the site's own handlers
from portal.urls import urlpatterns as site_urlpatterns


class BrokenApiView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise RuntimeError("a bug in an API view")

    def post(self, request):
        raise RuntimeError("a bug in an API view")


def broken(request):
    raise RuntimeError("a bug in a plain view")


def missing(request):
    raise Http404("no such thing")


urlpatterns = [
    path("api/v1/test-broken/", BrokenApiView.as_view()),
    path("api/test-plain-broken/", broken),
    path("api/test-plain-missing/", missing),
    path("xapi/test-broken", broken),
    path("test-broken-page/", broken),
    *site_urlpatterns,
]
