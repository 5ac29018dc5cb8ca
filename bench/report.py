"""One table for the whole run: every section adds rows to it."""

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RATIO_TARGET = 0.25
RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Row:
    """One measured thing. `rate` is per second of whatever `unit` says (requests by default);
    `ratio` is the rate over the bare view's, for HTTP pages only."""

    name: str
    rate: float | None = None
    unit: str = "req"
    ratio: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    queries: int | None = None
    note: str = ""
    dataset: str = ""  # which bench data the row was measured on (pages only)
    page: str = ""  # the page's name, without the data's


@dataclass
class Table:
    title: str
    facts: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)  # markdown written after the table
    footer: list[str] = field(default_factory=list)

    HEADINGS = ("page", "rate /s", "× bare", "p50 ms", "p95 ms", "queries", "note")

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(_text_line(_cells(row)), flush=True)

    def heading(self) -> str:
        return _text_line(self.HEADINGS)

    def markdown(self) -> str:
        out = [f"# {self.title}", ""] + [f"- {fact}" for fact in self.facts] + [""]
        out.append("| " + " | ".join(self.HEADINGS) + " |")
        out.append("|" + "|".join("---" if i == 0 else "---:" for i in range(6)) + "|---|")
        out += ["| " + " | ".join(_cells(r)) + " |" for r in self.rows]
        for block in self.blocks:
            out += ["", block]
        out += [""] + [f"{line}  " for line in self.footer] + [""]
        return "\n".join(out)

    def write(self, when: datetime, sha: str) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"{when:%Y%m%dT%H%M%SZ}-{sha}.md"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.markdown(), encoding="utf-8")
        os.replace(tmp, path)
        return path


def _number(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def _cells(row: Row) -> tuple[str, ...]:
    rate = (
        ""
        if row.rate is None
        else f"{row.rate:,.1f}" + ("" if row.unit == "req" else f" {row.unit}")
    )
    ratio = _number(row.ratio, 2)
    if row.ratio is not None and row.ratio < RATIO_TARGET:
        ratio += " (below 0.25)"
    return (
        row.name,
        rate,
        ratio,
        _number(row.p50_ms, 1),
        _number(row.p95_ms, 1),
        "" if row.queries is None else str(row.queries),
        row.note,
    )


_WIDTHS = (34, 16, 18, 8, 8, 8, 0)


def _text_line(cells) -> str:
    parts = []
    for i, (cell, width) in enumerate(zip(cells, _WIDTHS, strict=True)):
        parts.append(cell.ljust(width) if i == 0 else cell.rjust(width) if width else cell)
    return "  ".join(parts).rstrip()


def git_sha() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "nogit"
    return sha or "nogit"


def utc_now() -> datetime:
    return datetime.now(UTC)
