"""Read-only viewsets of the content API. Querysets are the live, public pages (what the site
shows to anyone); only the resource library is open without logging in."""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from courses.api import filters, serializers
from courses.models import (
    Criterion,
    Framework,
    LessonPage,
    ModulePage,
    ProgrammePage,
    ResourcePage,
    Standard,
)
from courses.quiz import quiz_score
from courses.selectors import lesson_counts
from courses.views import ERROR_NO_SUCH_QUIZ

#: Ids in addresses: longer numbers are not ids (and would overflow the database's keys); such
#: addresses are answered 404 by portal.api.urls.
ID_PATTERN = "[0-9]{1,18}"


class ContentViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    lookup_value_regex = ID_PATTERN


@extend_schema_view(
    list=extend_schema(summary="Programmes (Chương trình 01, 02, 03, local) by school year"),
    retrieve=extend_schema(summary="One programme"),
)
class ProgrammeViewSet(ContentViewSet):
    queryset = ProgrammePage.objects.none()  # the model, for the schema; get_queryset() reads
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilter
    ordering_fields = ["school_year", "kind", "title"]
    ordering = ["-school_year", "kind", "path"]

    def get_queryset(self):
        return ProgrammePage.objects.live().public()


@extend_schema_view(
    list=extend_schema(summary="Published modules"),
    retrieve=extend_schema(
        summary="One module, with its lessons and final assessment (no answers)"
    ),
)
class ModuleViewSet(ContentViewSet):
    queryset = ModulePage.objects.none()  # the model, for the schema; get_queryset() reads
    filterset_class = filters.ModuleFilter
    ordering_fields = ["path", "code", "title", "hours"]
    ordering = ["path"]

    def get_queryset(self):
        return (
            ModulePage.objects.live()
            .public()
            .prefetch_related(
                Prefetch("criteria", queryset=Criterion.objects.select_related("framework")),
                "levels",
            )
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ModuleDetailSerializer
        return serializers.ModuleSerializer

    def get_serializer(self, *args, **kwargs):
        if args and self.action == "list":
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["lesson_counts"] = lesson_counts(pages=args[0])
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="Published lessons (filter by module)"),
    retrieve=extend_schema(summary="One lesson with its body; quizzes come without answers"),
)
class LessonViewSet(ContentViewSet):
    queryset = LessonPage.objects.none()  # the model, for the schema; get_queryset() reads
    filterset_class = filters.LessonFilter
    ordering_fields = ["path", "title"]
    ordering = ["path"]

    def get_queryset(self):
        return LessonPage.objects.live().public()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.LessonDetailSerializer
        return serializers.LessonSerializer

    @extend_schema(
        summary="Check my answers to one of the lesson's self-check quizzes (nothing is recorded)",
        request=serializers.SelfCheckInput,
        responses=serializers.SelfCheckResultSerializer,
    )
    @action(detail=True, methods=["post"], url_path="self-check", filter_backends=[])
    def self_check(self, request, pk=None):
        lesson = self.get_object()
        data = serializers.SelfCheckInput(data=request.data)
        data.is_valid(raise_exception=True)
        quiz = lesson.quizzes().get(data.validated_data["quiz"])
        if quiz is None:
            raise ValidationError({"quiz": [ERROR_NO_SUCH_QUIZ]})
        score = quiz_score(quiz, data.validated_data["answers"])
        return Response(
            serializers.SelfCheckResultSerializer(
                {
                    "quiz": quiz.id,
                    "earned": score.earned,
                    "possible": score.possible,
                    "score": score.value,
                }
            ).data
        )


@extend_schema_view(
    list=extend_schema(
        summary="The open resource library, filtered as on the library page (no login needed)"
    ),
    retrieve=extend_schema(summary="One resource"),
)
class ResourceViewSet(ContentViewSet):
    queryset = ResourcePage.objects.none()  # the model, for the schema; get_queryset() reads
    serializer_class = serializers.ResourceSerializer
    filterset_class = filters.ResourceFilter
    permission_classes = [permissions.AllowAny]
    ordering_fields = ["first_published_at", "title"]
    ordering = ["-first_published_at", "-pk"]

    def get_queryset(self):
        return (
            ResourcePage.objects.live()
            .public()
            .select_related("resource_type", "licence")
            .prefetch_related("subjects", "levels", "grades", "languages", "tags", "files")
        )


@extend_schema_view(
    list=extend_schema(summary="Professional standards frameworks (versioned)"),
    retrieve=extend_schema(summary="One framework with its standards and criteria"),
)
class FrameworkViewSet(ContentViewSet):
    ordering_fields = ["code", "version"]
    ordering = ["code", "-version"]

    def get_queryset(self):
        return Framework.objects.prefetch_related(
            "levels",
            Prefetch("standards", queryset=Standard.objects.prefetch_related("criteria")),
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.FrameworkDetailSerializer
        return serializers.FrameworkSerializer


@extend_schema_view(
    list=extend_schema(summary="Standards (filter by framework)"),
    retrieve=extend_schema(summary="One standard with its criteria"),
)
class StandardViewSet(ContentViewSet):
    serializer_class = serializers.StandardSerializer
    filterset_class = filters.StandardFilter
    ordering_fields = ["sort_order", "code"]
    ordering = ["framework", "sort_order"]

    def get_queryset(self):
        return Standard.objects.prefetch_related("criteria")


@extend_schema_view(
    list=extend_schema(summary="Criteria (filter by framework or standard)"),
    retrieve=extend_schema(summary="One criterion"),
)
class CriterionViewSet(ContentViewSet):
    serializer_class = serializers.CriterionSerializer
    filterset_class = filters.CriterionFilter
    ordering_fields = ["sort_order", "code"]
    ordering = ["framework", "sort_order"]

    def get_queryset(self):
        return Criterion.objects.all()


#: (prefix, viewset, basename) for portal.api.urls to register.
ROUTES = [
    ("programmes", ProgrammeViewSet, "programme"),
    ("modules", ModuleViewSet, "module"),
    ("lessons", LessonViewSet, "lesson"),
    ("resources", ResourceViewSet, "resource"),
    ("standards/frameworks", FrameworkViewSet, "framework"),
    ("standards/standards", StandardViewSet, "standard"),
    ("standards/criteria", CriterionViewSet, "criterion"),
]
