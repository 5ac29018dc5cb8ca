"""Light pages for mountain connections: Debian's chromium (through Playwright) loads a page over
an emulated slow link (Chrome DevTools Protocol, Network.emulateNetworkConditions: 300 ms
latency, 1.6 Mbit/s down) and the DevTools network events say what went over the wire.

- cold: a fresh browser profile: bytes transferred (headers included, lesson media such as
  video and audio left out), number of requests, first contentful paint;
- warm: the same page opened again in the same profile: what a second visit costs once the
  static files (hashed names, far-future Cache-Control) are in the browser's cache;
- the Cache-Control of every static file the page loaded, which must be far-future and immutable.
"""

import re
import urllib.parse
from dataclasses import dataclass, field

from bench.context import Bench
from bench.pages import Page
from bench.report import Row

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LATENCY_MS = 300
DOWN_BITS_PER_SECOND = 1_600_000
UP_BITS_PER_SECOND = 750_000

COLD_BYTES_BUDGET = 60 * 1024
COLD_REQUESTS_BUDGET = 10
WARM_BYTES_BUDGET = 15 * 1024
FCP_BUDGET_MS = 1500
#: Lesson media, not counted in a page's weight (the issue: "excluding lesson media").
MEDIA_TYPES = {"Media"}
FAR_FUTURE_SECONDS = 365 * 24 * 3600

LIGHT_PAGE_NAMES = ("teacher dashboard", "lesson page", "library index", "verification page")


@dataclass
class Load:
    bytes: int = 0
    requests: int = 0
    fcp_ms: float | None = None
    static_cache: dict[str, str] = field(default_factory=dict)  # url -> Cache-Control


class _Wire:
    """Sums one navigation's network events."""

    def __init__(self, cdp):
        self.reset()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)

    def reset(self):
        self.types: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.cached: set[str] = set()
        self.load = Load()

    def _sent(self, event):
        url = event["request"]["url"]
        if url.startswith("data:"):
            return
        self.urls[event["requestId"]] = url
        self.types[event["requestId"]] = event.get("type", "")

    def _received(self, event):
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromMemoryCache"):
            self.cached.add(event["requestId"])
        url = response["url"]
        if "/static/" in urllib.parse.urlsplit(url).path:
            headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
            self.load.static_cache[url] = headers.get("cache-control", "")

    def _finished(self, event):
        rid = event["requestId"]
        if rid not in self.urls or self.types.get(rid) in MEDIA_TYPES:
            return
        if rid not in self.cached:
            self.load.requests += 1
        self.load.bytes += int(event.get("encodedDataLength", 0))


COLD_LOADS = 3  # fresh profiles per page; the median first paint is reported (a busy machine)


def measure_pages(bench: Bench, pages: list[Page]) -> dict[str, tuple[Load, Load]]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for page in pages:
                loads = [_measure(bench, browser, page) for _ in range(COLD_LOADS)]
                loads.sort(key=lambda pair: pair[0].fcp_ms or float("inf"))
                results[page.name] = loads[len(loads) // 2]
        finally:
            browser.close()
    return results


def _measure(bench: Bench, browser, page: Page) -> tuple[Load, Load]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    try:
        if page.as_teacher:
            context.add_cookies(_cookies(bench.teacher_cookie(), bench.base_url))
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": LATENCY_MS,
                "downloadThroughput": DOWN_BITS_PER_SECOND / 8,
                "uploadThroughput": UP_BITS_PER_SECOND / 8,
            },
        )
        wire = _Wire(cdp)
        url = bench.base_url + page.path
        loads = []
        for _visit in ("cold", "warm"):
            wire.reset()
            response = tab.goto(url, wait_until="load")
            if response is None or response.status != 200:
                raise RuntimeError(f"{page.path} answered {response and response.status}")
            tab.wait_for_timeout(300)  # the last loadingFinished events
            fcp = tab.evaluate(
                "() => { const e = performance.getEntriesByName('first-contentful-paint')[0];"
                " return e ? e.startTime : null; }"
            )
            wire.load.fcp_ms = fcp
            loads.append(wire.load)
            tab.goto("about:blank")
        return loads[0], loads[1]
    finally:
        context.close()


def _cookies(header: str, base_url: str) -> list[dict]:
    return [
        {"name": name, "value": value, "url": base_url}
        for name, value in (part.split("=", 1) for part in header.split("; ") if "=" in part)
    ]


def far_future(cache_control: str) -> bool:
    match = re.search(r"max-age=(\d+)", cache_control)
    return (
        bool(match) and int(match.group(1)) >= FAR_FUTURE_SECONDS and "immutable" in cache_control
    )


def light_rows(results: dict[str, tuple[Load, Load]]) -> list[Row]:
    rows = []
    for name, (cold, warm) in results.items():
        misses = []
        if cold.bytes > COLD_BYTES_BUDGET:
            misses.append(f"cold bytes over by {(cold.bytes - COLD_BYTES_BUDGET) / 1024:.1f} KB")
        if cold.requests > COLD_REQUESTS_BUDGET:
            misses.append(f"{cold.requests - COLD_REQUESTS_BUDGET} requests over")
        if warm.bytes > WARM_BYTES_BUDGET:
            misses.append(f"warm bytes over by {(warm.bytes - WARM_BYTES_BUDGET) / 1024:.1f} KB")
        if cold.fcp_ms is None or cold.fcp_ms >= FCP_BUDGET_MS:
            misses.append("FCP over 1.5 s" if cold.fcp_ms else "no FCP measured")
        statics = cold.static_cache
        not_cached = [u for u, cc in statics.items() if not far_future(cc)]
        if not_cached:
            misses.append(f"{len(not_cached)} static files without far-future headers")
        fcp = f"{cold.fcp_ms:,.0f} ms" if cold.fcp_ms is not None else "?"
        fcp += f" (median of {COLD_LOADS})"
        rows.append(
            Row(
                f"light: {name}",
                note=(
                    f"cold {cold.bytes / 1024:.1f} KB in {cold.requests} requests, FCP {fcp}; "
                    f"warm {warm.bytes / 1024:.1f} KB in {warm.requests} requests; "
                    f"{len(statics) - len(not_cached)}/{len(statics)} static files immutable; "
                    + ("within budget" if not misses else "MISSES: " + ", ".join(misses))
                ),
            )
        )
    return rows


def light_section(bench: Bench):
    from bench.pages import discover

    pages = [p for p in discover() if p.name in LIGHT_PAGE_NAMES and p.path]
    try:
        results = measure_pages(bench, pages)
    except Exception as exc:  # noqa: BLE001 — no browser here: say so in the table
        yield Row("light pages", note=f"not measured: {type(exc).__name__}: {exc}"[:200])
        return
    yield from light_rows(results)
