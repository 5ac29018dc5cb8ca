"""Managers' reports in the Wagtail admin (issue #6). Figures come from training.selectors;
the views here only choose, show and export them."""
