"""A bounded HTTP load on loopback: a few client threads, each on one keep-alive connection."""

import http.client
import itertools
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie

REQUESTS = 1000  # per page, after the warm-up
TIME_CAP = 8.0  # seconds per page, whichever comes first
CLIENTS = 4
WARM_UP = 5  # requests per client, not measured (first renders, template loading)


@dataclass
class LoadResult:
    requests: int
    seconds: float
    errors: int
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, p: float) -> float | None:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


class Client:
    """One keep-alive connection; reconnects when the server closes it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, headers: dict, body: str | None = None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.HTTPException, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response, data
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def hammer(base_url: str, path: str, *, cookie: str = "") -> LoadResult:
    """GET `path` REQUESTS times (or for TIME_CAP seconds) from CLIENTS threads at once."""
    url = urllib.parse.urlsplit(base_url)
    headers = {"Host": url.netloc, "Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    tickets = itertools.count()
    latencies: list[float] = []
    errors = [0]
    failures: list[BaseException] = []
    lock = threading.Lock()
    clock = {"began": 0.0, "deadline": 0.0}

    def start():
        clock["began"] = time.perf_counter()
        clock["deadline"] = clock["began"] + TIME_CAP

    start_line = threading.Barrier(CLIENTS + 1, action=start)

    def work():
        client = Client(url.hostname, url.port)
        try:
            for _ in range(WARM_UP):
                client.request("GET", path, headers)
            start_line.wait()
            mine, failed = [], 0
            while next(tickets) < REQUESTS and time.perf_counter() < clock["deadline"]:
                began = time.perf_counter()
                response, _body = client.request("GET", path, headers)
                mine.append(time.perf_counter() - began)
                failed += response.status != 200
            with lock:
                latencies.extend(mine)
                errors[0] += failed
        except BaseException as exc:
            failures.append(exc)
            start_line.abort()
        finally:
            client.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        start_line.wait(timeout=120)
    except threading.BrokenBarrierError:
        pass
    for thread in threads:
        thread.join(TIME_CAP + 60)
    if failures:
        raise RuntimeError(f"GET {path} failed under load") from failures[0]
    seconds = time.perf_counter() - clock["began"]
    return LoadResult(len(latencies), seconds, errors[0], latencies)


def fetch(base_url: str, path: str, *, cookie: str = "") -> int:
    """The status of one GET (used to skip pages that do not exist yet)."""
    url = urllib.parse.urlsplit(base_url)
    client = Client(url.hostname, url.port)
    try:
        headers = {"Host": url.netloc, **({"Cookie": cookie} if cookie else {})}
        response, _body = client.request("GET", path, headers)
        return response.status
    finally:
        client.close()


def log_in(base_url: str, *, username: str, password: str, path: str = "/dang-nhap/") -> str:
    """Log in through the real form, as a browser would; return the Cookie header to reuse."""
    url = urllib.parse.urlsplit(base_url)
    client = Client(url.hostname, url.port)
    jar = SimpleCookie()
    try:
        response, body = client.request("GET", path, {"Host": url.netloc})
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if response.status != 200 or not match:
            raise RuntimeError(f"GET {path} gave {response.status} without a login form")
        form = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": match.group(1).decode(),
                "username": username,
                "password": password,
            }
        )
        headers = {
            "Host": url.netloc,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": _cookie_header(jar),
            "Origin": f"{url.scheme}://{url.netloc}",
        }
        response, _body = client.request("POST", path, headers, form)
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        if response.status != 302 or "sessionid" not in jar:
            raise RuntimeError(f"logging in as {username} gave {response.status}, no session")
        return _cookie_header(jar)
    finally:
        client.close()


def _cookie_header(jar: SimpleCookie) -> str:
    return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())
