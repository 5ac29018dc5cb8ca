"""What every section gets: the running server, the teacher to log in as, the baseline."""

from dataclasses import dataclass, field

from bench.database import Credentials
from bench.load import log_in
from bench.server import Server


@dataclass
class Bench:
    server: Server
    teacher: Credentials
    dataset: str = ""
    baseline_rate: float | None = None
    baseline_cpu_ms: float | None = None
    _cookie: str | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def teacher_cookie(self) -> str:
        """The Cookie header of one login through the real form, reused for every request."""
        if self._cookie is None:
            self._cookie = log_in(
                self.base_url, username=self.teacher.username, password=self.teacher.password
            )
        return self._cookie

    def ratio(self, rate: float) -> float | None:
        return rate / self.baseline_rate if self.baseline_rate else None
