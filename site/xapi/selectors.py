"""Reads: which of our pages an activity id names, and a person's statements."""

import re
from urllib.parse import urlsplit

from django.db.models import QuerySet
from wagtail.models import Site

from courses.models import LessonPage, ModulePage
from xapi.models import Statement

#: Our own activity ids: https://<site>/xapi/activities/modules/<id> (or lessons/<id>).
ACTIVITY_PATH = re.compile(r"^/xapi/activities/(?P<kind>modules|lessons)/(?P<pk>[0-9]{1,18})/?$")


def activity_page(activity_id: str) -> ModulePage | LessonPage | None:
    """The live, public module or lesson an activity id names: our own activity address, or the
    page's address on the site (any host: content may be served from a copy of the site)."""
    try:
        path = urlsplit(activity_id).path
    except ValueError:
        return None
    match = ACTIVITY_PATH.match(path)
    if match:
        model = ModulePage if match["kind"] == "modules" else LessonPage
        return model.objects.live().public().filter(pk=int(match["pk"])).first()
    if not path.startswith("/") or len(path) > 1000:
        return None
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    url_path = site.root_page.url_path + path.strip("/") + "/"
    for model in (LessonPage, ModulePage):
        page = model.objects.live().public().filter(url_path=url_path).first()
        if page is not None:
            return page
    return None


def statements_of(user) -> QuerySet[Statement]:
    if not user.is_authenticated:
        return Statement.objects.none()
    return Statement.objects.filter(user=user)
