"""Training records as a REST API (wired under /api/v1/ by portal.api.urls): units and staff
within reach, enrolments, lesson progress, attempts, face-to-face records with evidence, yearly
plans, year summaries and the completion report. Views validate input, call training.services,
and read through training.selectors (and the few reads in training.api.selectors)."""
