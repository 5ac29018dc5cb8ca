"""manage.py private_files_move: an installation that kept private files under MEDIA_ROOT moves
them out once; running it again changes nothing."""

import io
from pathlib import Path

import pytest
from django.core.checks.registry import registry
from django.core.management import CommandError, call_command

from portal.checks import private_files_in_media


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    return Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_ROOT)


def put(root: Path, name: str, data: bytes) -> str:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(data)
    return name


def move() -> str:
    out = io.StringIO()
    call_command("private_files_move", stdout=out)
    return out.getvalue()


def test_evidence_certificates_and_rosters_leave_media_and_the_library_stays(roots):
    media, private = roots
    names = [
        put(media, "training-evidence/ab/ab12.pdf", b"%PDF-1 evidence"),
        put(media, "certificates/sgd-lc/2026/ABCD1234.pdf", b"%PDF-1 certificate"),
        put(media, "roster-imports/x.csv", b"a;b"),
    ]
    library = put(media, "documents/phieu-bai-tap.pdf", b"%PDF-1 library")

    assert "3 files moved, 0 already" in move()
    for name in names:
        assert not (media / name).exists()
        assert (private / name).is_file()
    assert (media / library).is_file()
    assert not (private / library).exists()

    assert "0 files moved, 0 already in the private storage (removed from media), 0 conflicts" in (
        move()
    )


def test_a_check_warns_until_they_are_moved(roots):
    media, _private = roots
    assert private_files_in_media in registry.get_checks()
    put(media, "documents/phieu-bai-tap.pdf", b"%PDF-1 library")
    assert private_files_in_media(None) == []
    put(media, "certificates/sgd-lc/2026/ABCD1234.pdf", b"%PDF-1 certificate")
    [warning] = private_files_in_media(None)
    assert warning.id == "portal.W001" and "certificates" in warning.msg
    assert "private_files_move" in warning.hint
    move()
    assert private_files_in_media(None) == []


def test_a_conflict_is_reported_and_both_copies_are_kept(roots):
    media, private = roots
    put(media, "certificates/sgd-lc/2026/ABCD1234.pdf", b"%PDF-1 old")
    put(private, "certificates/sgd-lc/2026/ABCD1234.pdf", b"%PDF-1 new")
    with pytest.raises(CommandError, match="certificates/sgd-lc/2026/ABCD1234.pdf"):
        move()
    assert (media / "certificates/sgd-lc/2026/ABCD1234.pdf").read_bytes() == b"%PDF-1 old"
    assert (private / "certificates/sgd-lc/2026/ABCD1234.pdf").read_bytes() == b"%PDF-1 new"
