import json

import pytest
from django.core.management import call_command

from certificates.services import certificate_issue_year, certificate_reissue, certificate_revoke


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


def run(path, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("verify_credential", str(path))
        raise SystemExit(0)
    out = capsys.readouterr()
    return exit_.value.code, out.out + out.err


def test_a_downloaded_credential_verifies(certificate, tmp_path, capsys):
    path = tmp_path / "credential.json"
    path.write_text(certificate.credential, encoding="utf-8")
    code, output = run(path, capsys)
    assert code == 0
    assert "Nguyễn Thị Hương" in output
    assert "eddsa-rdfc-2022" in output


def test_an_altered_credential_fails(certificate, tmp_path, capsys):
    path = tmp_path / "credential.json"
    path.write_text(certificate.credential.replace('"hours"', '"hours"').replace("120", "121", 1))
    code, output = run(path, capsys)
    assert code == 1
    assert "bad_signature" in output


def test_a_revoked_credential_reports_revoked(certificate, tmp_path, capsys):
    certificate_revoke(certificate=certificate, reason="Cấp nhầm người.", acting_user=None)
    path = tmp_path / "credential.json"
    path.write_text(certificate.credential, encoding="utf-8")
    code, output = run(path, capsys)
    assert code == 2
    assert "ĐÃ THU HỒI" in output and "Cấp nhầm người." in output  # the site speaks Vietnamese


def test_a_replaced_credential_says_by_what(certificate, tmp_path, capsys):
    new = certificate_reissue(certificate=certificate, correction="Sửa tên.", acting_user=None)
    path = tmp_path / "credential.json"
    path.write_text(certificate.credential, encoding="utf-8")
    code, output = run(path, capsys)
    assert code == 2
    assert f"/verify/{new.code}/" in output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<html>not json</html>", "(not_json)"),
        (json.dumps({"hello": "world"}), "(not_credential)"),
    ],
)
def test_files_that_are_not_credentials(db, tmp_path, capsys, content, expected):
    path = tmp_path / "file.json"
    path.write_text(content, encoding="utf-8")
    code, output = run(path, capsys)
    assert code == 1
    assert expected in output


def test_unknown_key(certificate, tmp_path, capsys):
    document = json.loads(certificate.credential)
    document["proof"]["verificationMethod"] = (
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    )
    path = tmp_path / "credential.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, output = run(path, capsys)
    assert code == 1
    assert "(unknown_key)" in output and "did:key:z6Mk" in output
