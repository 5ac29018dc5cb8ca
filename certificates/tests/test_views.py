import json

import jwt
import pytest
from django.core.cache import cache
from django.urls import reverse
from openbadgeslib.ob3.status import decode_encoded_list

from certificates.services import certificate_issue_year, certificate_reissue, certificate_revoke


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def _in_english(client, settings):
    """The site speaks Vietnamese unless one chooses English with the switcher (a cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


def verify_page(client, code, language="en"):
    client.cookies["django_language"] = language
    return client.get(reverse("certificates:verify", args=[code]))


def test_the_page_of_a_valid_certificate(client, certificate):
    response = verify_page(client, certificate.code)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid certificate" in html
    assert "Nguyễn Thị Hương" in html
    assert "01/GCN-SGDĐT" in html
    assert "Sở Giáo dục và Đào tạo Lai Châu" in html
    assert "120" in html
    # It prints only what the certificate prints: no staff code, no e-mail.
    assert "GV001" not in html and "huong@example.vn" not in html


def test_the_page_in_vietnamese(client, certificate):
    html = verify_page(client, certificate.code, language="vi").content.decode()
    assert "Giấy chứng nhận hợp lệ" in html


def test_the_page_of_a_revoked_certificate(client, certificate):
    certificate_revoke(certificate=certificate, reason="Cấp nhầm người.", acting_user=None)
    html = verify_page(client, certificate.code).content.decode()
    assert "Revoked certificate" in html
    assert "Cấp nhầm người." in html


def test_the_page_of_a_replaced_certificate_links_to_the_new_one(client, certificate):
    new = certificate_reissue(certificate=certificate, correction="Sửa tên.", acting_user=None)
    html = verify_page(client, certificate.code).content.decode()
    assert "Replaced certificate" in html
    assert f"/verify/{new.code}/" in html
    assert "Valid certificate" in verify_page(client, new.code).content.decode()


@pytest.mark.parametrize("code", ["x", "A" * 27, "..%2E%2E..etc.passwd", "' OR 1=1 --", "é" * 27])
def test_malformed_or_unknown_codes_are_not_found(client, db, code):
    response = client.get(f"/verify/{code}/")
    assert response.status_code == 404
    response = client.get(f"/verify/{code}/json")
    assert response.status_code == 404
    assert response.json() == {"error": "No certificate has this code."}


def test_the_json_api(client, certificate):
    certificate_revoke(certificate=certificate, reason="Cấp nhầm.", acting_user=None)
    data = client.get(reverse("certificates:verify_json", args=[certificate.code])).json()
    assert data["status"] == "revoked"
    assert data["holder_name"] == "Nguyễn Thị Hương"
    assert data["revocation_reason"] == "Cấp nhầm."
    assert set(data) <= {
        "code", "status", "holder_name", "title", "achievement", "school_year", "hours",
        "completed_on", "issuer", "issuer_id", "serial", "module_code", "module_title",
        "revoked_on", "revocation_reason", "replaced_on", "replaced_by",
    }  # fmt: skip


def test_verification_is_rate_limited_per_address(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_RATE_PER_MINUTE = 3
    url = reverse("certificates:verify", args=[certificate.code])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Too many verification requests" in refused.content.decode()
    assert client.get(url + "json").status_code == 429
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_issuer_profile_and_keys_are_published(client, certificate):
    key = certificate.signing_key
    profile = client.get("/issuers/sgd-lai-chau/").json()
    assert profile["type"] == "Profile"
    assert profile["id"] == "https://hoctap.example.vn/issuers/sgd-lai-chau/"
    assert profile["verificationMethod"][0]["id"] == (
        f"https://hoctap.example.vn/issuers/sgd-lai-chau/keys/{key.kid}"
    )
    current = client.get("/issuers/sgd-lai-chau/key").json()
    assert current["type"] == "Multikey"
    assert current["publicKeyMultibase"].startswith("z6Mk")
    assert client.get(f"/issuers/sgd-lai-chau/keys/{key.kid}").json() == current
    jwks = client.get("/issuers/sgd-lai-chau/jwks.json").json()
    assert jwks["keys"][0]["kty"] == "OKP" and jwks["keys"][0]["crv"] == "Ed25519"
    assert "d" not in jwks["keys"][0]
    for response in (client.get("/issuers/sgd-lai-chau/"), client.get("/issuers/sgd-lai-chau/key")):
        assert "PRIVATE" not in response.content.decode()
    assert client.get("/issuers/nobody/").status_code == 404


def test_the_status_list_sets_the_revoked_bit(client, certificate):
    def bit():
        token = client.get(f"/issuers/sgd-lai-chau/status/{certificate.status_list.number}")
        assert token["Content-Type"] == "application/vc+jwt"
        claims = jwt.decode(token.content, options={"verify_signature": False})
        assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        bits = decode_encoded_list(claims["credentialSubject"]["encodedList"])
        index = certificate.status_index
        return bool(bits[index // 8] & (0x80 >> (index % 8)))

    assert bit() is False
    certificate_revoke(certificate=certificate, reason="Sai.", acting_user=None)
    assert bit() is True


def test_the_holder_downloads_pdf_and_credential(client, certificate, teacher):
    client.force_login(teacher)
    pdf = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    credential = client.get(reverse("certificates:credential", args=[certificate.code]))
    assert json.loads(credential.content) == json.loads(certificate.credential)
    assert "attachment" in credential["Content-Disposition"]


def test_nobody_else_downloads_them(client, certificate, other_school, make_person):
    url = reverse("certificates:pdf", args=[certificate.code])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_person(unit=other_school, full_name="Sùng A Dế"))
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("certificates:credential", args=[certificate.code])).status_code == 404
    )


def test_an_issued_pdf_lives_where_no_address_serves_it(settings, certificate):
    name = certificate.pdf.name
    assert (settings.PRIVATE_ROOT / name).read_bytes().startswith(b"%PDF")
    assert not (settings.MEDIA_ROOT / name).exists()
    with pytest.raises(ValueError, match="not accessible via a URL"):
        certificate.pdf.url  # noqa: B018


def test_the_web_server_sends_the_pdf_only_after_the_check(
    client, settings, certificate, teacher, other_school, make_person
):
    settings.PRIVATE_FILES_SENDFILE = "nginx"
    url = reverse("certificates:pdf", args=[certificate.code])
    client.force_login(teacher)
    response = client.get(url, {"inline": "1"})
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_private/{certificate.pdf.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(make_person(unit=other_school, full_name="Sùng A Dế"))
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_the_holders_list(client, certificate, teacher):
    from django.template.loader import render_to_string

    from certificates.selectors import certificates_for

    html = render_to_string(
        "certificates/includes/my_certificates.html",
        {"certificates": certificates_for(teacher)},
    )
    assert reverse("certificates:pdf", args=[certificate.code]) in html
    assert reverse("certificates:credential", args=[certificate.code]) in html
