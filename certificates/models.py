"""Certificates: who issues them (a unit configured as issuer, with its signing keys), how they
look (templates), and what was issued (a frozen snapshot: printed data, PDF and credential).

Nothing here computes a rule: services decide, selectors read. The database holds the
invariants that must never break (one certificate per person and school year or module among
those not replaced; one serial number per issuer and year; one status-list bit per
certificate)."""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin

from courses.upload_checks import image_check
from training.private_files import private_storage

#: Placeholders a template text may use, with what each one prints.
PLACEHOLDERS = {
    "holder_name": _("the holder's full name"),
    "unit_name": _("the holder's unit (school)"),
    "school_year": _("the school year, e.g. 2025-2026"),
    "hours": _("the hours (tiết) completed"),
    "module_code": _("the module's code (module certificates)"),
    "module_title": _("the module's title (module certificates)"),
    "completed_on": _("the local date of completion, dd/mm/yyyy"),
}
PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")
ERROR_UNKNOWN_PLACEHOLDER = _(
    "“{%(name)s}” is not a placeholder this template can fill. Use one of: %(known)s."
)
ERROR_SERIAL_FORMAT = _("The serial format must contain “{number}”, e.g. “{number}/GCN-SGDĐT”.")


def validate_placeholders(text: str) -> None:
    for name in PLACEHOLDER_PATTERN.findall(text or ""):
        if name not in PLACEHOLDERS:
            raise ValidationError(
                ERROR_UNKNOWN_PLACEHOLDER,
                code="unknown_placeholder",
                params={"name": name, "known": ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)},
            )


def validate_serial_format(text: str) -> None:
    if "{number}" not in (text or ""):
        raise ValidationError(ERROR_SERIAL_FORMAT, code="serial_format")
    for name in PLACEHOLDER_PATTERN.findall(text):
        if name not in ("number", "year"):
            raise ValidationError(ERROR_SERIAL_FORMAT, code="serial_format")


class CertificateKind(models.TextChoices):
    YEAR = "year", _("Yearly regular-training certificate")
    MODULE = "module", _("Module certificate")


class Delegation(models.TextChoices):
    """How the signer signs for the head of the body (Nghị định 30/2020, Phụ lục I)."""

    NONE = "", _("None: the head of the body signs")
    KT = "KT.", _("KT. (a deputy signs for the head)")
    TM = "TM.", _("TM. (signed on behalf of a collective body)")
    TL = "TL.", _("TL. (signed by order of the head)")
    TUQ = "TUQ.", _("TUQ. (signed by authorisation)")


class Layout(models.TextChoices):
    OFFICIAL = "official", _("Official: plain page, administrative layout")
    FRAMED = "framed", _("Framed: the official layout inside a decorative border")


#: What a picture printed on certificates (an issuer's signature and seal, a template's
#: background) may be: a PNG or JPEG of at most PRINTED_IMAGE_MAX_BYTES, kept in the private
#: storage.
PRINTED_IMAGE_EXTENSIONS = ["png", "jpg", "jpeg"]
PRINTED_IMAGE_MAX_BYTES = 2 * 1024 * 1024
ERROR_PRINTED_IMAGE_SIZE = _("A picture printed on certificates may be at most 2 MB.")


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"


def _signature_path(instance, filename):
    return f"issuers/{instance.slug}/chu-ky-{secrets.token_hex(4)}.{_extension(filename)}"


def _background_path(instance, filename):
    return f"certificate-templates/nen-{secrets.token_hex(4)}.{_extension(filename)}"


def validate_printed_image(file) -> None:
    """A newly chosen picture to print on certificates (a signature and seal, a background):
    small, and a picture of bounded pixels (read from its header only). One already stored is
    not read again."""
    if getattr(file, "_committed", False):
        return
    if file.size > PRINTED_IMAGE_MAX_BYTES:
        raise ValidationError(ERROR_PRINTED_IMAGE_SIZE, code="printed_image_size")
    image_check(file, name=file.name.rsplit("/", 1)[-1])


class CertificateTemplate(PreviewableMixin, models.Model):
    """How a certificate looks: texts with placeholders, a background and a layout variant.
    Editing a template changes only certificates issued afterwards."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=CertificateKind.choices)
    is_default = models.BooleanField(
        _("default for its kind"),
        default=False,
        help_text=_("Used by every issuer that has not chosen a template of its own."),
    )
    layout = models.CharField(
        _("layout"), max_length=16, choices=Layout.choices, default=Layout.OFFICIAL
    )
    # Not a Wagtail image, for the reason Issuer.signature is not: content editors could
    # replace it in the library and change what every certificate prints. Kept in the private
    # storage; changed only through the template's form, which only those who may change
    # province-wide settings reach (ProvinceSettingPermissionPolicy).
    background = models.ImageField(
        _("background image"),
        upload_to=_background_path,
        storage=private_storage,
        max_length=255,
        blank=True,
        validators=[FileExtensionValidator(PRINTED_IMAGE_EXTENSIONS), validate_printed_image],
        help_text=_(
            "Optional. A PNG or JPEG printed across the whole A4 landscape page, behind the "
            "text (at most 2 MB)."
        ),
    )
    title = models.CharField(_("title"), max_length=120, default="GIẤY CHỨNG NHẬN")
    subtitle = models.TextField(
        _("subtitle"),
        blank=True,
        validators=[validate_placeholders],
        help_text=_("Printed under the title. Placeholders such as {school_year} are filled in."),
    )
    recipient_intro = models.CharField(
        _("words before the holder's name"), max_length=120, default="Chứng nhận ông/bà:"
    )
    body = models.TextField(
        _("body"),
        blank=True,
        validators=[validate_placeholders],
        help_text=_("One paragraph per line, printed under the holder's name."),
    )
    criteria = models.TextField(
        _("criteria"),
        blank=True,
        validators=[validate_placeholders],
        help_text=_(
            "What the holder did to earn it, stated in the signed credential (not printed). "
            "Leave empty to repeat the body."
        ),
    )

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(is_default=True),
                name="certificate_template_one_default",
            )
        ]

    def __str__(self):
        return self.name

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from certificates.printing import sample_pdf

        response = HttpResponse(sample_pdf(template=self), content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="preview.pdf"'
        return response


class Issuer(models.Model):
    """A unit configured to issue certificates: everything the official layout prints about
    the issuing body and its signer, and the serial format. Editable by office staff."""

    unit = models.OneToOneField(
        "training.Unit",
        on_delete=models.PROTECT,
        related_name="certificate_issuer",
        verbose_name=_("unit"),
    )
    slug = models.SlugField(
        _("identifier in addresses"),
        max_length=64,
        unique=True,
        help_text=_(
            "Part of the public addresses of the issuer's profile, key and status list. "
            "Never change it once certificates are issued: they name these addresses."
        ),
    )
    public_name = models.CharField(
        _("public name"),
        max_length=255,
        help_text=_(
            "The issuer's name in signed credentials and on the verification page, "
            "e.g. “Sở Giáo dục và Đào tạo Lai Châu”."
        ),
    )
    parent_body_name = models.CharField(
        _("body above the issuer"),
        max_length=255,
        blank=True,
        help_text=_("First line of the header, e.g. “UBND TỈNH LAI CHÂU”. May be empty."),
    )
    body_name = models.CharField(
        _("issuing body"),
        max_length=255,
        help_text=_("Second line of the header, in capitals, e.g. “SỞ GIÁO DỤC VÀ ĐÀO TẠO”."),
    )
    place_name = models.CharField(
        _("place name"),
        max_length=120,
        help_text=_("For the date line, e.g. “Phong Thổ” in “Phong Thổ, ngày 15 tháng 6 năm …”."),
    )
    head_title = models.CharField(
        _("title of the head"),
        max_length=120,
        help_text=_("e.g. “GIÁM ĐỐC” or “TRƯỞNG PHÒNG”."),
    )
    delegation = models.CharField(
        _("delegation"), max_length=8, choices=Delegation.choices, blank=True, default=""
    )
    signer_title = models.CharField(
        _("signer's title"),
        max_length=120,
        blank=True,
        help_text=_("When a deputy signs, e.g. “PHÓ GIÁM ĐỐC”. Empty when the head signs."),
    )
    signer_name = models.CharField(_("signer's name"), max_length=120)
    # Not a Wagtail image: the library is open to content editors, who could then choose,
    # replace or delete the seal every certificate prints. This file lives in the private
    # storage (no address serves it) and changes only through the issuer's form, for those who
    # may change province-wide settings (training.selectors.may_change_province_settings).
    signature = models.ImageField(
        _("signature and seal image"),
        upload_to=_signature_path,
        storage=private_storage,
        max_length=255,
        blank=True,
        validators=[FileExtensionValidator(PRINTED_IMAGE_EXTENSIONS), validate_printed_image],
        help_text=_("Optional. A PNG with a transparent background works best (at most 2 MB)."),
    )
    serial_format = models.CharField(
        _("serial format"),
        max_length=64,
        default="{number}/GCN",
        validators=[validate_serial_format],
        help_text=_(
            "How the number is written after “Số:”. {number} is the yearly sequence "
            "(restarting each calendar year), {year} the year, e.g. “{number}/GCN-SGDĐT”."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    year_template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template for yearly certificates"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": CertificateKind.YEAR},
    )
    module_template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template for module certificates"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": CertificateKind.MODULE},
    )

    class Meta:
        verbose_name = _("certificate issuer")
        verbose_name_plural = _("certificate issuers")
        permissions = [
            ("issue_certificate", _("Can issue certificates")),
            ("revoke_certificate", _("Can revoke and re-issue certificates")),
        ]

    def __str__(self):
        return self.public_name

    def clean(self):
        if self.delegation and not self.signer_title:
            raise ValidationError(
                {"signer_title": _("When someone signs for the head, give the signer's title.")}
            )


class IssuerKey(models.Model):
    """An Ed25519 key an issuer signs credentials with. The private half is stored encrypted
    (see certificates.credentials) and never leaves the server; the public half is published.
    A retired key stays published so that what it signed can still be verified."""

    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="keys")
    kid = models.CharField(_("key identifier"), max_length=32, unique=True)
    public_key_pem = models.TextField(_("public key (PEM)"))
    private_key_encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer"],
                condition=Q(retired_at__isnull=True),
                name="issuer_one_active_key",
            )
        ]

    def __str__(self):
        return f"{self.issuer} · {self.kid}"


class SerialCounter(models.Model):
    """The last number given in a calendar year: locked, then incremented, at each issue."""

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="serial_counter_unique")
        ]

    def __str__(self):
        return f"{self.issuer_id} · {self.year}: {self.last_number}"


class StatusList(models.Model):
    """One published Bitstring Status List of an issuer (131,072 entries). Each certificate
    holds one bit of one list; the bit is set when the certificate is revoked."""

    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="status_lists")
    number = models.PositiveIntegerField()
    size = models.PositiveIntegerField(default=131_072)
    next_index = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number"], name="status_list_unique"),
            models.CheckConstraint(
                condition=Q(next_index__lte=models.F("size")), name="status_list_within_size"
            ),
        ]

    def __str__(self):
        return f"{self.issuer} #{self.number}"


class ModuleCertificateRule(models.Model):
    """A module whose completion earns a certificate. The module's own page knows nothing of
    certificates (courses sits below certificates), so the setting lives here."""

    module = models.OneToOneField(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="certificate_rule",
        verbose_name=_("module"),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": CertificateKind.MODULE},
        help_text=_("Leave empty to use the issuer's module template."),
    )

    class Meta:
        verbose_name = _("module that issues a certificate")
        verbose_name_plural = _("modules that issue certificates")

    def __str__(self):
        return str(self.module)


#: The private storage's folder of issued certificates' PDFs.
PDF_FOLDER = "certificates"


def _pdf_path(instance, filename):
    return f"{PDF_FOLDER}/{instance.issuer.slug}/{instance.serial_year}/{instance.code}.pdf"


class CertificateQuerySet(models.QuerySet):
    def current(self):
        """Not replaced by a later certificate (revoked ones included)."""
        return self.filter(replaced_at__isnull=True)

    def valid(self):
        return self.filter(replaced_at__isnull=True, revoked_at__isnull=True)


class Certificate(models.Model):
    """An issued certificate. Everything it printed is frozen in `data`, `pdf` and
    `credential`: editing a template, a module or a name later changes nothing here."""

    code = models.CharField(_("verification code"), max_length=40, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=CertificateKind.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    issuer = models.ForeignKey(
        Issuer, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("issuer")
    )
    school_year = models.CharField(_("school year"), max_length=9, db_index=True)
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module"),
    )
    serial_year = models.PositiveSmallIntegerField(_("serial year"))
    serial_number = models.PositiveIntegerField(_("serial number"))
    serial = models.CharField(_("number and symbol"), max_length=80)
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField()
    signing_key = models.ForeignKey(IssuerKey, on_delete=models.PROTECT, related_name="+")
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    data = models.JSONField(_("printed data"), default=dict)
    # In the private storage: no address serves it; certificates.views.certificate_pdf hands it
    # to its holder and the managers in reach.
    pdf = models.FileField(_("PDF"), upload_to=_pdf_path, storage=private_storage, max_length=255)
    credential = models.TextField(_("signed credential (JSON)"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    correction = models.TextField(_("what was corrected"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "school_year"],
                condition=Q(kind="year", replaced_at__isnull=True),
                name="certificate_one_per_person_year",
            ),
            models.UniqueConstraint(
                fields=["holder", "module"],
                condition=Q(kind="module", replaced_at__isnull=True),
                name="certificate_one_per_person_module",
            ),
            models.UniqueConstraint(
                fields=["issuer", "serial_year", "serial_number"], name="certificate_serial_unique"
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="certificate_status_bit_unique"
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(replaced_by__isnull=True) | Q(replaced_at__isnull=False),
                name="certificate_replacement_dated",
            ),
        ]
        indexes = [models.Index(fields=["issuer", "school_year"])]

    def __str__(self):
        return f"{self.serial} · {self.data.get('holder_name', '')}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None

    @property
    def status(self) -> str:
        if self.is_replaced:
            return "replaced"
        if self.is_revoked:
            return "revoked"
        return "valid"

    @cached_property
    def holder_name(self) -> str:
        return self.data.get("holder_name", "")


class BulkIssueStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class BulkIssue(models.Model):
    """A request to issue the yearly certificates of a unit (and the units below it) for a
    school year, run by a background task. Progress is counted here as the task runs."""

    unit = models.ForeignKey(
        "training.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    school_year = models.CharField(_("school year"), max_length=9)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BulkIssueStatus.choices, default=BulkIssueStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("to check"), default=0)
    done = models.PositiveIntegerField(_("checked"), default=0)
    issued = models.PositiveIntegerField(_("newly issued"), default=0)
    already = models.PositiveIntegerField(_("already issued"), default=0)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.unit} · {self.school_year}"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (100 if self.finished_at else 0)
