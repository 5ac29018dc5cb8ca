"""Training records: the yearly target and plan, enrolments, lesson views, quiz attempts,
completions, face-to-face (and other external) training with its evidence, year closures, and
the one summary row per (person, school year) that reports read.

Rows here change only through training.services; the database refuses what must never happen
(a second completion of one enrolment, a score off the 10-point scale, 0 or 500 tiết in one
record, an end date before the start date)."""

import secrets
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.choices import ProgrammeKind
from courses.school_year import validate_school_year
from training.private_files import private_storage

#: The largest number of tiết one face-to-face record may claim.
MAX_RECORD_HOURS = 200
SCORE_MAX = Decimal(10)


class Programme(models.TextChoices):
    """Where hours count. Courses' "local" programmes are outside the three BDTX programmes:
    their hours are shown as "other" and never count toward the yearly target."""

    P01 = "01", _("Programme 01")
    P02 = "02", _("Programme 02")
    P03 = "03", _("Programme 03")
    OTHER = "other", _("Other training")

    @classmethod
    def of_kind(cls, kind: str) -> "Programme":
        return {
            ProgrammeKind.PROGRAMME_01: cls.P01,
            ProgrammeKind.PROGRAMME_02: cls.P02,
            ProgrammeKind.PROGRAMME_03: cls.P03,
        }.get(kind, cls.OTHER)


class Audience(models.TextChoices):
    TEACHER = "teacher", _("Teachers")
    SCHOOL_MANAGER = "school_manager", _("School managers")


def _score_range(field: str, name: str, *, nullable: bool = True) -> models.CheckConstraint:
    condition = Q(**{f"{field}__gte": 0, f"{field}__lte": SCORE_MAX})
    if nullable:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=condition, name=name)


def _score_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=4, decimal_places=2, **kwargs)


# The yearly target ----------------------------------------------------------------------------


class YearTarget(models.Model):
    """The target of one school year for one audience. Without a row the defaults apply
    (training.rules.DEFAULT_TARGET: 40 + 40 + 40 tiết, plans due 31 May)."""

    school_year = models.CharField(
        _("school year"), max_length=9, validators=[validate_school_year]
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    hours_01 = models.PositiveSmallIntegerField(_("Programme 01 (tiết)"), default=40)
    hours_02 = models.PositiveSmallIntegerField(_("Programme 02 (tiết)"), default=40)
    hours_03 = models.PositiveSmallIntegerField(_("Programme 03 (tiết)"), default=40)
    plan_deadline = models.DateField(
        _("plan deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty for 31 May of the school year."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["-school_year", "audience"]
        constraints = [
            models.UniqueConstraint(fields=["school_year", "audience"], name="year_target_unique"),
            models.CheckConstraint(
                condition=Q(hours_01__lte=500, hours_02__lte=500, hours_03__lte=500),
                name="year_target_hours_sane",
            ),
        ]

    def __str__(self):
        return f"{self.school_year} · {self.get_audience_display()}"


# Enrolment and study --------------------------------------------------------------------------


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Self-enrolled")
    PLAN = "plan", _("Chosen in the plan")
    ASSIGNED = "assigned", _("Assigned")


class Assignment(models.Model):
    """One act of assigning a module to units and people, kept as it was done."""

    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("module"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    units = models.ManyToManyField(
        "training.Unit", blank=True, related_name="+", verbose_name=_("units")
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("people")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    enrolled = models.PositiveIntegerField(_("people enrolled"), default=0)
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.module} · {timezone.localtime(self.created_at):%d/%m/%Y}"


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("module"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    programme = models.CharField(_("programme"), max_length=8, choices=Programme.choices)
    source = models.CharField(_("source"), max_length=16, choices=EnrolmentSource.choices)
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("assignment"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last lesson opened"),
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        permissions = [("assign_module", _("Can assign modules to units and people"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="enrolment_unique"),
        ]
        indexes = [models.Index(fields=["user", "school_year"])]

    def __str__(self):
        return f"{self.user} · {self.module}"


class LessonView(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_views")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    first_viewed_at = models.DateTimeField(default=timezone.now)
    last_viewed_at = models.DateTimeField(default=timezone.now)
    view_count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("lesson view")
        verbose_name_plural = _("lesson views")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_view_unique"),
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.lesson_id}"


class Attempt(models.Model):
    """One submission of a module's final assessment, scored on the server."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt"))
    quiz_id = models.CharField(max_length=64)
    answers = models.JSONField(default=dict)
    score = _score_field(_("score"))
    pass_mark = _score_field(_("pass mark"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["enrolment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "number"], name="attempt_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_positive"),
            _score_range("score", "attempt_score_range", nullable=False),
            _score_range("pass_mark", "attempt_pass_mark_range", nullable=False),
        ]

    def __str__(self):
        return f"{self.enrolment} · #{self.number}: {self.score}"


class Completion(models.Model):
    """A module completed, with a snapshot of what it was judged by: editing the module later
    changes nothing here."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT, related_name="completion")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("person"),
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="completions",
        verbose_name=_("module"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    programme = models.CharField(_("programme"), max_length=8, choices=Programme.choices)
    module_code = models.CharField(_("module code"), max_length=32)
    module_title = models.CharField(_("module title"), max_length=255)
    module_revision_id = models.PositiveBigIntegerField(_("module revision"), null=True)
    hours = models.PositiveSmallIntegerField(_("hours credited (tiết)"))
    pass_mark = _score_field(_("pass mark"), null=True, blank=True)
    score = _score_field(_("score"), null=True, blank=True)
    attempt = models.ForeignKey(
        Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    criteria = models.ManyToManyField(
        "courses.Criterion", blank=True, related_name="+", verbose_name=_("criteria served")
    )
    completed_at = models.DateTimeField(_("completed at"))
    completed_on = models.DateField(_("completed on (local date)"))

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        ordering = ["-completed_at"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gte=1), name="completion_hours_positive"),
            _score_range("score", "completion_score_range"),
            _score_range("pass_mark", "completion_pass_mark_range"),
        ]
        indexes = [models.Index(fields=["user", "school_year"])]

    def __str__(self):
        return f"{self.user} · {self.module_code} {self.module_title}"


# The plan -------------------------------------------------------------------------------------


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, waiting for approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for revision")


class TrainingPlan(models.Model):
    """A person's BDTX plan for one school year (kế hoạch BDTX cá nhân)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_plans",
        verbose_name=_("person"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    comment = models.TextField(_("manager's comment"), blank=True)
    reopened_until = models.DateField(
        _("reopened until"),
        null=True,
        blank=True,
        help_text=_("A manager may allow a submission after the deadline, until this day."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        permissions = [("review_trainingplan", _("Can approve or return training plans"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "school_year"], name="plan_unique"),
        ]

    def __str__(self):
        return _("Plan %(year)s · %(person)s") % {"year": self.school_year, "person": self.user}

    @property
    def is_editable(self) -> bool:
        return self.status in (PlanStatus.DRAFT, PlanStatus.RETURNED)


class PlanItem(models.Model):
    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="items")
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.PROTECT, related_name="+", verbose_name=_("module")
    )
    programme = models.CharField(_("programme"), max_length=8, choices=Programme.choices)
    hours = models.PositiveSmallIntegerField(_("hours (tiết)"))
    assigned = models.BooleanField(_("assigned"), default=False)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["programme", "module__path"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "module"], name="plan_item_unique"),
        ]

    def __str__(self):
        return f"{self.plan} · {self.module}"


class PlanAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for revision")
    REOPENED = "reopened", _("Reopened after the deadline")


class PlanEvent(models.Model):
    """The plan's history: every submission and decision, with the modules as they were."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=PlanAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    modules = models.JSONField(_("modules"), default=list)

    class Meta:
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.plan} · {self.get_action_display()}"


# Face-to-face and external training -----------------------------------------------------------


class RecordStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class TrainingRecord(models.Model):
    """A training a person attended outside the platform (face-to-face, a course elsewhere).
    Its hours count once a manager approves it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_records",
        verbose_name=_("person"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    title = models.CharField(_("title"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    hours = models.PositiveSmallIntegerField(_("hours (tiết)"))
    programme = models.CharField(_("programme"), max_length=8, choices=Programme.choices)
    score = _score_field(
        _("score"), null=True, blank=True, help_text=_("On the 10-point scale, if one was given.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RecordStatus.choices, default=RecordStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("reason or comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("face-to-face training record")
        verbose_name_plural = _("face-to-face training records")
        ordering = ["-start_date", "-pk"]
        permissions = [
            ("review_trainingrecord", _("Can approve or reject face-to-face training records"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=1, hours__lte=MAX_RECORD_HOURS),
                name="record_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="record_dates_ordered"
            ),
            _score_range("score", "record_score_range"),
        ]
        indexes = [
            models.Index(fields=["user", "school_year"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    def __str__(self):
        return f"{self.title} · {self.user}"


def evidence_storage():
    """Named by migration 0002; evidence now lives in training.private_files.private_storage."""
    return private_storage()


#: The private storage's folder of evidence files.
EVIDENCE_FOLDER = "training-evidence"


def evidence_path(instance, filename: str) -> str:
    """A path nobody can guess, keeping only the (already checked) extension."""
    token = secrets.token_hex(16)
    return f"{EVIDENCE_FOLDER}/{token[:2]}/{token}{PurePath(filename).suffix.lower()}"


class EvidenceFile(models.Model):
    """A file a face-to-face record carries, in the private storage: no address serves it; the
    app hands it to the record's owner and the managers in reach (training.views.evidence)."""

    record = models.ForeignKey(TrainingRecord, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("file"), upload_to=evidence_path, storage=private_storage, max_length=255
    )
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


# Closing a year and the summary ---------------------------------------------------------------


class YearClosure(models.Model):
    """A school year closed for a unit and everything below it: from then on, whoever has not
    completed their plan is "not completed", and nothing more counts toward that year."""

    unit = models.ForeignKey(
        "training.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    school_year = models.CharField(_("school year"), max_length=9)
    closed_at = models.DateTimeField(_("closed at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    class Meta:
        verbose_name = _("school year closure")
        verbose_name_plural = _("school year closures")
        ordering = ["-closed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "school_year"],
                condition=Q(reopened_at__isnull=True),
                name="year_closure_one_open",
            ),
        ]

    def __str__(self):
        return f"{self.school_year} · {self.unit}"


class YearStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed the training plan")
    NOT_COMPLETED = "not_completed", _("Not completed")


class YearSummary(models.Model):
    """One row per (person, school year), kept current by the services in the same transaction
    as every change it depends on; `manage.py recompute_summaries` rebuilds it from the records
    and gives the same rows. Reports read this, never the raw records."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="year_summaries",
        verbose_name=_("person"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    unit = models.ForeignKey(
        "training.Unit",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    hours_01 = models.PositiveIntegerField(_("Programme 01 (tiết)"), default=0)
    hours_02 = models.PositiveIntegerField(_("Programme 02 (tiết)"), default=0)
    hours_03 = models.PositiveIntegerField(_("Programme 03 (tiết)"), default=0)
    hours_other = models.PositiveIntegerField(_("other training (tiết)"), default=0)
    target_01 = models.PositiveSmallIntegerField(_("target 01"), default=40)
    target_02 = models.PositiveSmallIntegerField(_("target 02"), default=40)
    target_03 = models.PositiveSmallIntegerField(_("target 03"), default=40)
    modules_completed = models.PositiveIntegerField(_("modules completed"), default=0)
    records_approved = models.PositiveIntegerField(_("records approved"), default=0)
    records_pending = models.PositiveIntegerField(_("records waiting"), default=0)
    records_rejected = models.PositiveIntegerField(_("records rejected"), default=0)
    score_count = models.PositiveIntegerField(_("component scores"), default=0)
    score_min = _score_field(_("lowest score"), null=True, blank=True)
    score_average = _score_field(_("average score"), null=True, blank=True)
    plan_status = models.CharField(_("plan"), max_length=16, choices=PlanStatus.choices, blank=True)
    required_modules = models.PositiveIntegerField(_("modules in the plan"), default=0)
    required_completed = models.PositiveIntegerField(_("plan modules completed"), default=0)
    closed = models.BooleanField(_("year closed"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=YearStatus.choices, default=YearStatus.IN_PROGRESS
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    #: The columns a recount sets (everything but the key and the timestamp).
    FIGURES = (
        "unit_id",
        "audience",
        "hours_01",
        "hours_02",
        "hours_03",
        "hours_other",
        "target_01",
        "target_02",
        "target_03",
        "modules_completed",
        "records_approved",
        "records_pending",
        "records_rejected",
        "score_count",
        "score_min",
        "score_average",
        "plan_status",
        "required_modules",
        "required_completed",
        "closed",
        "status",
    )

    class Meta:
        verbose_name = _("year summary")
        verbose_name_plural = _("year summaries")
        ordering = ["-school_year"]
        permissions = [("close_schoolyear", _("Can close and reopen a school year"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "school_year"], name="year_summary_unique"),
            _score_range("score_min", "summary_score_min_range"),
            _score_range("score_average", "summary_score_average_range"),
            models.CheckConstraint(
                condition=Q(status__in=YearStatus.values), name="summary_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(required_completed__lte=F("required_modules")),
                name="summary_required_completed_le_required",
            ),
        ]
        indexes = [
            models.Index(fields=["school_year", "status"]),
            models.Index(fields=["unit", "school_year"]),
        ]

    def __str__(self):
        return f"{self.user} · {self.school_year}"

    @property
    def hours_total(self) -> int:
        """Hours toward the target (other training is shown apart and never counts)."""
        return self.hours_01 + self.hours_02 + self.hours_03

    @property
    def target_total(self) -> int:
        return self.target_01 + self.target_02 + self.target_03
