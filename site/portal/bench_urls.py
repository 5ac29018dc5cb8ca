"""The site's URLs plus the benchmark's baseline; used only by portal.settings.bench."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def ok(request):
    """The cheapest response the full middleware stack can give: what every page is compared to."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok, name="bench-ok"), *site_urlpatterns]
