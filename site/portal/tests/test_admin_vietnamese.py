"""Wagtail's admin speaks Vietnamese: our locale/vi catalogs fill what Wagtail's own lacks.

The catalogs are compiled by `make test` (compilemessages runs first); run `make messages`
before calling pytest by hand."""

import importlib.util
import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

PASSWORD = "mat-khau-quan-tri-2026"
LOCALE = settings.BASE_DIR / "locale" / "vi" / "LC_MESSAGES"


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "wagtail_vi", settings.BASE_DIR / "locale" / "tools" / "wagtail_vi.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts, styles or icon titles."""

    HIDDEN = {"script", "style", "template", "svg", "head"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(response):
    parser = _VisibleText()
    parser.feed(response.content.decode())
    return "\n".join(parser.parts)


def sidebar_labels(response):
    """Every menu label in the sidebar, which Wagtail renders from JSON in a script tag."""
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "the admin page has no sidebar"
    labels = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match.group(1)))
    return labels


def assert_vietnamese(text, present, absent):
    for phrase in present:
        assert phrase in text, f"{phrase!r} missing from the page"
    for phrase in absent:
        pattern = r"(?<![\w])" + re.escape(phrase) + r"(?![\w])"
        assert not re.search(pattern, text), f"English {phrase!r} left on the page"


@pytest.fixture(autouse=True)
def compiled_catalogs():
    for domain in ("django", "djangojs"):
        po, mo = LOCALE / f"{domain}.po", LOCALE / f"{domain}.mo"
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            pytest.fail(f"{mo} is missing or older than its .po: run `make messages` first")


@pytest.fixture
def admin_client(client, django_user_model):
    django_user_model.objects.create_superuser(
        username="qtv_kiemthu", email="qtv@example.vn", password=PASSWORD
    )
    response = client.post(
        "/admin/login/", {"username": "qtv_kiemthu", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, "the admin login did not accept the superuser"
    return client


def test_login_page_is_vietnamese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_vietnamese(
        visible_text(response),
        present=["Đăng nhập", "Quên mật khẩu?", "Ghi nhớ đăng nhập"],
        absent=["Sign in", "Forgotten password?", "Remember me", "Skip to main content"],
    )
    assert 'placeholder="Nhập mật khẩu"' in response.content.decode()


def test_password_reset_page_is_vietnamese(client, db):
    response = client.get("/admin/password_reset/")
    assert_vietnamese(
        visible_text(response),
        present=["Đặt lại mật khẩu", "Nhập địa chỉ email của bạn để đặt lại mật khẩu"],
        absent=["Reset your password", "Enter your email address", "Password reset"],
    )


def test_dashboard_and_sidebar_are_vietnamese(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert_vietnamese(
        visible_text(response),
        present=["Tổng quan trang web", "Tài khoản", "Chuyển đến nội dung chính"],
        absent=["Dashboard", "Site summary", "Pages", "Log out", "Account", "Your account"],
    )
    labels = sidebar_labels(response)
    for label in ["Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Cài đặt", "Trợ giúp", "Đăng xuất"]:
        assert label in labels, f"sidebar has no {label!r}"
    english = {
        "Pages", "Images", "Documents", "Reports", "Settings", "Help", "Log out", "Account",
        "Users", "Groups", "Sites", "Collections", "Redirects", "Workflows", "Workflow tasks",
        "Locked pages", "Site history", "Aging pages", "Page types usage", "Search",
    }  # fmt: skip
    assert not english & set(labels), f"English in the sidebar: {english & set(labels)}"


def test_page_explorer_is_vietnamese(admin_client):
    response = admin_client.get("/admin/pages/")
    assert response.status_code == 200
    assert_vietnamese(
        visible_text(response),
        present=["Tiêu đề", "Cập nhật lúc", "Trạng thái", "Trang 1 / 1"],
        absent=["Title", "Updated", "Status", "Page 1 of 1", "Exploring", "Sort by", "Live"],
    )


def test_images_listing_is_vietnamese(admin_client):
    response = admin_client.get("/admin/images/")
    assert response.status_code == 200
    assert_vietnamese(
        visible_text(response),
        present=["Hình ảnh", "Thêm hình ảnh", "Sắp xếp theo", "Mới nhất"],
        absent=["Images", "Add an image", "Sort by", "Newest", "You haven't uploaded any images"],
    )


def test_users_listing_is_vietnamese(admin_client):
    response = admin_client.get("/admin/users/")
    assert response.status_code == 200
    assert_vietnamese(
        visible_text(response),
        present=["Người dùng", "Thêm người dùng", "Tên đăng nhập", "Lần đăng nhập gần nhất"],
        absent=["Users", "Add a user", "Username", "Last login", "Access level", "Admin"],
    )


def test_admin_javascript_catalog_is_vietnamese(admin_client):
    response = admin_client.get("/admin/jsi18n/")
    match = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    assert match, "the JavaScript catalog is empty"
    catalog = json.loads(match.group(1))
    assert catalog["Dashboard"] == "Bảng điều khiển"
    assert catalog["Toggle sidebar"] == "Mở/thu gọn thanh bên"


def test_supplied_catalog_entries_are_whole_and_keep_their_placeholders():
    tool = _load_tool()
    for domain in tool.DOMAINS:
        _header, entries = tool.read_po(LOCALE / f"{domain}.po")
        ours = [e for e in entries if e.origin and not e.obsolete]
        assert ours, f"{domain}.po supplies nothing"
        untranslated = [e.msgid for e in ours if not e.translated]
        assert not untranslated, f"untranslated or fuzzy in {domain}.po: {untranslated[:5]}"
        broken = {e.msgid: tool.problems(e) for e in ours if tool.problems(e)}
        assert not broken, f"{domain}.po: {broken}"
