"""The site's URLs plus the benchmark's baseline; used only by portal.settings.bench."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from portal.urls import urlpatterns as site_urlpatterns


def ok(request):
    """The cheapest response the full middleware stack can give: what every page is compared to."""
    return HttpResponse("ok", content_type="text/plain")


def media(request, path):
    """Uploaded files (images' renditions), as the front web server serves them in production:
    their names change with their content, so they are cached for a year."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "max-age=31536000, public, immutable"
    return response


urlpatterns = [
    path("bench/ok/", ok, name="bench-ok"),
    re_path(r"^media/(?P<path>.*)$", media),
    *site_urlpatterns,
]
