"""People and the organisation tree: units, accounts and staff profiles."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from courses.text import fold, name_sort_key, nfc


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("Provincial department of education (Sở GD&ĐT)")
    COMMUNE = "commune", _("Commune People's Committee (UBND xã)")
    OFFICE = "office", _("Education office")
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
    PRIMARY_LOWER_SECONDARY = "primary_lower_secondary", _("Primary and lower secondary school")
    ETHNIC_BOARDING = "ethnic_boarding", _("Ethnic semi-boarding school (PTDTBT)")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
    CONTINUING_EDUCATION = "continuing_education", _("Continuing education centre")
    OTHER = "other", _("Other")


SCHOOL_KINDS = frozenset(
    {
        UnitKind.PRESCHOOL,
        UnitKind.PRIMARY,
        UnitKind.LOWER_SECONDARY,
        UnitKind.PRIMARY_LOWER_SECONDARY,
        UnitKind.ETHNIC_BOARDING,
        UnitKind.UPPER_SECONDARY,
        UnitKind.CONTINUING_EDUCATION,
    }
)


class Unit(MP_Node):
    """A node of the organisation tree: a department, a commune, a school, or any other shape.

    Materialised paths make "every unit below this one" a single indexed prefix query."""

    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(_("code"), max_length=32, unique=True)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind in SCHOOL_KINDS

    def refresh_derived(self) -> None:
        """Store the name in NFC and its search key beside it (also for bulk_create)."""
        self.name = nfc(self.name)
        self.name_folded = fold(self.name)

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)


class StaffUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person who logs in. `username` is the staff code; e-mail is optional but unique.

    Vietnamese names are written family - middle - given: `last_name` holds the family name
    (họ) and `first_name` the middle and given names (tên đệm và tên)."""

    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")
    name_sort = models.CharField(max_length=255, editable=False, db_index=True, default="")
    must_change_password = models.BooleanField(_("must change password"), default=False)
    #: The address the person proved they read, by the signed link mailed to it. `email` is
    #: confirmed only while it is this address: whoever changes `email` (an import, a manager,
    #: the person) leaves it unconfirmed until the person confirms again. Password resets go
    #: only to a confirmed address (training.selectors.password_reset_recipients).
    confirmed_email = models.EmailField(_("confirmed e-mail"), blank=True, editable=False)

    objects = StaffUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="user_email_ci_unique"
            ),
        ]

    def __str__(self):
        return self.full_name or self.username

    @property
    def full_name(self) -> str:
        return nfc(f"{self.last_name} {self.first_name}")

    @property
    def email_confirmed(self) -> bool:
        return bool(self.email) and self.email.lower() == self.confirmed_email.lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.rsplit(" ", 1)[-1] if self.full_name else self.username

    def refresh_derived(self) -> None:
        """Names arrive in NFC or NFD: store NFC, with the search and sort keys beside them.
        Called by save(); code that uses bulk_create calls it itself."""
        self.first_name, self.last_name = nfc(self.first_name), nfc(self.last_name)
        self.email = nfc(self.email).lower()
        self.confirmed_email = nfc(self.confirmed_email).lower()
        self.name_folded = fold(self.full_name)
        self.name_sort = name_sort_key(self.full_name)

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Position(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    PRINCIPAL = "principal", _("Principal")
    VICE_PRINCIPAL = "vice_principal", _("Vice-principal")
    OFFICE_HEAD = "office_head", _("Head of office")
    OFFICE_DEPUTY = "office_deputy", _("Deputy head of office")
    OFFICE_SPECIALIST = "office_specialist", _("Office specialist")
    STAFF = "staff", _("Other staff")


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "primary", _("Primary")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary")
    CONTINUING = "continuing", _("Continuing education")


class EmploymentStatus(models.TextChoices):
    PERMANENT = "permanent", _("Permanent (biên chế)")
    CONTRACT = "contract", _("Contract")
    PROBATION = "probation", _("Probation")
    LEAVE = "leave", _("On leave")
    RETIRED = "retired", _("Retired")


class StaffProfile(models.Model):
    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="staff", verbose_name=_("unit")
    )
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    position = models.CharField(
        _("position"), max_length=32, choices=Position.choices, default=Position.TEACHER
    )
    school_level = models.CharField(
        _("school level"), max_length=32, choices=SchoolLevel.choices, blank=True
    )
    subjects = models.CharField(_("subjects"), max_length=255, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=64, blank=True)
    employment_status = models.CharField(
        _("employment status"),
        max_length=32,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.PERMANENT,
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        indexes = [models.Index(fields=["unit", "position"])]

    def __str__(self):
        return str(self.user)
