"""Public verification, the issuers' published documents, and the holders' downloads.

The verification page and its JSON say only what the certificate itself prints, and are
rate-limited per client address. The issuer documents (profile, keys, status list) are public
by nature: verifiers everywhere need them."""

import json
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates import credentials, selectors
from certificates.models import Certificate, StatusList
from training.private_files import private_file_response

JSON_LD = "application/ld+json"
ERROR_RATE_LIMITED = gettext_lazy(
    "Too many verification requests from your address. Wait a minute and try again."
)
ERROR_NOT_FOUND = gettext_lazy("No certificate has this code.")


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(view):
    """At most CERTIFICATES_VERIFY_RATE_PER_MINUTE requests a minute from one address, counted
    in Django's cache (shared by every process when the cache is)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        limit = settings.CERTIFICATES_VERIFY_RATE_PER_MINUTE
        minute = int(timezone.now().timestamp() // 60)
        key = f"certificates:verify:{_client_address(request)}:{minute}"
        cache.add(key, 0, timeout=120)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=120)
            count = 1
        if count > limit:
            message = str(ERROR_RATE_LIMITED)
            if request.path.endswith("/json"):
                response = JsonResponse({"error": message}, status=429)
            else:
                response = render(
                    request, "certificates/rate_limited.html", {"message": message}, status=429
                )
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _public_facts(certificate: Certificate) -> dict:
    """What the verification page and API may show: what the certificate prints, and its
    status."""
    data = certificate.data
    facts = {
        "code": certificate.code,
        "status": certificate.status,
        "holder_name": data.get("holder_name", ""),
        "title": data.get("title_line", ""),
        "achievement": data.get("achievement_name", ""),
        "school_year": certificate.school_year,
        "hours": data.get("hours"),
        "completed_on": certificate.completed_on.isoformat(),
        "issuer": data.get("issuer_public_name", ""),
        "issuer_id": credentials.issuer_url(certificate.issuer),
        "serial": certificate.serial,
        "module_code": data.get("module_code", ""),
        "module_title": data.get("module_title", ""),
    }
    if certificate.revoked_at:
        facts["revoked_on"] = timezone.localdate(certificate.revoked_at).isoformat()
        facts["revocation_reason"] = certificate.revocation_reason
    if certificate.replaced_by_id:
        facts["replaced_on"] = timezone.localdate(certificate.replaced_at).isoformat()
        facts["replaced_by"] = credentials.verify_url(certificate.replaced_by.code)
    return facts


@require_GET
@never_cache
@rate_limited
def verify(request, code):
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return render(request, "certificates/verify_not_found.html", status=404)
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "facts": _public_facts(certificate),
            "page_title": _("Certificate verification"),
        },
    )


@require_GET
@never_cache
@rate_limited
def verify_json(request, code):
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return JsonResponse({"error": str(ERROR_NOT_FOUND)}, status=404)
    return JsonResponse(_public_facts(certificate), json_dumps_params={"ensure_ascii": False})


# The issuers' published documents -------------------------------------------------------------


def _json_ld(document: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=JSON_LD
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _issuer_or_404(slug):
    issuer = selectors.issuer_by_slug(slug)
    if issuer is None:
        raise Http404
    return issuer


@require_GET
def issuer_profile(request, slug):
    issuer = _issuer_or_404(slug)
    return _json_ld(credentials.issuer_profile_document(issuer, selectors.issuer_keys(issuer)))


@require_GET
def issuer_key(request, slug):
    """The issuer's current public key, at an address that never changes."""
    key = selectors.active_key(_issuer_or_404(slug))
    if key is None:
        raise Http404
    return _json_ld(credentials.multikey_document(key))


@require_GET
def issuer_key_version(request, slug, kid):
    """One key, current or retired: the verificationMethod a proof names."""
    issuer = _issuer_or_404(slug)
    key = selectors.issuer_keys(issuer).filter(kid=kid).first()
    if key is None:
        raise Http404
    return _json_ld(credentials.multikey_document(key))


@require_GET
def issuer_jwks(request, slug):
    issuer = _issuer_or_404(slug)
    response = JsonResponse(
        {"keys": [credentials.public_jwk(key) for key in selectors.issuer_keys(issuer)]}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@never_cache
def status_list(request, slug, number):
    """The Bitstring Status List credential, signed (JWT-VC) with the issuer's current key."""
    issuer = _issuer_or_404(slug)
    status = StatusList.objects.filter(issuer=issuer, number=number).first()
    key = selectors.active_key(issuer)
    if status is None or key is None:
        raise Http404
    token = credentials.status_list_jwt(
        status, revoked_indices=selectors.revoked_indices(status), key=key
    )
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Access-Control-Allow-Origin"] = "*"
    return response


# The holder's downloads -----------------------------------------------------------------------


def _downloadable(request, code) -> Certificate:
    certificate = selectors.certificate_by_code(code)
    if certificate is None or not selectors.certificate_downloadable_by(request.user, certificate):
        raise Http404
    return certificate


@login_required
@require_GET
def certificate_pdf(request, code):
    certificate = _downloadable(request, code)
    return private_file_response(
        certificate.pdf,
        as_attachment=request.GET.get("inline") != "1",
        filename=f"giay-chung-nhan-{certificate.school_year}-{certificate.code[:8]}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_GET
def certificate_credential(request, code):
    certificate = _downloadable(request, code)
    response = HttpResponse(certificate.credential, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{certificate.school_year}-{certificate.code[:8]}.json"'
    )
    return response
