"""StreamField blocks for resources and lessons, and the quiz block.

A quiz keeps its questions in a StreamBlock and each question's choices in a ListBlock, so every
question and every choice has a stable id (the block id Wagtail stores with it). Those ids are
what a submitted answer names and what courses.quiz.quiz_score checks. Which choice is correct
and which short answers are accepted live only here and in courses.quiz: templates receive the
answer-free view built by courses.quiz.quiz_public."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

ERROR_SINGLE_CHOICE = _("Mark exactly one choice as correct.")
ERROR_MULTIPLE_CHOICE = _("Mark at least one choice as correct.")
ERROR_NO_ACCEPTED_ANSWER = _("Give at least one accepted answer.")


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        form_classname = "title"
        template = "courses/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading.")
        preview_value = "Mục tiêu bài học"


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Formatted text: paragraphs, lists, links.")
        preview_value = "<p>Giáo viên đọc tài liệu và ghi lại những điểm chính.</p>"


class PictureBlock(ImageBlock):
    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Image")
        description = _("An image, shown as a light WebP picture.")


class VideoBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")
        description = _(
            "A video from a site such as YouTube, embedded with a plain link beside it."
        )


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the title.")
    )

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document.html"
        label = _("Document")
        description = _("A file readers can download.")


class ResourceLinkBlock(blocks.StructBlock):
    resource = blocks.PageChooserBlock(page_type="courses.ResourcePage", label=_("Resource"))
    note = blocks.TextBlock(
        label=_("Note"), required=False, help_text=_("Why to read it, or which part.")
    )

    class Meta:
        icon = "link"
        template = "courses/blocks/resource_link.html"
        label = _("Library resource")
        description = _("A link to a resource in the open library.")


class ContentBlock(blocks.StreamBlock):
    """The body of a resource page; lessons add resource links and quizzes."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = PictureBlock()
    video = VideoBlock()
    document = DocumentBlock()


# Quiz -------------------------------------------------------------------------------------


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"))
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"), rows=2)
    points = blocks.IntegerBlock(label=_("Points"), min_value=1, max_value=100, default=1)


class SingleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, label=_("Choices"))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(ERROR_SINGLE_CHOICE)]
            )
        return value


class MultipleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, label=_("Choices"))

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(ERROR_MULTIPLE_CHOICE)]
            )
        return value


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))],
        label=_("Correct answer"),
    )

    class Meta:
        icon = "check"
        label = _("True or false")


class ShortAnswerQuestionBlock(QuestionBlock):
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(label=_("Accepted answer")),
        min_num=1,
        label=_("Accepted answers"),
        help_text=_("Matched ignoring letter case, extra spaces and diacritics."),
    )

    class Meta:
        icon = "edit"
        label = _("Short answer")

    def clean(self, value):
        value = super().clean(value)
        if not any((answer or "").strip() for answer in value["accepted_answers"]):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(ERROR_NO_ACCEPTED_ANSWER)]
            )
        return value


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_answer = ShortAnswerQuestionBlock()

    class Meta:
        min_num = 1


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    instructions = blocks.TextBlock(label=_("Instructions"), required=False, rows=2)
    shuffle = blocks.BooleanBlock(
        label=_("Shuffle the questions"),
        required=False,
        help_text=_("Each reader sees the questions in their own order."),
    )
    questions = QuestionsBlock(label=_("Questions"))

    class Meta:
        icon = "help"
        template = "courses/blocks/quiz.html"
        label = _("Quiz")
        description = _(
            "Questions scored on the 10-point scale. Correct answers never reach the browser."
        )

    def get_searchable_content(self, value):
        # Index the questions only: accepted answers and correct choices must not be findable.
        return [value["title"] or ""] + [
            question.value["prompt"] for question in value["questions"]
        ]

    def get_context(self, value, parent_context=None):
        from courses.quiz import quiz_public

        context = super().get_context(value, parent_context=parent_context)
        context["quiz"] = quiz_public(value)
        return context


class LessonBlock(ContentBlock):
    resource = ResourceLinkBlock()
    quiz = QuizBlock()


class AssessmentBlock(blocks.StreamBlock):
    """A module's final assessment: one quiz."""

    quiz = QuizBlock()

    class Meta:
        max_num = 1
