"""Input and output serializers of the training API. Inputs check shapes and resolve ids to
objects within reach; every rule (deadlines, limits, who may approve what) is the services'."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.school_year import SCHOOL_YEAR_PATTERN
from training.models import (
    Attempt,
    Completion,
    Enrolment,
    EvidenceFile,
    LessonView,
    PlanEvent,
    PlanItem,
    Programme,
    SchoolLevel,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    Unit,
    User,
    YearStatus,
    YearSummary,
)
from training.review_selectors import plan_version, record_version
from training.selectors import TRAINEE_POSITIONS

#: The largest id a database key holds (a 64-bit signed integer).
MAX_ID = 2**63 - 1

ERROR_SCHOOL_YEAR = _(
    "Write the school year as two consecutive years joined by a hyphen, such as “2026-2027”."
)
ERROR_NO_MODULE = _("No published module has the id %(id)s.")
ERROR_NO_LESSON = _("No published lesson has the id %(id)s.")
ERROR_NO_UNIT = _("No unit within your reach has the id %(id)s.")
ERROR_NO_PERSON = _("Nobody within your reach has the id %(id)s.")
ERROR_NUL = _("The text must not contain the NUL character.")
ERROR_UNKNOWN_UNIT = _("No unit has the id %(id)s.")
ERROR_UNKNOWN_PERSON = _("Nobody has the id %(id)s.")


class SchoolYearField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 9)
        kwargs.setdefault("help_text", "e.g. 2026-2027")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        match = SCHOOL_YEAR_PATTERN.match(value)
        if not match or int(match[2]) != int(match[1]) + 1:
            raise serializers.ValidationError(ERROR_SCHOOL_YEAR)
        return value


class ObjectIdField(serializers.IntegerField):
    """An id resolved to an object of a queryset given by the view (`context[name]`), so that
    an id outside it is refused like an unknown one."""

    def __init__(self, *, queryset_key: str, error, **kwargs):
        self.queryset_key, self.error = queryset_key, error
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)
        # The range is checked on the number, before it becomes an object.
        self.validators = []

    def to_internal_value(self, data):
        pk = super().to_internal_value(data)
        if not 1 <= pk <= MAX_ID:
            raise serializers.ValidationError(self.error % {"id": pk})
        found = self.context[self.queryset_key].filter(pk=pk).first()
        if found is None:
            raise serializers.ValidationError(self.error % {"id": pk})
        return found

    def to_representation(self, value):
        return value.pk if hasattr(value, "pk") else value


# People and units -------------------------------------------------------------------------------


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()
    is_school = serializers.BooleanField(read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "kind", "parent", "depth", "is_school"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_parent(self, unit) -> int | None:
        parents = self.context.get("parents")
        if parents is not None:
            return parents.get(unit.path[: -Unit.steplen])
        parent = unit.get_parent()
        return parent.pk if parent else None


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "kind"]


class PersonRefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="full_name")
    staff_code = serializers.CharField(source="username")

    class Meta:
        model = User
        fields = ["id", "staff_code", "name"]


class StaffSerializer(serializers.ModelSerializer):
    staff_code = serializers.CharField(source="username")
    email = serializers.CharField()
    name = serializers.CharField(source="full_name")
    unit = serializers.SerializerMethodField()
    position = serializers.SerializerMethodField()
    school_level = serializers.SerializerMethodField()
    subjects = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "staff_code",
            "name",
            "email",
            "unit",
            "position",
            "school_level",
            "subjects",
            "is_active",
        ]

    def _profile(self, user) -> StaffProfile | None:
        return getattr(user, "profile", None)

    @extend_schema_field(UnitRefSerializer(allow_null=True))
    def get_unit(self, user):
        profile = self._profile(user)
        return UnitRefSerializer(profile.unit).data if profile else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_position(self, user) -> str:
        profile = self._profile(user)
        return profile.position if profile else ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_school_level(self, user) -> str:
        profile = self._profile(user)
        return profile.school_level if profile else ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_subjects(self, user) -> str:
        profile = self._profile(user)
        return profile.subjects if profile else ""


# Enrolments, progress, attempts -----------------------------------------------------------------


class ModuleRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    hours = serializers.IntegerField()


class CompletionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Completion
        fields = ["id", "completed_at", "completed_on", "hours", "score", "pass_mark", "programme"]


def completion_of(enrolment) -> Completion | None:
    try:
        return enrolment.completion
    except Completion.DoesNotExist:
        return None


class EnrolmentSerializer(serializers.ModelSerializer):
    module = ModuleRefSerializer()
    last_lesson = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    completed = serializers.SerializerMethodField()
    completion = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "module",
            "school_year",
            "programme",
            "source",
            "deadline",
            "enrolled_at",
            "last_lesson",
            "last_activity_at",
            "completed",
            "completion",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_completed(self, enrolment) -> bool:
        return completion_of(enrolment) is not None

    @extend_schema_field(CompletionSerializer(allow_null=True))
    def get_completion(self, enrolment):
        completion = completion_of(enrolment)
        return CompletionSerializer(completion).data if completion else None


class ProgressSerializer(serializers.Serializer):
    lessons_total = serializers.IntegerField()
    lessons_viewed = serializers.IntegerField()
    has_assessment = serializers.BooleanField()
    attempts_used = serializers.IntegerField()
    attempts_left = serializers.IntegerField(allow_null=True)
    percent = serializers.IntegerField()


class EnrolmentDetailSerializer(EnrolmentSerializer):
    progress = serializers.SerializerMethodField()

    class Meta(EnrolmentSerializer.Meta):
        fields = [*EnrolmentSerializer.Meta.fields, "progress"]

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, enrolment):
        progress = self.context["progress"]
        rule = progress.rule
        return {
            "lessons_total": rule.lessons_total,
            "lessons_viewed": rule.lessons_viewed,
            "has_assessment": rule.has_assessment,
            "attempts_used": rule.attempts_used,
            "attempts_left": progress.attempts_left,
            "percent": progress.percent,
        }


class EnrolmentCreateInput(serializers.Serializer):
    module = ObjectIdField(queryset_key="modules", error=ERROR_NO_MODULE)


class AssignInput(serializers.Serializer):
    module = ObjectIdField(queryset_key="modules", error=ERROR_NO_MODULE)
    units = serializers.ListField(
        child=ObjectIdField(queryset_key="units", error=ERROR_UNKNOWN_UNIT),
        required=False,
        default=list,
        max_length=500,
    )
    people = serializers.ListField(
        child=ObjectIdField(queryset_key="people", error=ERROR_UNKNOWN_PERSON),
        required=False,
        default=list,
        max_length=5000,
    )
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class AssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    module = serializers.IntegerField(source="module_id")
    units = serializers.SerializerMethodField()
    people = serializers.SerializerMethodField()
    deadline = serializers.DateField(allow_null=True)
    note = serializers.CharField()
    enrolled = serializers.IntegerField(help_text="People enrolled by this assignment.")
    created_at = serializers.DateTimeField()

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_units(self, assignment):
        return sorted(assignment.units.values_list("pk", flat=True))

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_people(self, assignment):
        return sorted(assignment.people.values_list("pk", flat=True))


class LessonViewSerializer(serializers.ModelSerializer):
    module = serializers.IntegerField(source="enrolment.module_id")

    class Meta:
        model = LessonView
        fields = [
            "id",
            "lesson",
            "module",
            "enrolment",
            "first_viewed_at",
            "last_viewed_at",
            "view_count",
        ]


class ProgressInput(serializers.Serializer):
    lesson = ObjectIdField(queryset_key="lessons", error=ERROR_NO_LESSON)


class ProgressResultSerializer(LessonViewSerializer):
    module_completed = serializers.SerializerMethodField()
    completion = serializers.SerializerMethodField()

    class Meta(LessonViewSerializer.Meta):
        fields = [*LessonViewSerializer.Meta.fields, "module_completed", "completion"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_module_completed(self, view) -> bool:
        return completion_of(view.enrolment) is not None

    @extend_schema_field(CompletionSerializer(allow_null=True))
    def get_completion(self, view):
        completion = completion_of(view.enrolment)
        return CompletionSerializer(completion).data if completion else None


class AttemptSerializer(serializers.ModelSerializer):
    module = serializers.IntegerField(source="enrolment.module_id")

    class Meta:
        model = Attempt
        fields = ["id", "module", "number", "score", "pass_mark", "passed", "submitted_at"]


def contains_nul(value) -> bool:
    """Whether a JSON value holds the NUL character anywhere (no database stores it in text)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(item) for item in value)
    return False


class AttemptInput(serializers.Serializer):
    module = ObjectIdField(queryset_key="modules", error=ERROR_NO_MODULE)
    answers = serializers.DictField(
        help_text=(
            "Question id → answer: a choice id (single choice), a list of choice ids (multiple "
            "choice), true or false, or text (short answer). Ids come from the module's "
            "final_assessment."
        )
    )

    def validate_answers(self, answers):
        if contains_nul(answers):
            raise serializers.ValidationError(ERROR_NUL)
        return answers


class AttemptResultSerializer(AttemptSerializer):
    module_completed = serializers.BooleanField(
        help_text="Whether the module is completed now (by this attempt or before)."
    )
    completion = serializers.SerializerMethodField()

    class Meta(AttemptSerializer.Meta):
        fields = [*AttemptSerializer.Meta.fields, "module_completed", "completion"]

    @extend_schema_field(CompletionSerializer(allow_null=True))
    def get_completion(self, attempt):
        completion = getattr(attempt, "completion", None)
        return CompletionSerializer(completion).data if completion else None


# Face-to-face records ---------------------------------------------------------------------------


class EvidenceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceFile
        fields = ["id", "name", "size", "content_type", "uploaded_at", "url"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, evidence) -> str:
        return reverse(
            "api:training-record-evidence",
            kwargs={"pk": evidence.record_id, "evidence_id": evidence.pk},
        )


VERSION_HELP = (
    "The version shown (also the ETag of one): a manager's decision sends it back, quoted, in "
    "If-Match."
)


class TrainingRecordSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(source="user")
    unit = serializers.SerializerMethodField()
    decided_by = serializers.SerializerMethodField()
    evidence = EvidenceSerializer(many=True)
    version = serializers.SerializerMethodField(help_text=VERSION_HELP)

    class Meta:
        model = TrainingRecord
        fields = [
            "id",
            "person",
            "unit",
            "school_year",
            "title",
            "organiser",
            "start_date",
            "end_date",
            "hours",
            "programme",
            "score",
            "status",
            "submitted_at",
            "decided_at",
            "decided_by",
            "reason",
            "evidence",
            "version",
        ]

    @extend_schema_field(UnitRefSerializer(allow_null=True))
    def get_unit(self, record):
        profile = getattr(record.user, "profile", None)
        return UnitRefSerializer(profile.unit).data if profile else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_decided_by(self, record) -> str | None:
        return record.decided_by.full_name if record.decided_by else None

    def get_version(self, record) -> str:
        return record_version(record)


class TrainingRecordInput(serializers.Serializer):
    school_year = SchoolYearField()
    title = serializers.CharField(max_length=255)
    organiser = serializers.CharField(max_length=255)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    hours = serializers.IntegerField(min_value=1, max_value=32767)
    programme = serializers.ChoiceField(choices=Programme.choices)
    score = serializers.DecimalField(
        max_digits=4, decimal_places=2, required=False, allow_null=True, default=None
    )
    files = serializers.ListField(
        child=serializers.FileField(max_length=255, allow_empty_file=True),
        required=False,
        default=list,
        max_length=20,
        help_text="Evidence: PDF, JPG, PNG, DOCX or ODT (send as multipart/form-data).",
    )
    remove_files = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        default=list,
        max_length=20,
        help_text="Ids of evidence files to remove (when correcting a record).",
    )


class DecisionInput(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class RejectInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, max_length=2000)


# Plans ------------------------------------------------------------------------------------------


class PlanItemSerializer(serializers.ModelSerializer):
    module = ModuleRefSerializer()

    class Meta:
        model = PlanItem
        fields = ["module", "programme", "hours", "assigned"]


class PlanEventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    class Meta:
        model = PlanEvent
        fields = ["action", "actor", "at", "comment"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_actor(self, event) -> str | None:
        return event.actor.full_name if event.actor else None


class PlanSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(source="user")
    decided_by = serializers.SerializerMethodField()
    hours = serializers.SerializerMethodField()
    version = serializers.SerializerMethodField(help_text=VERSION_HELP)

    class Meta:
        model = TrainingPlan
        fields = [
            "id",
            "person",
            "school_year",
            "status",
            "hours",
            "submitted_at",
            "decided_at",
            "decided_by",
            "comment",
            "reopened_until",
            "created_at",
            "updated_at",
            "version",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_decided_by(self, plan) -> str | None:
        return plan.decided_by.full_name if plan.decided_by else None

    @extend_schema_field(OpenApiTypes.INT)
    def get_hours(self, plan) -> int:
        return sum(item.hours for item in plan.items.all())

    def get_version(self, plan) -> str:
        return plan_version(plan)


class PlanDetailSerializer(PlanSerializer):
    items = PlanItemSerializer(many=True)
    events = PlanEventSerializer(many=True)

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "items", "events"]


class PlanSaveInput(serializers.Serializer):
    school_year = SchoolYearField()
    modules = serializers.ListField(
        child=ObjectIdField(queryset_key="modules", error=ERROR_NO_MODULE),
        max_length=100,
        help_text="The Programme 03 modules you choose (ids from /plans/choices/).",
    )


class PlanChoicesQuery(serializers.Serializer):
    school_year = SchoolYearField(required=False)


class PlanModuleSerializer(ModuleRefSerializer):
    programme = serializers.CharField()


class TargetSerializer(serializers.Serializer):
    hours_01 = serializers.IntegerField()
    hours_02 = serializers.IntegerField()
    hours_03 = serializers.IntegerField()
    total = serializers.IntegerField()
    plan_deadline = serializers.DateField()


class PlanChoicesSerializer(serializers.Serializer):
    school_year = serializers.CharField()
    plan = serializers.IntegerField(allow_null=True, help_text="Your plan's id, if you have one.")
    status = serializers.CharField(allow_blank=True)
    target = TargetSerializer()
    deadline = serializers.DateField()
    editable = serializers.BooleanField()
    late = serializers.BooleanField()
    closed = serializers.BooleanField()
    assigned = PlanModuleSerializer(many=True, help_text="Programme 01/02 modules assigned to you.")
    choices = ModuleRefSerializer(many=True, help_text="Programme 03 modules you may choose.")
    chosen = serializers.ListField(child=serializers.IntegerField())


# Year summaries and the report ------------------------------------------------------------------


class YearSummarySerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(source="user")
    unit = UnitRefSerializer(allow_null=True)
    hours_total = serializers.IntegerField()
    target_total = serializers.IntegerField()

    class Meta:
        model = YearSummary
        fields = [
            "id",
            "person",
            "unit",
            "school_year",
            "audience",
            "status",
            "hours_01",
            "hours_02",
            "hours_03",
            "hours_other",
            "hours_total",
            "target_01",
            "target_02",
            "target_03",
            "target_total",
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
            "updated_at",
        ]


class CompletionRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer(allow_null=True)
    teachers = serializers.IntegerField(
        help_text="People who train (teachers, principals, vice-principals) in the unit and "
        "every unit below it."
    )
    completed = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    not_completed = serializers.IntegerField()
    rate = serializers.DecimalField(
        max_digits=4, decimal_places=1, help_text="Completed, in percent of the people counted."
    )


class CompletionReportSerializer(serializers.Serializer):
    school_year = serializers.CharField()
    unit = UnitRefSerializer(allow_null=True, help_text="The unit the report is about.")
    rows = CompletionRowSerializer(
        many=True,
        help_text="The unit itself when people are attached to it directly, then each unit "
        "directly below it: the rows of the admin's report “BDTX completion by unit”.",
    )
    total = CompletionRowSerializer()


class CompletionReportQuery(serializers.Serializer):
    school_year = SchoolYearField(required=False, help_text="Default: the current school year.")
    unit = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        help_text="Default: the highest unit within your reach.",
    )
    school_level = serializers.ChoiceField(choices=SchoolLevel.choices, required=False)
    position = serializers.ChoiceField(choices=list(TRAINEE_POSITIONS), required=False)
    status = serializers.ChoiceField(choices=YearStatus.choices, required=False)


# Managers' corrections --------------------------------------------------------------------------


class AmendInput(serializers.Serializer):
    hours = serializers.IntegerField(min_value=1, max_value=32767)
    programme = serializers.ChoiceField(choices=Programme.choices)
    reason = serializers.CharField(allow_blank=True, max_length=2000)


class PlanReopenInput(serializers.Serializer):
    until = serializers.DateField(help_text="The last day the person may revise and submit.")
    reason = serializers.CharField(allow_blank=True, max_length=2000)
