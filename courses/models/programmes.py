"""Regular-training programmes: ProgrammeIndexPage → ProgrammePage (one school year's
"Chương trình 01/02/03" or a local programme) → ModulePage → LessonPage.

For training (enrolments, lesson views, attempts, completions), the names to use are:

- ModulePage.code, .hours (tiết), .pass_mark (10-point scale, default 5.0), .attempt_limit
  (None: unlimited), .deadline, .programme (the parent ProgrammePage: .kind, .school_year),
  .lessons() (the live lessons, in order), .final_quiz() (the final assessment's quiz block,
  or None when the module has none);
- the completion rule: every lesson in .lessons() viewed and, when .final_quiz() is not None,
  courses.quiz.quiz_score(module.final_quiz(), answers).passed(module.pass_mark);
- hooks (courses.hooks) to show progress and to take over quiz submissions; Wagtail's own
  `before_serve_page` hook sees every lesson a person opens.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import AssessmentBlock, LessonBlock
from courses.choices import AudiencePosition, Delivery, ProgrammeKind
from courses.forms import ModulePageForm
from courses.school_year import validate_school_year
from courses.search import FoldedSearchMixin, folded_search_field

DEFAULT_PASS_MARK = Decimal("5.0")


class ProgrammeIndexPage(FoldedSearchMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [folded_search_field()]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["courses.ProgrammePage"]
    template = "courses/programme_index_page.html"

    class Meta:
        verbose_name = _("training programmes")
        verbose_name_plural = _("training programme indexes")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import ModuleFilters, module_browse

        context = super().get_context(request, *args, **kwargs)
        filters = ModuleFilters.from_query(request.GET)
        context["browse"] = module_browse(index=self, filters=filters)
        return context


class ProgrammePage(FoldedSearchMixin, Page):
    kind = models.CharField(_("programme"), max_length=8, choices=ProgrammeKind.choices)
    school_year = models.CharField(
        _("school year"),
        max_length=9,
        validators=[validate_school_year],
        help_text=_("For example 2026-2027."),
        db_index=True,
    )
    target_hours = models.PositiveSmallIntegerField(
        _("target hours (tiết)"), default=40, help_text=_("Lesson periods a teacher should reach.")
    )
    issued_by = models.CharField(
        _("set by"), max_length=255, blank=True, help_text=_("e.g. Bộ GD&ĐT, Sở GD&ĐT Lai Châu")
    )
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("school_year"), FieldPanel("target_hours")]),
        FieldPanel("issued_by"),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("kind"),
        index.FilterField("school_year"),
        folded_search_field(),
    ]
    parent_page_types = ["courses.ProgrammeIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/programme_page.html"

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import modules_of

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = modules_of(programme=self)
        context["total_hours"] = sum(module.hours for module in context["modules"])
        return context


class ModulePage(FoldedSearchMixin, RoutablePageMixin, Page):
    code = models.CharField(_("code"), max_length=32, help_text=_("e.g. GVPT 05"))
    summary = models.TextField(_("summary"), blank=True)
    hours = models.PositiveSmallIntegerField(_("hours (tiết)"))
    levels = ParentalManyToManyField(
        "courses.SchoolLevel", blank=True, related_name="modules", verbose_name=_("school levels")
    )
    positions = models.JSONField(_("positions"), default=list, blank=True)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)
    criteria = ParentalManyToManyField(
        "courses.Criterion",
        blank=True,
        related_name="modules",
        verbose_name=_("criteria served"),
    )
    objectives = RichTextField(_("objectives"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    pass_mark = models.DecimalField(
        _("pass mark"),
        max_digits=4,
        decimal_places=2,
        default=DEFAULT_PASS_MARK,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(10))],
        help_text=_("On the 10-point scale."),
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    assessment = StreamField(AssessmentBlock(), verbose_name=_("final assessment"), blank=True)

    base_form_class = ModulePageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("hours"), FieldPanel("delivery")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("positions"),
            ],
            heading=_("Audience"),
        ),
        FieldPanel("criteria"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("deadline"), FieldPanel("pass_mark"), FieldPanel("attempt_limit")]
                ),
                FieldPanel("assessment"),
            ],
            heading=_("Completion"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("delivery"),
        folded_search_field(),
    ]
    parent_page_types = ["courses.ProgrammePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [
            models.CheckConstraint(condition=Q(hours__gte=1), name="module_hours_positive"),
            models.CheckConstraint(
                condition=Q(pass_mark__gte=0, pass_mark__lte=10), name="module_pass_mark_range"
            ),
            models.CheckConstraint(
                condition=Q(attempt_limit__isnull=True) | Q(attempt_limit__gte=1),
                name="module_attempt_limit_positive",
            ),
        ]

    @cached_property
    def programme(self) -> "ProgrammePage | None":
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def school_year(self) -> str:
        return self.programme.school_year if self.programme else ""

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def final_quiz(self):
        """The final assessment's quiz (a StreamField child with `.id` and `.value`), or None."""
        for block in self.assessment:
            if block.block_type == "quiz":
                return block
        return None

    @property
    def has_final_assessment(self) -> bool:
        return self.final_quiz() is not None

    def get_positions_display(self) -> list[str]:
        labels = dict(AudiencePosition.choices)
        return [str(labels[value]) for value in self.positions if value in labels]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import module_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(module_detail(module=self, request=request))
        return context

    @path("kiem-tra/", name="assessment")
    def assessment_view(self, request):
        from courses.selectors import quiz_view
        from courses.views import quiz_page_response

        quiz = self.final_quiz()
        if quiz is None:
            raise Http404
        context = self.get_context(request)
        context["assessment"] = quiz_view(quiz, request=request, pass_mark=self.pass_mark)
        context["action"] = self.get_url(request) + self.reverse_subpage("assessment")
        context["crumbs"] = [*self.get_ancestors()[1:], self]
        return quiz_page_response(
            request,
            page=self,
            quizzes={quiz.id: quiz},
            template="courses/module_assessment.html",
            context=context,
        )


class LessonPage(FoldedSearchMixin, Page):
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(LessonBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        folded_search_field(),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_property
    def module(self) -> ModulePage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def quizzes(self) -> dict:
        return {block.id: block for block in self.body if block.block_type == "quiz"}

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_detail(lesson=self, request=request))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from courses.views import quiz_page_response

            return quiz_page_response(
                request,
                page=self,
                quizzes=self.quizzes(),
                template=self.get_template(request),
                context=self.get_context(request),
            )
        if request.method not in ("GET", "HEAD"):
            return HttpResponseBadRequest()
        return super().serve(request, *args, **kwargs)
