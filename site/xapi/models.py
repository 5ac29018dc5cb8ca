from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """What the platform did with a statement."""

    LESSON_STUDIED = "lesson_studied", _("The lesson is recorded as studied.")
    MODULE_COMPLETED = "module_completed", _("The module is completed.")
    NOT_RECORDED = (
        "not_recorded",
        _(
            "Nothing was recorded: the module is not open for study, the school year is closed, or "
            "your account has no staff profile."
        ),
    )
    RULE_NOT_MET = (
        "rule_not_met",
        _("The module is not completed yet: every lesson must be studied first."),
    )
    BELOW_PASS_MARK = (
        "below_pass_mark",
        _("The score is below the module's pass mark: the module is not completed."),
    )
    FAILED = "failed", _("Stored: a failed result changes nothing on the platform.")
    SCORE_RECORDED = (
        "score_recorded",
        _(
            "The score is recorded as a passed attempt at the module; the module is completed "
            "once every lesson is studied."
        ),
    )
    SCORE_BELOW_PASS_MARK = (
        "score_below_pass_mark",
        _(
            "The score is recorded as an attempt below the module's pass mark: the module is not "
            "completed until a passing score is reported."
        ),
    )
    ATTEMPT_LIMIT = (
        "attempt_limit",
        _("Stored, not counted: all the attempts this module allows have been used."),
    )
    ALREADY_COMPLETED = (
        "already_completed",
        _("Stored, not counted: the module is already completed, and a new score changes nothing."),
    )
    ASSESSED_ON_PLATFORM = (
        "assessed_on_platform",
        _(
            "Stored and ignored: this module has its own final assessment, scored on the platform; "
            "scores from other content do not replace it."
        ),
    )
    UNKNOWN_ACTIVITY = (
        "unknown_activity",
        _("Stored and ignored: the activity is not one of our lessons or modules."),
    )
    UNKNOWN_VERB = (
        "unknown_verb",
        _("Stored and ignored: the platform does not act on this verb for this activity."),
    )
    VOIDED = (
        "voided",
        _(
            "The statement it names is voided. What it recorded on the platform stays: ask your "
            "manager if a record needs correcting."
        ),
    )
    VOID_TARGET_UNKNOWN = (
        "void_target_unknown",
        _("Stored and ignored: none of your statements has the id this one voids."),
    )
    ALREADY_STORED = (
        "already_stored",
        _("This statement was already stored: nothing was done again."),
    )


class Statement(models.Model):
    """One xAPI statement, as stored (immutable), with what the platform did with it."""

    statement_id = models.UUIDField(_("statement id"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
        verbose_name=_("person"),
    )
    verb = models.CharField(_("verb"), max_length=2048)
    activity = models.CharField(_("activity"), max_length=2048, blank=True)
    data = models.JSONField(_("statement"))
    stored = models.DateTimeField(_("stored at"), default=timezone.now)
    voided = models.BooleanField(_("voided"), default=False)
    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-stored", "-pk"]
        indexes = [models.Index(fields=["user", "stored"])]

    def __str__(self):
        return f"{self.statement_id} · {self.verb}"
