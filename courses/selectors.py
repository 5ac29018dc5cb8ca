"""Reads: the library's faceted search, programme and module listings, and what the content
pages show. Page models call these from get_context(); they hold no rules themselves.

For training: `modules_of(programme=…)`, `lesson_counts(pages=…)` and `module_context_extras`
are the entry points; the module and lesson pages merge whatever the courses.hooks return."""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.images import get_image_model

from courses import jsonld
from courses.attribution import attribution_line
from courses.choices import ProgrammeKind
from courses.hooks import LESSON_CONTEXT, MODULE_CONTEXT
from courses.models import (
    Criterion,
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammePage,
    ResourceDownload,
    ResourcePage,
    ResourceType,
    SchoolLevel,
    Subject,
)
from courses.quiz import PublicQuestion, PublicQuiz, Score, quiz_public
from courses.school_year import SCHOOL_YEAR_PATTERN, current_school_year
from courses.text import fold, nfc, words

RESOURCES_PER_PAGE = 12
MAX_QUERY_WORDS = 8
MAX_VALUES_PER_FACET = 20
CARD_IMAGE = "fill-480x270|format-webp"
_CODE = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")


# The library ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    param: str
    field: str
    model: type
    label: Promise
    many: bool
    label_field: str = "name"


FACETS = (
    Facet("type", "resource_type", ResourceType, _("Type"), many=False),
    Facet("subject", "subjects", Subject, _("Subject"), many=True),
    Facet("level", "levels", SchoolLevel, _("School level"), many=True),
    Facet("lang", "languages", Language, _("Language"), many=True),
    Facet("licence", "licence", Licence, _("Licence"), many=False, label_field="short_name"),
)


@dataclass(frozen=True)
class ResourceFilters:
    """What a library address asks for: ?q=…&type=…&subject=…&level=…&lang=…&licence=…
    Values of one facet combine with OR, facets with AND; unknown values are ignored."""

    q: str = ""
    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_query(cls, data) -> "ResourceFilters":
        selected = {}
        for facet in FACETS:
            codes = [c for c in data.getlist(facet.param) if _CODE.match(c)]
            if codes:
                selected[facet.param] = tuple(dict.fromkeys(codes))[:MAX_VALUES_PER_FACET]
        return cls(q=nfc(data.get("q", ""))[:200], selected=selected)

    @property
    def is_active(self) -> bool:
        return bool(self.q or self.selected)

    def codes(self, param: str) -> tuple[str, ...]:
        return self.selected.get(param, ())


@dataclass(frozen=True)
class FacetOption:
    code: str
    name: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    param: str
    label: Promise
    options: tuple[FacetOption, ...]

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


@dataclass(frozen=True)
class ResourceSearch:
    page: PaginatorPage
    facets: tuple[FacetGroup, ...]

    @property
    def count(self) -> int:
        return self.page.paginator.count


def resources_in(index) -> QuerySet:
    """The live, public resources of a library."""
    return ResourcePage.objects.live().public().descendant_of(index)


def resources_matching(queryset: QuerySet, query: str) -> QuerySet:
    """Resources with a word starting with each word of `query`, with or without diacritics
    ("boi duong" finds "bồi dưỡng", "toan" finds "Toán" but not "an toàn" for "an"… only "an
    toàn"'s own "an"). A plain substring test (" " + word) on the stored folded words, so it
    behaves the same on SQLite and PostgreSQL."""
    for word in words(query)[:MAX_QUERY_WORDS]:
        queryset = queryset.filter(search_text__contains=f" {word}")
    return queryset


def _filtered(queryset: QuerySet, facet: Facet, codes: Iterable[str]) -> QuerySet:
    lookup = {f"{facet.field}__code__in": list(codes)}
    if facet.many:
        # A subquery rather than a join, so that rows are never repeated and counts stay right.
        return queryset.filter(pk__in=ResourcePage.objects.filter(**lookup).values("pk"))
    return queryset.filter(**lookup)


def _facet_group(queryset: QuerySet, facet: Facet, selected: tuple[str, ...]) -> FacetGroup:
    code, name, order = (
        f"{facet.field}__{part}" for part in ("code", facet.label_field, "sort_order")
    )
    rows = (
        queryset.order_by()
        .filter(**{f"{code}__isnull": False})
        .values(code, name, order)
        .annotate(count=Count("pk"))
    )
    found = {row[code]: (row[order], row[name], row["count"]) for row in rows}
    missing = [c for c in selected if c not in found]
    if missing:
        for item in facet.model.objects.filter(code__in=missing):
            found[item.code] = (item.sort_order, getattr(item, facet.label_field), 0)
    options = sorted(found.items(), key=lambda item: (item[1][0], fold(item[1][1])))
    return FacetGroup(
        param=facet.param,
        label=facet.label,
        options=tuple(
            FacetOption(code=c, name=label, count=count, selected=c in selected)
            for c, (_order, label, count) in options
        ),
    )


def resource_search(*, index, filters: ResourceFilters, page=None) -> ResourceSearch:
    """One page of matching resources, newest first, and each facet's values with the number of
    resources they would give combined with the other active filters (one query per facet)."""
    base = resources_in(index)
    if filters.q:
        base = resources_matching(base, filters.q)
    results = base
    for facet in FACETS:
        if filters.codes(facet.param):
            results = _filtered(results, facet, filters.codes(facet.param))
    groups = []
    for facet in FACETS:
        others = base
        for other in FACETS:
            if other is not facet and filters.codes(other.param):
                others = _filtered(others, other, filters.codes(other.param))
        groups.append(_facet_group(others, facet, filters.codes(facet.param)))
    results = (
        results.select_related("resource_type", "licence")
        .prefetch_related(
            "languages",
            "levels",
            Prefetch(
                "cover_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)
            ),
        )
        .order_by("-first_published_at", "-pk")
    )
    return ResourceSearch(
        page=Paginator(results, RESOURCES_PER_PAGE).get_page(page), facets=tuple(groups)
    )


def resource_detail(*, page: ResourcePage, request) -> dict:
    """What a resource page shows beyond its fields: its files with their download counts and
    its schema.org LearningResource description."""
    files = list(page.files.select_related("document"))
    counts = dict(ResourceDownload.objects.filter(page=page).values_list("document_id", "count"))
    for attached in files:
        attached.download_count = counts.get(attached.document_id, 0)
    return {
        "files": files,
        "download_total": sum(counts.values()),
        "attribution": attribution_line(page),
        "json_ld": jsonld.as_script(jsonld.learning_resource(page, request=request, files=files)),
    }


# Programmes and modules -------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleFilters:
    """?year=2026-2027&programme=03&level=primary&criterion=<id>"""

    year: str = ""
    programme: str = ""
    level: str = ""
    criterion: int | None = None

    @classmethod
    def from_query(cls, data) -> "ModuleFilters":
        year = data.get("year", "")
        programme = data.get("programme", "")
        level = data.get("level", "")
        criterion = data.get("criterion", "")
        return cls(
            year=year if SCHOOL_YEAR_PATTERN.match(year) else "",
            programme=programme if programme in ProgrammeKind.values else "",
            level=level if _CODE.match(level) else "",
            criterion=int(criterion) if criterion.isdigit() else None,
        )


@dataclass(frozen=True)
class ProgrammeModules:
    programme: ProgrammePage
    modules: tuple[ModulePage, ...]

    @property
    def hours(self) -> int:
        return sum(module.hours for module in self.modules)


@dataclass(frozen=True)
class ModuleBrowse:
    filters: ModuleFilters
    year: str
    years: tuple[str, ...]
    groups: tuple[ProgrammeModules, ...]
    levels: tuple[SchoolLevel, ...]
    criteria: tuple[Criterion, ...]

    @property
    def module_count(self) -> int:
        return sum(len(group.modules) for group in self.groups)


def lesson_counts(*, pages: Iterable) -> dict[int, int]:
    """Live lessons under each of `pages` (module pages), in one query."""
    pages = list(pages)
    if not pages:
        return {}
    by_path = {page.path: page.pk for page in pages}
    condition = Q()
    for page in pages:
        condition |= Q(path__startswith=page.path, depth=page.depth + 1)
    paths = LessonPage.objects.live().filter(condition).values_list("path", flat=True)
    counts = Counter(by_path[path[: -LessonPage.steplen]] for path in paths)
    return {pk: counts.get(pk, 0) for pk in by_path.values()}


def _module_queryset() -> QuerySet:
    return (
        ModulePage.objects.live()
        .public()
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.select_related("framework")),
            "levels",
        )
    )


def _with_lesson_counts(modules: list[ModulePage]) -> list[ModulePage]:
    counts = lesson_counts(pages=modules)
    for module in modules:
        module.lesson_count = counts.get(module.pk, 0)
    return modules


def modules_of(*, programme: ProgrammePage) -> list[ModulePage]:
    """A programme's live modules in editor order, each with `lesson_count`."""
    return _with_lesson_counts(list(_module_queryset().child_of(programme).order_by("path")))


def module_browse(*, index, filters: ModuleFilters, today=None) -> ModuleBrowse:
    """Modules of one school year's programmes under `index`, filtered by programme, school
    level and criterion. Without a year asked for, the current school year when it has
    programmes, else the latest one that has."""
    today = today or timezone.localdate()
    programmes = ProgrammePage.objects.live().public().child_of(index)
    years = tuple(sorted(set(programmes.values_list("school_year", flat=True)), reverse=True))
    current = current_school_year(today)
    year = filters.year or (current if current in years or not years else years[0])
    chosen = programmes.filter(school_year=year).order_by("kind", "path")
    if filters.programme:
        chosen = chosen.filter(kind=filters.programme)
    chosen = list(chosen)

    modules = ModulePage.objects.none()
    if chosen:
        under = Q()
        for programme in chosen:
            under |= Q(path__startswith=programme.path, depth=programme.depth + 1)
        modules = _module_queryset().filter(under)
        if filters.level:
            modules = modules.filter(
                pk__in=ModulePage.objects.filter(levels__code=filters.level).values("pk")
            )
        if filters.criterion:
            modules = modules.filter(
                pk__in=ModulePage.objects.filter(criteria__pk=filters.criterion).values("pk")
            )
    modules = _with_lesson_counts(list(modules.order_by("path")))
    groups = tuple(
        ProgrammeModules(
            programme=programme,
            modules=tuple(m for m in modules if m.path.startswith(programme.path)),
        )
        for programme in chosen
    )
    return ModuleBrowse(
        filters=filters,
        year=year,
        years=years if year in years else (year, *years),
        groups=groups,
        levels=tuple(SchoolLevel.objects.all()),
        criteria=tuple(
            Criterion.objects.filter(modules__isnull=False)
            .select_related("framework")
            .distinct()
            .order_by("framework__code", "-framework__version", "sort_order")
        ),
    )


def _hook_context(name: str, request, **kwargs) -> dict:
    extra = {}
    for fn in hooks.get_hooks(name):
        extra.update(fn(request, **kwargs) or {})
    return extra


def module_context_extras(*, module: ModulePage, request) -> dict:
    return _hook_context(MODULE_CONTEXT, request, module=module)


def module_detail(*, module: ModulePage, request) -> dict:
    lessons = list(module.lessons())
    quiz = module.final_quiz()
    context = {
        "programme": module.programme,
        "lessons": lessons,
        "criteria": list(
            module.criteria.select_related("standard", "framework").order_by(
                "framework__code", "sort_order"
            )
        ),
        "levels": list(module.levels.all()),
        "final_quiz": quiz_public(quiz) if quiz else None,
    }
    context.update(module_context_extras(module=module, request=request))
    return context


# Quizzes on pages -------------------------------------------------------------------------


@dataclass(frozen=True)
class AnsweredQuestion:
    question: PublicQuestion
    chosen: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class QuizView:
    """A quiz as a page renders it: the answer-free questions, and after a self-check the
    reader's own answers and total score (never which answers were right)."""

    id: str
    quiz: PublicQuiz
    items: tuple[AnsweredQuestion, ...]
    score: Score | None = None
    pass_mark: object = None

    @property
    def passed(self) -> bool | None:
        if self.score is None or self.pass_mark is None:
            return None
        return self.score.passed(self.pass_mark)


def quiz_seed(request, quiz_id: str) -> str:
    """The same question order for the same reader and quiz, every time they open it."""
    user = getattr(request, "user", None)
    who = user.pk if user is not None and user.is_authenticated else "anonymous"
    return f"{quiz_id}:{who}"


def quiz_view(quiz, *, request, answers=None, score=None, pass_mark=None) -> QuizView:
    public = quiz_public(quiz, seed=quiz_seed(request, quiz.id))
    answers = answers or {}
    items = []
    for question in public.questions:
        given = answers.get(question.id, "")
        if isinstance(given, list | tuple):
            items.append(AnsweredQuestion(question=question, chosen=tuple(given)))
        elif question.choices or question.kind == "true_false":
            items.append(AnsweredQuestion(question=question, chosen=(given,) if given else ()))
        else:
            items.append(AnsweredQuestion(question=question, text=given))
    return QuizView(id=quiz.id, quiz=public, items=tuple(items), score=score, pass_mark=pass_mark)


@dataclass(frozen=True)
class Section:
    block: object
    quiz: QuizView | None = None


def lesson_detail(*, lesson: LessonPage, request) -> dict:
    module = lesson.module
    siblings = list(module.lessons().only("id", "title", "path", "url_path")) if module else []
    position = next((i for i, item in enumerate(siblings) if item.pk == lesson.pk), None)
    context = {
        "module": module,
        "action": lesson.get_url(request),
        "sections": [
            Section(block=block, quiz=quiz_view(block, request=request))
            if block.block_type == "quiz"
            else Section(block=block)
            for block in lesson.body
        ],
        "lesson_number": position + 1 if position is not None else None,
        "lesson_total": len(siblings),
        "previous_lesson": siblings[position - 1] if position else None,
        "next_lesson": (
            siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None
        ),
    }
    context.update(_hook_context(LESSON_CONTEXT, request, lesson=lesson))
    return context
