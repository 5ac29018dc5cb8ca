"""Output serializers of the content API. They only shape what the selectors and page models
give: quiz questions come from courses.quiz.quiz_public, which never carries an answer."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from courses.attribution import attribution_line
from courses.models import (
    Criterion,
    Framework,
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammePage,
    RatingLevel,
    ResourcePage,
    Standard,
)
from courses.quiz import quiz_public
from courses.selectors import quiz_seed


def _request(serializer):
    return serializer.context.get("request")


@extend_schema_field(OpenApiTypes.STR)
class PageUrlField(serializers.Field):
    """The page's address on the site (relative when the site has one host)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page.get_url(self.context.get("request")) or ""


class CodeNameSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name", "tag"]


class LicenceSerializer(serializers.ModelSerializer):
    url = serializers.CharField()

    class Meta:
        model = Licence
        fields = ["code", "short_name", "name", "url", "is_open", "attribution"]


# Quizzes ----------------------------------------------------------------------------------------


class PublicChoiceSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class PublicQuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["single_choice", "multiple_choice", "true_false", "short_answer"]
    )
    prompt = serializers.CharField()
    points = serializers.IntegerField()
    choices = PublicChoiceSerializer(many=True)


class PublicQuizSerializer(serializers.Serializer):
    """A quiz as anyone may see it: questions and choices, never which answers are right."""

    id = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    instructions = serializers.CharField(allow_blank=True)
    total_points = serializers.IntegerField()
    questions = PublicQuestionSerializer(many=True)


def public_quiz_data(block, request) -> dict:
    """The answer-free form of a quiz block, in the order the page shows this reader."""
    public = quiz_public(block, seed=quiz_seed(request, block.id))
    return {
        "id": block.id,
        "title": public.title,
        "instructions": public.instructions,
        "total_points": public.total_points,
        "questions": [
            {
                "id": question.id,
                "kind": question.kind,
                "prompt": question.prompt,
                "points": question.points,
                "choices": [{"id": c.id, "text": c.text} for c in question.choices],
            }
            for question in public.questions
        ],
    }


# Programmes, modules, lessons -------------------------------------------------------------------


class ProgrammeSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = ProgrammePage
        fields = ["id", "title", "kind", "school_year", "target_hours", "issued_by", "url"]


class ProgrammeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    school_year = serializers.CharField()
    title = serializers.CharField()


class CriterionRefSerializer(serializers.ModelSerializer):
    framework = serializers.CharField(source="framework.code")

    class Meta:
        model = Criterion
        fields = ["id", "code", "name", "framework"]


class ModuleSerializer(serializers.ModelSerializer):
    programme = serializers.SerializerMethodField()
    school_year = serializers.SerializerMethodField()
    levels = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    criteria = CriterionRefSerializer(many=True, read_only=True)
    lesson_count = serializers.SerializerMethodField()
    has_final_assessment = serializers.BooleanField(read_only=True)
    positions = serializers.ListField(child=serializers.CharField(), read_only=True)
    url = PageUrlField()

    class Meta:
        model = ModulePage
        fields = [
            "id",
            "code",
            "title",
            "summary",
            "hours",
            "delivery",
            "school_year",
            "programme",
            "positions",
            "levels",
            "criteria",
            "deadline",
            "pass_mark",
            "attempt_limit",
            "lesson_count",
            "has_final_assessment",
            "url",
        ]

    @extend_schema_field(ProgrammeRefSerializer(allow_null=True))
    def get_programme(self, module):
        programme = module.programme
        if programme is None or not isinstance(programme, ProgrammePage):
            return None
        return {
            "id": programme.pk,
            "kind": programme.kind,
            "school_year": programme.school_year,
            "title": programme.title,
        }

    @extend_schema_field(OpenApiTypes.STR)
    def get_school_year(self, module) -> str:
        return module.school_year

    @extend_schema_field(OpenApiTypes.INT)
    def get_lesson_count(self, module) -> int:
        counts = self.context.get("lesson_counts")
        if counts is not None and module.pk in counts:
            return counts[module.pk]
        return module.lessons().count()


class LessonRefSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = LessonPage
        fields = ["id", "title", "url"]


class ModuleDetailSerializer(ModuleSerializer):
    objectives = serializers.SerializerMethodField()
    lessons = serializers.SerializerMethodField()
    final_assessment = serializers.SerializerMethodField()

    class Meta(ModuleSerializer.Meta):
        fields = [*ModuleSerializer.Meta.fields, "objectives", "lessons", "final_assessment"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_objectives(self, module) -> str:
        return expand_db_html(module.objectives or "")

    @extend_schema_field(LessonRefSerializer(many=True))
    def get_lessons(self, module):
        return LessonRefSerializer(module.lessons(), many=True, context=self.context).data

    @extend_schema_field(PublicQuizSerializer(allow_null=True))
    def get_final_assessment(self, module):
        quiz = module.final_quiz()
        return public_quiz_data(quiz, _request(self)) if quiz is not None else None


class LessonSerializer(serializers.ModelSerializer):
    module = serializers.SerializerMethodField()
    url = PageUrlField()

    class Meta:
        model = LessonPage
        fields = ["id", "title", "summary", "module", "url"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_module(self, lesson) -> int | None:
        parents = self.context.get("lesson_modules")
        if parents is not None and lesson.pk in parents:
            return parents[lesson.pk]
        module = lesson.module
        return module.pk if module is not None else None


class BlockSerializer(serializers.Serializer):
    """One block of a lesson's body. `value` depends on `type`: the HTML of a paragraph, the
    text of a heading, the answer-free quiz of a quiz, Wagtail's API form of the others (image
    and document ids, a video's address, a resource page's id). Types added later come with
    an empty value until they are described here."""

    type = serializers.CharField()
    id = serializers.CharField(allow_null=True)
    value = serializers.JSONField(allow_null=True)


#: Block types whose Wagtail API form carries nothing that must stay hidden.
_PLAIN_BLOCKS = frozenset({"heading", "image", "video", "document", "resource"})


def lesson_body_data(lesson, request) -> list[dict]:
    blocks = []
    for block in lesson.body:
        kind = block.block_type
        if kind == "quiz":
            value = public_quiz_data(block, request)
        elif kind == "paragraph":
            value = expand_db_html(block.value.source)
        elif kind in _PLAIN_BLOCKS:
            value = block.block.get_api_representation(block.value, context={"request": request})
        else:
            value = None
        blocks.append({"type": kind, "id": block.id, "value": value})
    return blocks


class LessonDetailSerializer(LessonSerializer):
    body = serializers.SerializerMethodField()

    class Meta(LessonSerializer.Meta):
        fields = [*LessonSerializer.Meta.fields, "body"]

    @extend_schema_field(BlockSerializer(many=True))
    def get_body(self, lesson):
        return lesson_body_data(lesson, _request(self))


# The resource library ---------------------------------------------------------------------------


class ResourceFileSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(help_text="Downloads the file (and counts the download).")


class ResourceSerializer(serializers.ModelSerializer):
    resource_type = CodeNameSerializer()
    subjects = CodeNameSerializer(many=True)
    levels = CodeNameSerializer(many=True)
    grades = CodeNameSerializer(many=True)
    languages = LanguageSerializer(many=True)
    licence = LicenceSerializer()
    tags = serializers.SerializerMethodField()
    attribution = serializers.SerializerMethodField()
    files = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField(source="first_published_at", allow_null=True)
    original_url = serializers.CharField()
    video_url = serializers.CharField()
    url = PageUrlField()

    class Meta:
        model = ResourcePage
        fields = [
            "id",
            "title",
            "summary",
            "resource_type",
            "subjects",
            "levels",
            "grades",
            "languages",
            "tags",
            "licence",
            "author",
            "source_name",
            "original_url",
            "video_url",
            "attribution",
            "files",
            "published_at",
            "url",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, page):
        return sorted(tag.name for tag in page.tags.all())

    @extend_schema_field(OpenApiTypes.STR)
    def get_attribution(self, page) -> str:
        """The credit line the licence asks for, as HTML."""
        return str(attribution_line(page))

    @extend_schema_field(ResourceFileSerializer(many=True))
    def get_files(self, page):
        base = page.get_url(_request(self)) or ""
        return [
            {
                "title": attached.label,
                "url": base + page.reverse_subpage("download", args=[attached.document_id]),
            }
            for attached in page.files.all()
        ]


# Professional standards -------------------------------------------------------------------------


class RatingLevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = RatingLevel
        fields = ["code", "name"]


class CriterionSerializer(serializers.ModelSerializer):
    framework = serializers.IntegerField(source="framework_id")
    standard = serializers.IntegerField(source="standard_id")

    class Meta:
        model = Criterion
        fields = [
            "id",
            "framework",
            "standard",
            "code",
            "name",
            "description",
            "confirmed",
            "sort_order",
        ]


class StandardSerializer(serializers.ModelSerializer):
    framework = serializers.IntegerField(source="framework_id")
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = Standard
        fields = [
            "id",
            "framework",
            "code",
            "name",
            "description",
            "confirmed",
            "sort_order",
            "criteria",
        ]


class FrameworkSerializer(serializers.ModelSerializer):
    levels = RatingLevelSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = [
            "id",
            "code",
            "version",
            "name",
            "legal_basis",
            "audience",
            "effective_from",
            "effective_to",
            "notes",
            "levels",
        ]


class FrameworkDetailSerializer(FrameworkSerializer):
    standards = StandardSerializer(many=True, read_only=True)

    class Meta(FrameworkSerializer.Meta):
        fields = [*FrameworkSerializer.Meta.fields, "standards"]


class SelfCheckInput(serializers.Serializer):
    quiz = serializers.CharField(max_length=64, help_text="The quiz block's id in the lesson body.")
    answers = serializers.DictField(
        help_text="Question id → answer, as for a final assessment (see attempts)."
    )


class SelfCheckResultSerializer(serializers.Serializer):
    """The total only, as the lesson page shows it: never which answers were right."""

    quiz = serializers.CharField()
    earned = serializers.IntegerField()
    possible = serializers.IntegerField()
    score = serializers.DecimalField(
        max_digits=4, decimal_places=2, help_text="On the 10-point scale."
    )
