"""The benchmark's sections, in the order they run.

A section is a function `(bench: Bench) -> Iterator[Row]`: it measures something against the
running server or the bench database and yields rows for the one table. Write a new one in its
own module (bench/certificates.py, bench/reports.py, …) and list it here."""

from bench.bench_certificates import certificates_section
from bench.bench_reports import reports_section
from bench.light import light_section
from bench.pages import pages_section

SECTIONS = [
    pages_section,
    light_section,
    reports_section,
    certificates_section,
]
