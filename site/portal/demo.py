"""Demo world, step `build_site`: the portal's home page, news and settings.

The content editor of the demo writes every page and the reviewer publishes it, with revisions,
as in the admin. Two articles are stories of exemplary self-learners: the plan this project
starts from asks the office to publish them on its portal.

The words are data, in site/portal/demo_data/site.yaml; this module builds the pages from it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from django.utils import timezone
from wagtail.models import Site

from courses.school_year import school_year_of
from portal.models import HomePage, NavigationLink, NewsIndexPage, NewsPage, PortalSettings

if TYPE_CHECKING:
    from portal.management.commands.demo import DemoContext

DATA = Path(__file__).resolve().parent / "demo_data" / "site.yaml"


def content() -> dict:
    """site.yaml: the home page, the news and the portal settings."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _body(blocks: list[dict], **names) -> list[dict]:
    """Blocks of site.yaml as the page's StreamField takes them: a `list` is a paragraph of
    items; "{year}" and the like in the text are filled in from `names`."""
    body = []
    for block in blocks:
        [(kind, value)] = block.items()
        if kind == "list":
            kind, value = "paragraph", "<ul>" + "".join(f"<li>{i}</li>" for i in value) + "</ul>"
        body.append({"type": kind, "value": value.format(**names)})
    return body


def articles(today: date) -> list[dict]:
    """The news: title, slug, days before today, intro and body of each article."""
    start = int(school_year_of(today - timedelta(days=9))[:4])
    names = {"year": f"{start}–{start + 1}", "start": start, "end": start + 1}
    return [
        {
            **article,
            "title": article["title"].format(**names),
            "slug": article["slug"].format(**names),
            "intro": article["intro"].format(**names),
            "body": _body(article["body"], **names),
        }
        for article in content()["news"]["articles"]
    ]


def _publish(page, *, editor, reviewer) -> None:
    # As if the reviewer had approved it: the history shows who wrote and who published each
    # page, without the demo depending on the moderation workflow and its permissions.
    page.save_revision(user=editor).publish(user=reviewer, skip_permission_checks=True)


def build_site(ctx: DemoContext) -> None:
    """Home page text, the news index with its articles, and the portal settings."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise TypeError(f"The default site's root page is a {type(home).__name__}, not a home.")
    editor, reviewer = ctx.accounts.get("content_editor"), ctx.accounts.get("content_reviewer")
    data = content()

    home.intro = data["home"]["intro"]
    home.body = _body(data["home"]["body"])
    _publish(home, editor=editor, reviewer=reviewer)

    index = NewsIndexPage(
        title=data["news"]["title"],
        slug=data["news"]["slug"],
        intro=data["news"]["intro"],
        search_description=data["news"]["search_description"],
        owner=editor,
        live=False,
    )
    home.add_child(instance=index)
    _publish(index, editor=editor, reviewer=reviewer)

    news = articles(ctx.today)
    for article in sorted(news, key=lambda a: -a["days_ago"]):
        day = ctx.today - timedelta(days=article["days_ago"])
        page = NewsPage(
            title=article["title"],
            slug=article["slug"],
            date=day,
            intro=article["intro"],
            body=article["body"],
            owner=editor,
            live=False,
            first_published_at=timezone.make_aware(datetime.combine(day, time(8, 0))),
        )
        index.add_child(instance=page)
        _publish(page, editor=editor, reviewer=reviewer)

    portal = PortalSettings.for_site(site)
    for name, value in data["settings"].items():
        setattr(portal, name, value)
    portal.nav_links = [
        NavigationLink(label="Trang chủ", page=home, sort_order=0),
        NavigationLink(label="Tin tức", page=index, sort_order=1),
    ]
    portal.save()

    ctx.home, ctx.news_index = home, index
    ctx.log(f"Portal: home page, “{index.title}” with {len(news)} articles, portal settings.")
