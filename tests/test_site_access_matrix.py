"""Who gets what from every front-end address of the site.

The addresses are read from the URL resolver (every pattern outside /admin/, /api/ and /xapi/,
which have their own tests) and from Wagtail's page types (each page type, and each sub-route
of a routable one), so that a new address cannot escape this table:
`test_every_address_has_expectations` fails until it is added here. Each role then visits
every address on one world (tests.api_support.build_world, the API matrix's), each visit inside
a savepoint rolled back afterwards, so that no visit sees another's changes.

Object addresses use the objects of the world's teacher (their record, evidence file,
certificate, token): other people get 404, as they do for an id they guessed. Statuses: 200;
"login" for a redirect to the login page; 302 for any other redirect; 403; 404; 405.

Every HTML page answered 200 is also checked for the Content-Security-Policy header and for
anything that policy forbids (inline scripts, inline event handlers, javascript: addresses,
inline styles)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, include, path, re_path, reverse
from django.utils import timezone
from django.views.static import serve
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from certificates import selectors as certificate_selectors
from certificates.models import StatusList
from courses.models import ResourceFile
from portal.accounts import confirm_token
from portal.api.services import api_token_create
from portal.models import NewsIndexPage, NewsPage
from tests.api_support import ROLES, api_media, api_world, publish, this_year  # noqa: F401
from tests.html_checks import inline_code
from training.models import Notification
from training.reminders.services import reminders_send

ANON, TEACHER, OTHER_TEACHER, MANAGER, OTHER_MANAGER, OFFICE, EDITOR = ROLES
LOGIN = "login"
#: Patterns tested elsewhere: the admin (Wagtail's own permissions), the API and xAPI
#: (tests/test_api_access_matrix.py).
ELSEWHERE = ("admin/", "api/", "^api/", "xapi/")


def everyone(status) -> dict:
    return dict.fromkeys(ROLES, status)


def logged_in(status, **exceptions) -> dict:
    return {**everyone(status), ANON: LOGIN, **exceptions}


#: The teacher's own object: they and the managers above them; nobody else.
OWNER_AND_MANAGERS = logged_in(404, teacher=200, manager=200, office=200)
#: The teacher's own object that only they may use.
OWNER_ONLY = logged_in(404, teacher=200)


@dataclass(frozen=True)
class Visit:
    expected: dict
    url: Callable[[Any], str]  # extras -> address
    method: str = "GET"
    data: Callable[[Any], dict] | None = None


@dataclass
class Extras:
    """The world, and what the front end has beyond it: a news page, a resource with a file,
    a token of the teacher's."""

    w: Any
    document: Any = None
    resource: Any = None
    news_index: Any = None
    news: Any = None
    token: Any = None
    status_list: Any = None
    key: Any = None
    notification: Any = None
    more: dict = field(default_factory=dict)


def page_url(page, route: str = "", *args) -> str:
    url = page.url
    return url + page.reverse_subpage(route, args=args) if route else url


EXPECTED: dict[str, list[Visit]] = {
    # Wagtail documents: the library's files are public; a guessed id is a 404.
    r"documents/^(\d+)/(.*)$": [
        Visit(everyone(200), lambda x: x.document.url),
        Visit(everyone(404), lambda x: f"/documents/999999/{x.document.filename}"),
    ],
    "documents/authenticate_with_password/<int:restriction_id>/": [
        Visit(everyone(404), lambda x: "/documents/authenticate_with_password/999999/"),
    ],
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": [
        Visit(
            everyone(404), lambda x: f"/_util/authenticate_with_password/999999/{x.w.lesson.pk}/"
        ),
    ],
    "_util/login/": [Visit(everyone(200), lambda x: "/_util/login/")],
    # Language, login, logout, search.
    "i18n/setlang/": [
        Visit(
            everyone(302), lambda x: reverse("set_language"), "POST", lambda x: {"language": "en"}
        )
    ],
    "dang-nhap/": [Visit({**everyone(302), ANON: 200}, lambda x: reverse("portal:login"))],
    "dang-xuat/": [
        Visit(everyone(302), lambda x: reverse("portal:logout"), "POST"),
        Visit(everyone(405), lambda x: reverse("portal:logout")),
    ],
    # Forgot your password? The same pages for everyone, whatever address is typed; a guessed
    # reset link shows "this link is too old" (200, no form).
    "quen-mat-khau/": [
        Visit(everyone(200), lambda x: reverse("portal:password_reset")),
        Visit(
            everyone(302),
            lambda x: reverse("portal:password_reset"),
            "POST",
            lambda x: {"email": x.w.teacher.email or "ai-do@example.vn"},
        ),
    ],
    "quen-mat-khau/da-gui/": [
        Visit(everyone(200), lambda x: reverse("portal:password_reset_done"))
    ],
    "quen-mat-khau/<uidb64>/<token>/": [
        Visit(
            everyone(200),
            lambda x: reverse("portal:password_reset_confirm", args=["MQ", "khong-phai-ma"]),
        )
    ],
    "quen-mat-khau/xong/": [
        Visit(everyone(200), lambda x: reverse("portal:password_reset_complete"))
    ],
    # One's own e-mail; the confirmation link works for whoever holds it, a guessed one is 404.
    "tai-khoan/e-mail/": [Visit(logged_in(200), lambda x: reverse("portal:email"))],
    "tai-khoan/e-mail/xac-nhan/<str:token>/": [
        Visit(everyone(404), lambda x: reverse("portal:email_confirm", args=["khong-phai-ma"])),
        Visit(
            everyone(200),
            lambda x: reverse("portal:email_confirm", args=[confirm_token(x.w.teacher)]),
        ),
    ],
    "tim-kiem/": [Visit(everyone(200), lambda x: reverse("portal:search") + "?q=boi+duong")],
    # One's own page, plan, face-to-face records, evidence, tokens.
    "trang-ca-nhan/": [Visit(logged_in(200), lambda x: reverse("training:home"))],
    "doi-mat-khau/": [Visit(logged_in(200), lambda x: reverse("training:password_change"))],
    "ke-hoach/": [Visit(logged_in(200), lambda x: reverse("training:plan"))],
    "ke-hoach/<str:school_year>/": [
        Visit(logged_in(200), lambda x: reverse("training:plan_year", args=[this_year()])),
        Visit(logged_in(404), lambda x: reverse("training:plan_year", args=["2025"])),
    ],
    "boi-duong/them/": [Visit(logged_in(200), lambda x: reverse("training:record_create"))],
    "boi-duong/<int:pk>/sua/": [
        Visit(OWNER_ONLY, lambda x: reverse("training:record_edit", args=[x.w.record.pk])),
        Visit(logged_in(404), lambda x: reverse("training:record_edit", args=[999999])),
    ],
    "minh-chung/<int:pk>/": [
        Visit(
            OWNER_AND_MANAGERS,
            lambda x: reverse("training:evidence", args=[x.w.record.evidence.get().pk]),
        ),
        Visit(logged_in(404), lambda x: reverse("training:evidence", args=[999999])),
    ],
    "hoc/<int:module_id>/dang-ky/": [
        Visit(logged_in(302), lambda x: reverse("training:enrol", args=[x.w.module.pk]), "POST"),
        Visit(logged_in(404), lambda x: reverse("training:enrol", args=[999999]), "POST"),
        Visit(logged_in(405), lambda x: reverse("training:enrol", args=[x.w.module.pk])),
    ],
    "trang-ca-nhan/api-tokens/": [Visit(logged_in(200), lambda x: reverse("api:tokens"))],
    "trang-ca-nhan/api-tokens/<int:pk>/thu-hoi/": [
        Visit(
            logged_in(404, teacher=302),
            lambda x: reverse("api:token_revoke", args=[x.token.pk]),
            "POST",
        ),
    ],
    # Notifications: one's own.
    "thong-bao/": [Visit(logged_in(200), lambda x: reverse("training:notifications"))],
    "thong-bao/da-doc/": [
        Visit(logged_in(302), lambda x: reverse("training:notifications_read"), "POST")
    ],
    "thong-bao/<int:pk>/da-doc/": [
        Visit(
            logged_in(404, teacher=302),
            lambda x: reverse("training:notification_read", args=[x.notification.pk]),
            "POST",
        ),
    ],
    # Certificates: verification and the issuers' documents are public; downloads are the
    # holder's and their managers'.
    "verify/<str:code>/": [
        Visit(everyone(200), lambda x: reverse("certificates:verify", args=[x.w.certificate.code])),
        Visit(everyone(404), lambda x: reverse("certificates:verify", args=["KHONGCO123"])),
    ],
    "verify/<str:code>/json": [
        Visit(
            everyone(200),
            lambda x: reverse("certificates:verify_json", args=[x.w.certificate.code]),
        ),
        Visit(everyone(404), lambda x: reverse("certificates:verify_json", args=["KHONGCO123"])),
    ],
    "issuers/<slug:slug>/": [
        Visit(everyone(200), lambda x: reverse("certificates:issuer", args=[x.w.issuer.slug])),
        Visit(everyone(404), lambda x: reverse("certificates:issuer", args=["khong-co"])),
    ],
    "issuers/<slug:slug>/key": [
        Visit(everyone(200), lambda x: reverse("certificates:issuer_key", args=[x.w.issuer.slug]))
    ],
    "issuers/<slug:slug>/keys/<str:kid>": [
        Visit(
            everyone(200),
            lambda x: reverse("certificates:issuer_key_version", args=[x.w.issuer.slug, x.key.kid]),
        ),
        Visit(
            everyone(404),
            lambda x: reverse("certificates:issuer_key_version", args=[x.w.issuer.slug, "nope"]),
        ),
    ],
    "issuers/<slug:slug>/jwks.json": [
        Visit(everyone(200), lambda x: reverse("certificates:issuer_jwks", args=[x.w.issuer.slug]))
    ],
    "issuers/<slug:slug>/status/<int:number>": [
        Visit(
            everyone(200),
            lambda x: reverse(
                "certificates:status_list", args=[x.w.issuer.slug, x.status_list.number]
            ),
        ),
        Visit(
            everyone(404),
            lambda x: reverse("certificates:status_list", args=[x.w.issuer.slug, 999]),
        ),
    ],
    "chung-chi/<str:code>/pdf": [
        Visit(
            OWNER_AND_MANAGERS, lambda x: reverse("certificates:pdf", args=[x.w.certificate.code])
        ),
        Visit(logged_in(404), lambda x: reverse("certificates:pdf", args=["KHONGCO123"])),
    ],
    "chung-chi/<str:code>/credential.json": [
        Visit(
            OWNER_AND_MANAGERS,
            lambda x: reverse("certificates:credential", args=[x.w.certificate.code]),
        ),
    ],
    # Wagtail pages, by type, and the sub-routes of routable ones.
    "page:HomePage": [Visit(everyone(200), lambda x: "/")],
    "page:NewsIndexPage": [Visit(everyone(200), lambda x: x.news_index.url)],
    "page:NewsIndexPage:index": [Visit(everyone(200), lambda x: x.news_index.url + "?page=1")],
    "page:NewsIndexPage:rss": [Visit(everyone(200), lambda x: page_url(x.news_index, "rss"))],
    "page:NewsPage": [Visit(everyone(200), lambda x: x.news.url)],
    "page:ResourceIndexPage": [Visit(everyone(200), lambda x: x.resource.get_parent().url)],
    "page:ResourcePage": [Visit(everyone(200), lambda x: x.resource.url)],
    "page:ResourcePage:download": [
        Visit(everyone(302), lambda x: page_url(x.resource, "download", x.document.pk)),
        Visit(everyone(404), lambda x: page_url(x.resource, "download", 999999)),
    ],
    "page:ProgrammeIndexPage": [Visit(everyone(200), lambda x: x.w.programme.get_parent().url)],
    "page:ProgrammePage": [Visit(everyone(200), lambda x: x.w.programme.url)],
    "page:ModulePage": [Visit(everyone(200), lambda x: x.w.module.url)],
    "page:ModulePage:assessment": [
        Visit(everyone(200), lambda x: page_url(x.w.module, "assessment")),
        Visit(everyone(404), lambda x: page_url(x.w.plain_module, "assessment")),
    ],
    "page:LessonPage": [Visit(everyone(200), lambda x: x.w.lesson.url)],
    "page:missing": [Visit(everyone(404), lambda x: "/khong-co-trang-nay/")],
}


def _patterns(resolver: URLResolver, prefix: str = ""):
    for item in resolver.url_patterns:
        route = prefix + str(item.pattern)
        if isinstance(item, URLResolver):
            yield from _patterns(item, route)
        else:
            yield route, item


def site_addresses() -> set[str]:
    """Every front-end address pattern; Wagtail's page-serving one as its page types."""
    found = set()
    for route, item in _patterns(get_resolver()):
        if route.startswith(ELSEWHERE) or route.startswith(
            (settings.STATIC_URL.lstrip("/"), settings.MEDIA_URL.lstrip("/"))
        ):
            continue
        if item.name == "wagtail_serve":
            continue
        found.add(route)
    for model in get_page_models():
        if model is Page:
            continue
        found.add(f"page:{model.__name__}")
        if issubclass(model, RoutablePageMixin):
            for sub in model.get_subpage_urls():
                if sub.name != "index_route":
                    found.add(f"page:{model.__name__}:{sub.name}")
    found.add("page:missing")
    return found


def test_every_address_has_expectations(db):
    addresses = site_addresses()
    missing = sorted(addresses - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - addresses)
    assert not missing, f"Addresses without expectations (add them to EXPECTED): {missing}"
    assert not stale, f"Expectations for addresses that no longer exist: {stale}"


def test_every_role_has_an_expectation_for_every_visit():
    for address, visits in EXPECTED.items():
        for visit in visits:
            assert set(visit.expected) == set(ROLES), address


@pytest.fixture
def extras(api_world):  # noqa: F811 - the fixture imported above
    w = api_world
    document = get_document_model()(title="Phiếu bài tập")
    document.file.save("phieu-bai-tap.csv", ContentFile("câu,đáp án\n1,a\n".encode()), save=False)
    document._set_document_file_metadata()
    document.save()
    resource = w.resource
    resource.files = [ResourceFile(document=document)]
    resource = publish(resource)
    home = w.programme.get_parent().get_parent()
    news_index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", live=False))
    news_index = publish(news_index)
    news = news_index.add_child(
        instance=NewsPage(
            title="Khai giảng lớp bồi dưỡng",
            slug="khai-giang",
            date=timezone.localdate(),
            live=False,
        )
    )
    reminders_send(unit=w.department, deliver=False)
    token, _key = api_token_create(user=w.teacher, name="Bảng điểm", acting_user=w.teacher)
    return Extras(
        w=w,
        document=document,
        resource=resource,
        news_index=news_index,
        news=publish(news),
        token=token,
        status_list=StatusList.objects.filter(issuer=w.issuer).first(),
        key=certificate_selectors.active_key(w.issuer),
        notification=Notification.objects.filter(recipient=w.teacher).first(),
    )


def _visit(person, visit: Visit, x: Extras):
    """One visit by a fresh browser (a logout or a language change does not carry over)."""
    url = visit.url(x)
    data = visit.data(x) if visit.data else {}
    client = Client()
    with transaction.atomic():
        cache.clear()
        if person is not None:
            client.force_login(person)
        if visit.method == "POST":
            response = client.post(url, data)
        else:
            response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
            body = ""
        else:
            body = response.content.decode(errors="replace")
        transaction.set_rollback(True)
    status = response.status_code
    if status == 302 and response["Location"].startswith(reverse("portal:login")):
        status = LOGIN
    return url, status, response, body


@pytest.mark.parametrize("role", ROLES)
def test_site_access_matrix(extras, role):
    x = extras
    person = x.w.person(role)
    mismatches, inline = [], []
    for address, visits in sorted(EXPECTED.items()):
        for visit in visits:
            url, status, response, body = _visit(person, visit, x)
            if status != visit.expected[role]:
                mismatches.append(
                    f"{visit.method} {url} ({address}): expected {visit.expected[role]}, "
                    f"got {status}"
                )
            if status == 200 and response["Content-Type"].startswith("text/html"):
                if "Content-Security-Policy" not in response:
                    inline.append(f"{url}: no Content-Security-Policy header")
                inline += [f"{url}: {found}" for found in inline_code(body)]
    assert not mismatches, f"As {role}:\n" + "\n".join(mismatches)
    assert not inline, f"As {role}, what the policy forbids:\n" + "\n".join(inline)


# A front server that serves MEDIA_ROOT at /media/, as nginx does in production and runserver
# does with DEBUG on: the open library's files are there; evidence and certificates' PDFs are
# not, whoever asks, and the internal location of X-Accel-Redirect is no address of the app.
def _media(request, name):
    return serve(request, name, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<name>.*)$", _media), path("", include(settings.ROOT_URLCONF))]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("role", ROLES)
def test_private_files_have_no_address(extras, role):
    x = extras
    person = x.w.person(role)
    private = [x.w.certificate.pdf.name, x.w.record.evidence.get().file.name]
    visits = {f"{settings.MEDIA_URL}{x.document.file.name}": 200}
    for name in private:
        visits[f"{settings.MEDIA_URL}{name}"] = 404
        visits[f"{settings.PRIVATE_FILES_INTERNAL_URL}{name}"] = 404
    found = {url: _visit(person, Visit(everyone(0), lambda x, u=url: u), x)[1] for url in visits}
    assert found == visits, f"As {role}"
