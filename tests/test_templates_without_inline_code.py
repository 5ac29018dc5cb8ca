"""Our templates, every one of every app (the admin screens' too), hold no inline script, no
inline event handler and no javascript: address: scripts are static files. Checked on the
template source, so that a page no test renders is covered as well.

Inline styles are refused too, except where the strict policy does not apply: the admin's
screens (under /admin/, PORTAL_ADMIN_CSP allows them) and e-mails (never served as pages; mail
readers need inline styles)."""

from pathlib import Path

from django.conf import settings

from tests.html_checks import inline_code

ROOT = Path(settings.BASE_DIR)
#: Our apps' template folders (Wagtail's and other libraries' are theirs).
TEMPLATE_DIRS = [
    ROOT / "templates",
    ROOT / "site" / "portal" / "templates",
    ROOT / "site" / "portal" / "api" / "templates",
    ROOT / "courses" / "templates",
    ROOT / "training" / "templates",
    ROOT / "certificates" / "templates",
]
#: ReDoc's page is drf-spectacular's, served with the API docs' own policy
#: (portal.api.views.DOCS_CSP); its one rule of inline style comes from there.
EXEMPT = {ROOT / "site" / "portal" / "api" / "templates" / "api" / "redoc.html"}


def our_templates() -> list[Path]:
    return sorted(
        path
        for folder in TEMPLATE_DIRS
        if folder.exists()
        for path in folder.rglob("*.html")
        if path not in EXEMPT
    )


def test_there_are_templates_to_check():
    assert len(our_templates()) > 30


def _styles_allowed(path: Path) -> bool:
    return "admin" in path.parts or "email" in path.stem


def test_no_template_holds_inline_code():
    found = {}
    for path in our_templates():
        problems = inline_code(path.read_text(encoding="utf-8"))
        if _styles_allowed(path):
            problems = [p for p in problems if "(inline style)" not in p]
        if problems:
            found[str(path.relative_to(ROOT))] = problems
    assert found == {}
