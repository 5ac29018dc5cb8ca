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

PERSON_ADMIN_CONTEXT: fn(request, *, person) -> dict | None
    Extra context for a person's page in the admin (training.admin_person), which only opens
    for people within the manager's reach, e.g. `certificates`: a list of dicts with `title`,
    `school_year`, `serial`, `issued_on`, `status` (a label), `url` (the PDF) and, when the
    manager may open it in the admin, `admin_url`. Hooks still decide what this manager may see.
"""

COMPLETION_RECORDED = "training_completion_recorded"
YEAR_COMPLETED = "training_year_completed"
DASHBOARD_CONTEXT = "training_dashboard_context"
PERSON_ADMIN_CONTEXT = "training_person_admin_context"
