import json
from pathlib import Path

import pytest
from openbadgeslib.ob3.contexts import load_context
from openbadgeslib.ob3.ldp import OB3LdpVerifier
from openbadgeslib.ob3.verifier import OB3VerificationError
from pyld import jsonld

from certificates import credentials
from certificates.services import certificate_issue_year, certificate_revoke, issuer_key_rotate

CONTEXTS = Path(credentials.__file__).resolve().parent / "contexts"


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


def test_the_credential_is_a_signed_open_badge(certificate):
    document = json.loads(certificate.credential)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == f"https://hoctap.example.vn/verify/{certificate.code}/"
    assert document["issuer"]["id"] == "https://hoctap.example.vn/issuers/sgd-lai-chau/"
    assert document["credentialSubject"]["identifier"][0]["identityHash"] == "Nguyễn Thị Hương"
    assert document["credentialSubject"]["achievement"]["name"].startswith(
        "Hoàn thành chương trình bồi dưỡng thường xuyên năm học"
    )
    assert document["credentialStatus"]["type"] == "BitstringStatusListEntry"
    proof = document["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"] == credentials.key_url(certificate.signing_key)

    # openbadgeslib's full verifier: context validation, then the signature.
    verified = OB3LdpVerifier(pubkey_pem=certificate.signing_key.public_key_pem).verify(document)
    assert verified.issuer.name == "Sở Giáo dục và Đào tạo Lai Châu"


def test_one_altered_character_breaks_the_signature(certificate):
    tampered = certificate.credential.replace("Nguyễn Thị Hương", "Nguyễn Thị Hướng")
    assert tampered != certificate.credential
    with pytest.raises(OB3VerificationError, match="signature mismatch"):
        OB3LdpVerifier(pubkey_pem=certificate.signing_key.public_key_pem).verify(tampered)


def test_the_private_key_is_encrypted_at_rest(certificate, settings):
    key = certificate.signing_key
    assert "PRIVATE KEY" not in key.private_key_encrypted
    assert b"PRIVATE KEY" in credentials.private_key_pem(key)
    settings.CERTIFICATES_KEY_SECRET = "another secret"
    with pytest.raises(credentials.KeyUnavailable):
        credentials.private_key_pem(key)


def test_a_rotated_key_keeps_old_credentials_verifiable(certificate, issuer):
    new_key = issuer_key_rotate(issuer=issuer, acting_user=None)
    assert new_key.kid != certificate.signing_key.kid
    assert credentials.credential_verify(certificate.credential).status == "valid"


def test_credential_verify_reports_revocation(certificate):
    assert credentials.credential_verify(certificate.credential).status == "valid"
    certificate_revoke(certificate=certificate, reason="Cấp nhầm.", acting_user=None)
    assert credentials.credential_verify(certificate.credential).status == "revoked"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("not json {", "not_json"),
        ("[1, 2]", "not_credential"),
        ('{"type": ["VerifiableCredential"]}', "not_credential"),
    ],
)
def test_credential_verify_says_what_is_wrong(db, text, kind):
    with pytest.raises(credentials.CredentialProblem) as problem:
        credentials.credential_verify(text)
    assert problem.value.kind == kind


def test_a_credential_signed_by_an_unknown_key_is_refused(certificate, issuer):
    document = json.loads(certificate.credential)
    document["proof"]["verificationMethod"] = (
        "https://hoctap.example.vn/issuers/sgd-lai-chau/keys/0123456789abcdef"
    )
    with pytest.raises(credentials.CredentialProblem) as problem:
        credentials.credential_verify(json.dumps(document))
    assert problem.value.kind == "unknown_key"


def test_bundled_contexts_are_the_ones_signed_against():
    """certificates/contexts holds a copy of every context our documents name; each is the
    very document openbadgeslib canonicalises with (an upgrade that changes one fails here)."""
    names = {
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
        "https://w3id.org/security/multikey/v1": "security-multikey-v1.json",
        "https://w3id.org/security/data-integrity/v2": "security-data-integrity-v2.json",
    }
    for url, name in names.items():
        assert json.loads((CONTEXTS / name).read_text("utf-8")) == load_context(url)


def test_nothing_is_fetched_from_the_network(teacher, issuer, completed_year):
    """Issue and verify with pyld's own document loader replaced by one that fails."""
    fetched = []

    def refuse(url, options=None):
        fetched.append(url)
        raise RuntimeError(f"fetched {url}")

    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(refuse)
    try:
        certificate = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
        assert credentials.credential_verify(certificate.credential).status == "valid"
    finally:
        jsonld.set_document_loader(previous)
    assert fetched == []
