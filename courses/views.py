"""Quiz submission on lesson pages and a module's final assessment."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from courses.hooks import QUIZ_SUBMITTED
from courses.quiz import answers_from_form, quiz_score
from courses.selectors import quiz_view

ERROR_NO_SUCH_QUIZ = _("This page has no such quiz. Reload the page and try again.")


def quiz_page_response(request, *, page, quizzes: dict, template: str, context: dict):
    """Render `page`; on POST, take the submitted answers to the quiz named by the form's
    `quiz` field. A courses.hooks.QUIZ_SUBMITTED hook may answer instead (training records
    attempts there); otherwise the answers are scored as a self-check, recorded nowhere, and
    the page shows the total and the reader's own answers, never the correct ones."""
    if request.method == "POST":
        quiz = quizzes.get(request.POST.get("quiz", ""))
        if quiz is None:
            return HttpResponseBadRequest(str(ERROR_NO_SUCH_QUIZ))
        answers = answers_from_form(quiz, request.POST)
        for fn in hooks.get_hooks(QUIZ_SUBMITTED):
            response = fn(request, page=page, quiz=quiz, answers=answers)
            if response is not None:
                return response
        try:
            score = quiz_score(quiz, answers)
        except ValidationError as error:
            return HttpResponseBadRequest(" ".join(error.messages))
        context["submitted"] = quiz_view(
            quiz,
            request=request,
            answers=answers,
            score=score,
            pass_mark=getattr(page, "pass_mark", None),
        )
    return TemplateResponse(request, template, context)
