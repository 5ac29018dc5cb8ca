"""Hooks through which apps higher in the stack (training) extend the content pages without
`courses` importing them. Register with `wagtail.hooks.register(NAME)` in a wagtail_hooks.py.

MODULE_CONTEXT: fn(request, *, module) -> dict | None
    Extra context for a module page and its final assessment. The module template shows a
    progress panel when the context holds `progress` (with `.percent` and `.summary`).

LESSON_CONTEXT: fn(request, *, lesson) -> dict | None
    Extra context for a lesson page (e.g. `progress` of its module).

QUIZ_SUBMITTED: fn(request, *, page, quiz, answers) -> HttpResponse | None
    Called when a reader submits a quiz: `page` is the LessonPage (a lesson quiz) or the
    ModulePage (its final assessment), `quiz` the StreamField child (`.id`, `.value`),
    `answers` as read by courses.quiz.answers_from_form. The first hook that returns a
    response answers the request (training records the attempt there and enforces the
    attempt limit). When none does, the page scores the answers as a self-check and records
    nothing.

To record that someone opened a lesson, use Wagtail's own `before_serve_page` hook.
"""

MODULE_CONTEXT = "courses_module_context"
LESSON_CONTEXT = "courses_lesson_context"
QUIZ_SUBMITTED = "courses_quiz_submitted"
