"""Signed credentials: Open Badges 3.0 `OpenBadgeCredential`s secured with a Data Integrity
proof (`eddsa-rdfc-2022`), issuers' Ed25519 keys, and the Bitstring Status List that
publishes revocations.

All canonicalisation, proof and status-list code is openbadgeslib's (with pyld): this module
only decides what a certificate's credential says, where its issuer's documents live, and
keeps the private keys encrypted. JSON-LD contexts are the pinned copies bundled with
openbadgeslib (a copy of each is kept in certificates/contexts/, checked identical by the
tests); nothing is fetched from the network.
"""

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from openbadgeslib.keys import public_jwk_from_pem
from openbadgeslib.ob3.credential import (
    Achievement,
    IdentityObject,
    OpenBadgeCredential,
)
from openbadgeslib.ob3.credential import (
    Issuer as ProfileIssuer,
)
from openbadgeslib.ob3.did import multikey_from_pem
from openbadgeslib.ob3.ldp import add_data_integrity_proof
from openbadgeslib.ob3.status_list import (
    build_status_list_credential,
    sign_status_list_credential,
    status_entry,
)

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
#: How long a served status list stays fresh: verifiers refuse an older copy.
STATUS_LIST_VALIDITY = timedelta(days=1)


# Addresses ------------------------------------------------------------------------------------


def public_url(path: str) -> str:
    """An absolute address on the public site. Issued credentials and QR codes carry these, so
    CERTIFICATES_PUBLIC_URL must be the address the public reaches the site at."""
    base = settings.CERTIFICATES_PUBLIC_URL or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def verify_url(code: str) -> str:
    return public_url(reverse("certificates:verify", args=[code]))


def issuer_url(issuer) -> str:
    return public_url(reverse("certificates:issuer", args=[issuer.slug]))


def key_url(key) -> str:
    return public_url(reverse("certificates:issuer_key_version", args=[key.issuer.slug, key.kid]))


def status_list_url(status_list) -> str:
    return public_url(
        reverse("certificates:status_list", args=[status_list.issuer.slug, status_list.number])
    )


def achievement_url(issuer, achievement_key: str) -> str:
    return issuer_url(issuer) + f"achievements/{achievement_key}"


# Keys -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewKey:
    kid: str
    public_pem: str
    private_encrypted: str


def _fernet() -> Fernet:
    """Private keys are encrypted at rest with a key derived from CERTIFICATES_KEY_SECRET (or,
    when that is empty, SECRET_KEY): a database dump alone does not reveal them."""
    secret = (settings.CERTIFICATES_KEY_SECRET or settings.SECRET_KEY).encode("utf-8")
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"hoctap-certificates", info=b"issuer-keys"
    ).derive(secret)
    return Fernet(base64.urlsafe_b64encode(derived))


def key_generate() -> NewKey:
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return NewKey(
        kid=key_id(public_pem),
        public_pem=public_pem,
        private_encrypted=_fernet().encrypt(private_pem).decode("ascii"),
    )


def key_id(public_pem: str) -> str:
    """A short, stable name for a public key: the start of its SHA-256."""
    return hashlib.sha256(public_pem.encode("ascii")).hexdigest()[:16]


class KeyUnavailable(Exception):
    """The private key cannot be decrypted: the secret it was encrypted with has changed."""


@lru_cache(maxsize=32)
def _private_pem(token: str, secret_fingerprint: str) -> bytes:
    try:
        return _fernet().decrypt(token.encode("ascii"))
    except InvalidToken as exc:
        raise KeyUnavailable(
            "An issuer's private key cannot be decrypted: CERTIFICATES_KEY_SECRET (or "
            "SECRET_KEY) differs from the one it was encrypted with."
        ) from exc


def private_key_pem(key) -> bytes:
    fingerprint = hashlib.sha256(
        (settings.CERTIFICATES_KEY_SECRET or settings.SECRET_KEY).encode("utf-8")
    ).hexdigest()
    return _private_pem(key.private_key_encrypted, fingerprint)


def multikey_document(key) -> dict:
    """The verification method a proof names: a Multikey document at a stable address. A
    retired key is published the same way and never marked "revoked": replacing a key is not a
    compromise, and what it signed stays valid."""
    return {
        "@context": MULTIKEY_CONTEXT,
        "id": key_url(key),
        "type": "Multikey",
        "controller": issuer_url(key.issuer),
        "publicKeyMultibase": multikey_from_pem(key.public_key_pem),
    }


def public_jwk(key) -> dict:
    jwk = public_jwk_from_pem(key.public_key_pem)
    return {**jwk, "kid": key_url(key), "use": "sig", "alg": "EdDSA"}


def issuer_profile_document(issuer, keys) -> dict:
    """The issuer's public profile: an Open Badges `Profile` with its keys."""
    document = {
        "@context": [VC2_CONTEXT, OB3_CONTEXT, MULTIKEY_CONTEXT],
        "id": issuer_url(issuer),
        "type": "Profile",
        "name": issuer.public_name,
    }
    if issuer.website:
        document["url"] = issuer.website
    document["verificationMethod"] = [multikey_document(key) for key in keys]
    return document


# Credentials ----------------------------------------------------------------------------------


def credential_build(*, code: str, issuer, data: dict, status_list, status_index: int, issued_at):
    """The unsigned credential of a certificate, from the data printed on it."""
    if data["kind"] == "module":
        achievement_key = f"module-{data['module_code']}".replace(" ", "")
    else:
        achievement_key = f"year-{data['school_year']}"
    achievement = Achievement(
        id=achievement_url(issuer, achievement_key),
        name=data["achievement_name"],
        description=data["achievement_description"],
        criteria_narrative=data["criteria"],
        achievement_type="Certificate",
        credits_available=data["hours"],
    )
    return OpenBadgeCredential(
        id=verify_url(code),
        name=data["title_line"],
        issuer=ProfileIssuer(
            id=issuer_url(issuer), name=issuer.public_name, url=issuer.website or None
        ),
        recipient_id=None,
        identifiers=[
            IdentityObject(identity_hash=data["holder_name"], identity_type="name", hashed=False)
        ],
        achievement=achievement,
        credits_earned=data["hours"],
        issuance_date=issued_at,
        credential_status=[status_entry(status_list_url(status_list), "revocation", status_index)],
    )


def credential_sign(credential: OpenBadgeCredential, *, key, created: datetime) -> str:
    """Sign with openbadgeslib's eddsa-rdfc-2022 Data Integrity proof; return the JSON text
    the holder downloads.

    `add_data_integrity_proof` is openbadgeslib's signing step without OB3LdpSigner's
    self-check of the JSON-LD form, which costs twice the signature itself (~45 ms). Every
    credential here comes from `credential_build` above, whose shape the tests check with
    the full OB3LdpVerifier, context validation included."""
    signed = add_data_integrity_proof(
        credential.to_vc(), private_key_pem(key), key_url(key), created=created
    )
    return json.dumps(signed, ensure_ascii=False, indent=2)


# Status lists ---------------------------------------------------------------------------------


def status_list_jwt(status_list, *, revoked_indices, key, now: datetime | None = None) -> str:
    """The issuer's Bitstring Status List credential, signed as a JWT-VC (EdDSA) with the
    issuer's current key, fresh for STATUS_LIST_VALIDITY."""
    now = now or timezone.now()
    document = build_status_list_credential(
        issuer_url(status_list.issuer),
        status_list_url(status_list),
        "revocation",
        revoked_indices,
        size_bits=status_list.size,
        issued=now,
        valid_until=now + STATUS_LIST_VALIDITY,
    )
    return sign_status_list_credential(document, private_key_pem(key), "EdDSA")


# Verification ---------------------------------------------------------------------------------


class CredentialProblem(Exception):
    """Why a credential file does not verify, in a sentence; `kind` names the failure."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class CheckedCredential:
    status: str  # "valid", "revoked" or "replaced"
    holder_name: str
    achievement: str
    issuer_name: str
    key_id: str
    certificate: object | None


def _parse(text: str | bytes) -> dict:
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CredentialProblem("not_json", _("The file is not JSON: %s") % exc) from None
    if not isinstance(document, dict):
        raise CredentialProblem(
            "not_credential", _("The file is JSON but not a credential object.")
        )
    types = document.get("type")
    types = types if isinstance(types, list) else [types]
    if "VerifiableCredential" not in types or "OpenBadgeCredential" not in types:
        raise CredentialProblem(
            "not_credential",
            _(
                "The file is JSON but not an Open Badges credential (its type is not "
                "VerifiableCredential and OpenBadgeCredential)."
            ),
        )
    return document


def _signing_key_of(document: dict):
    """The issuer key a credential's proof names, if it is one of ours."""
    from certificates.models import IssuerKey

    proof = document.get("proof")
    method = proof.get("verificationMethod") if isinstance(proof, dict) else None
    if not isinstance(method, str) or not method:
        raise CredentialProblem("no_proof", _("The credential carries no signature (no proof)."))
    kid = method.rstrip("/").rsplit("/", 1)[-1]
    key = IssuerKey.objects.select_related("issuer").filter(kid=kid).first()
    if key is None or key_url(key) != method:
        raise CredentialProblem(
            "unknown_key",
            _("The credential is signed by a key this site does not know: %s") % method,
        )
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != issuer_url(key.issuer):
        raise CredentialProblem(
            "issuer_mismatch",
            _(
                "The credential names the issuer %(named)s, but the key that signed it "
                "belongs to %(owner)s."
            )
            % {"named": issuer_id, "owner": issuer_url(key.issuer)},
        )
    return key


def local_document(url: str) -> bytes:
    """Serve this site's own status lists from the database, for verification without the
    network. Any other address is refused: nothing is ever fetched."""
    from certificates.models import StatusList
    from certificates.selectors import active_key, revoked_indices

    for status in StatusList.objects.select_related("issuer"):
        if status_list_url(status) == url:
            key = active_key(status.issuer)
            if key is None:
                break
            return status_list_jwt(status, revoked_indices=revoked_indices(status), key=key).encode(
                "ascii"
            )
    raise ValueError(f"{url} is not a status list of this site (nothing is fetched)")


def credential_verify(text: str | bytes) -> CheckedCredential:
    """Check a credential file: that it is an Open Badges credential, signed (eddsa-rdfc-2022)
    by one of this site's issuer keys, unaltered, and what its status is. Raises
    CredentialProblem when it does not verify; a revoked credential verifies with status
    "revoked"."""
    from openbadgeslib.ob3.ldp import OB3LdpVerifier
    from openbadgeslib.ob3.status import check_credential_status
    from openbadgeslib.ob3.verifier import OB3VerificationError

    from certificates.models import Certificate
    from certificates.selectors import active_key

    document = _parse(text)
    key = _signing_key_of(document)
    try:
        credential = OB3LdpVerifier(pubkey_pem=key.public_key_pem).verify(document)
    except OB3VerificationError as exc:
        raise CredentialProblem(
            "bad_signature", _("The signature does not verify: %s") % exc
        ) from None

    status = "valid"
    list_key = active_key(key.issuer) or key
    try:
        check_credential_status(
            credential,
            download=local_document,
            verify_list=True,
            list_pubkey_pem=list_key.public_key_pem,
        )
    except OB3VerificationError as exc:
        if "is set at index" not in str(exc):
            raise CredentialProblem(
                "status_unknown", _("The status cannot be checked: %s") % exc
            ) from None
        status = "revoked"
    certificate = (
        Certificate.objects.filter(code=document.get("id", "").rstrip("/").rsplit("/", 1)[-1])
        .select_related("replaced_by")
        .first()
    )
    if status == "revoked" and certificate is not None and certificate.replaced_at:
        status = "replaced"
    identifiers = credential.identifiers
    return CheckedCredential(
        status=status,
        holder_name=identifiers[0].identity_hash if identifiers else "",
        achievement=credential.achievement.name,
        issuer_name=credential.issuer.name,
        key_id=key.kid,
        certificate=certificate,
    )
