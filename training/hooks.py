"""Hooks through which apps higher in the stack (certificates, reports) follow the training
records without training importing them. Register with `wagtail.hooks.register(NAME)`.
Each runs after the transaction that made the change has committed.

COMPLETION_RECORDED: fn(completion) -> None
    A module was completed (training.models.Completion).

YEAR_COMPLETED: fn(summary) -> None
    A person's YearSummary has just reached "completed the plan" (YearStatus.COMPLETED).

DASHBOARD_CONTEXT: fn(request, *, dashboard) -> dict | None
    Extra context for the teacher's dashboard (e.g. `certificates`: a list of objects with
    `title`, `url` and `issued_on`, which the dashboard lists).
"""

COMPLETION_RECORDED = "training_completion_recorded"
YEAR_COMPLETED = "training_year_completed"
DASHBOARD_CONTEXT = "training_dashboard_context"
