"""gunicorn on loopback for the length of a `with` block, stopped however the block ends."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "var" / "bench" / "gunicorn.log"
# gthread keeps client connections alive (sync workers close each one). A kept-alive connection
# stays with the worker that accepted it, so there are more workers than cores: with one per
# core, two clients pinned to the same worker would leave a core idle.
WORKERS = 2 * (os.cpu_count() or 1)
THREADS = 2
GUNICORN_ARGS = ["--worker-class", "gthread", "--workers", str(WORKERS), "--threads", str(THREADS)]
# No control socket: gunicorn's default is one fixed path in the home folder, shared by all runs.
SERVER_ARGS = [*GUNICORN_ARGS, "--no-control-socket"]


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def peak_rss_mib(self) -> dict[int, float]:
        """Each worker's peak resident memory so far (VmHWM), in MiB."""
        peaks = {}
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1]) / 1024
        return peaks


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(settings: str, ready_path: str) -> Iterator[Server]:
    port = free_port()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--chdir",
        str(ROOT),
        "--pythonpath",
        "site",
        "--bind",
        f"127.0.0.1:{port}",
        *SERVER_ARGS,
        "portal.wsgi:application",
    ]
    # Its output (tracebacks of failing pages included) goes to the log, not into the table.
    # A session of its own, so that stopping it stops the workers too.
    with LOG.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        _wait_until_ready(server, ready_path)
        yield server
    finally:
        _stop(process)


def _wait_until_ready(server: Server, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}; see {LOG}")
        try:
            with urllib.request.urlopen(server.base_url + path, timeout=30) as response:  # noqa: S310
                if response.status == 200 and len(server.worker_pids()) == WORKERS:
                    return
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"gunicorn answered {path} with {exc.code}; see {LOG}") from exc
        except (urllib.error.URLError, OSError):
            pass  # not listening yet
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {path} within {timeout:.0f} s; see {LOG}")


def _stop(process: subprocess.Popen) -> None:
    # The group outlives a master that died first (its workers keep its id), so signal the
    # group either way; a group id is not reused while any member is alive.
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if sig == signal.SIGTERM:
            time.sleep(0.2)  # workers leave just after their master; SIGKILL any that did not
    process.poll()
