"""What every page reads and editors rarely change, kept in memory across requests: the Wagtail
Site of the request's host, and the portal's site settings with their navigation links.

Before, each request looked both up again (three to four queries, about a third of a page's
time). Now each web process keeps them for CACHE_SECONDS. A Site, the portal settings or a
navigation link saved or deleted, or a page published, unpublished or moved (a link's address
is the page's), empties the cache of the process that made the change at once; the other web
processes (they share no memory) see the change within CACHE_SECONDS.

SiteCacheMiddleware hands the cached objects to Wagtail through the attributes Wagtail itself
caches them in for one request (`request._wagtail_site`, and the one named by
`PortalSettings.get_cache_attr_name()`), so `Site.find_for_request`, `{{ settings… }}` in
templates and page routing use them without knowing."""

import copy
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_SECONDS = 60

_lock = threading.Lock()
_entries: dict[tuple, tuple[float, Any]] = {}
_generation = 0  # bumped by every clear(): a value built before a clear is not kept after it


def clear(**_signal_kwargs) -> None:
    global _generation
    with _lock:
        _entries.clear()
        _generation += 1


def cached(key: tuple, build: Callable[[], Any]) -> Any:
    now = time.monotonic()
    entry = _entries.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    generation = _generation
    value = build()
    with _lock:
        if generation == _generation:
            _entries[key] = (now + CACHE_SECONDS, value)
    return value


def site_for_request(request) -> Site | None:
    hostname = split_domain_port(request._get_raw_host())[0]
    return cached(("site", hostname, request.get_port()), lambda: Site._find_for_request(request))


def _portal_settings(site: Site):
    from portal.models import NavigationLink, PortalSettings

    settings = PortalSettings.for_site(site)
    # In modelcluster's in-memory list: `nav_links.all` then reads no database.
    settings.nav_links = list(
        NavigationLink.objects.filter(settings=settings)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    return settings


def portal_settings_for_site(site: Site):
    """The site's PortalSettings with its links, as a copy of its own for one request."""
    settings = copy.copy(cached(("portal-settings", site.pk), lambda: _portal_settings(site)))
    settings._page_url_cache = {}
    return settings


class SiteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from portal.models import PortalSettings

        site = site_for_request(request)
        request._wagtail_site = site
        if site is not None:
            settings = portal_settings_for_site(site)
            settings._request = request
            setattr(request, PortalSettings.get_cache_attr_name(), settings)
        return self.get_response(request)


def connect_signals() -> None:
    from portal.models import NavigationLink, PortalSettings

    for model in (Site, PortalSettings, NavigationLink):
        post_save.connect(clear, sender=model, dispatch_uid=f"portal.caching.save.{model.__name__}")
        post_delete.connect(
            clear, sender=model, dispatch_uid=f"portal.caching.delete.{model.__name__}"
        )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear, dispatch_uid=f"portal.caching.{id(signal)}")
