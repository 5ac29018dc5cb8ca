"""Django's error handlers (portal.urls' handler404 and handler500): under the API's addresses
(/api/, /xapi/) the error is answered in the API's one JSON shape (portal.api.errors), as a
script expects, never with an HTML page; elsewhere Django's own pages. Django calls these for
what no view answered itself: an exception that escaped a view or a middleware (logged by
Django as usual, then turned into this response) or an Http404 outside DRF's views."""

from django.utils.translation import gettext_lazy as _
from django.views import defaults

from portal.api.errors import error_response
from portal.api.middleware import API_PREFIXES

MESSAGE_SERVER_ERROR = _(
    "Something went wrong on the server and the request was not completed. It has been logged; "
    "try again later, and tell the site's administrators if it keeps happening."
)
MESSAGE_NOT_FOUND = _("Nothing is found at this address.")


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIXES)


def server_error(request, *args, **kwargs):
    if _is_api(request):
        return error_response("server_error", MESSAGE_SERVER_ERROR, status_code=500)
    return defaults.server_error(request, *args, **kwargs)


def page_not_found(request, exception, *args, **kwargs):
    if _is_api(request):
        return error_response("not_found", MESSAGE_NOT_FOUND, status_code=404)
    return defaults.page_not_found(request, exception, *args, **kwargs)
