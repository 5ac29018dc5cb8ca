"""`me`, the API's documentation pages, and the personal API tokens page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api.errors import error_response
from portal.api.forms import TokenForm
from portal.api.selectors import api_tokens_of
from portal.api.serializers import MeSerializer
from portal.api.services import api_token_create, api_token_revoke
from training.models import StaffProfile
from training.selectors import units_visible_to

MESSAGE_NOT_FOUND = _("Nothing is found at this address.")

#: The permissions `me` lists: those of our own apps.
OUR_APPS = ("training.", "certificates.", "courses.")


class MeView(APIView):
    @extend_schema(
        summary="Who I am: profile, roles and the units in my reach", responses=MeSerializer
    )
    def get(self, request):
        user = request.user
        profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
        data = {
            "id": user.pk,
            "staff_code": user.username,
            "name": user.full_name,
            "email": user.email,
            "unit": profile.unit if profile else None,
            "position": profile.position if profile else "",
            "school_level": profile.school_level if profile else "",
            "subjects": profile.subjects if profile else "",
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "permissions": sorted(p for p in user.get_all_permissions() if p.startswith(OUR_APPS)),
            "units_in_reach": units_visible_to(user).order_by("path"),
            "language": get_language(),
        }
        return Response(MeSerializer(data).data)


#: The docs pages may load nothing from another site (they work offline): the browser is told
#: so, which also stops ReDoc's "API docs by Redocly" logo from being fetched from its CDN.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


class _OwnAssetsOnly:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CSP
        return response


class SwaggerView(_OwnAssetsOnly, SpectacularSwaggerView):
    """Swagger UI from our own static files (drf-spectacular-sidecar), nothing from elsewhere."""

    title = "Học Tập API"


class RedocView(_OwnAssetsOnly, SpectacularRedocView):
    """ReDoc from our own static files, without the web fonts drf-spectacular's page fetches."""

    template_name = "api/redoc.html"
    title = "Học Tập API"


def not_found(request, *args, **kwargs):
    """An address under /api/ or /xapi/ that names nothing."""
    return error_response("not_found", MESSAGE_NOT_FOUND, status_code=404)


# Personal API tokens ----------------------------------------------------------------------------


@never_cache
@login_required
def tokens(request):
    """Make, list and revoke one's API tokens. A new token's key is shown once, on the page
    that made it, and never again."""
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = api_token_create(
                user=request.user, name=form.cleaned_data["name"], acting_user=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("name" if hasattr(error, "error_dict") else None, message)
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": api_tokens_of(request.user),
            "page_title": _("API tokens"),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(api_tokens_of(request.user), pk=pk)
    api_token_revoke(token=token, acting_user=request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api:tokens")
