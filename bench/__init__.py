"""Benchmarks, run by `make bench` (`python -m bench`); never part of the test suite.

The run prepares its own database (var/bench/), starts gunicorn with portal.settings.bench,
runs each section in `bench.sections.SECTIONS` and prints one table, also written as markdown
to bench/results/<UTC time>-<git sha>.md."""
