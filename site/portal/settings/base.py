"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent.parent

INSTALLED_APPS = [
    # Our apps come first so that their templates and translations win.
    "portal",
    "certificates",
    "training",
    "courses",
    # The REST API's tokens and idempotent requests (site/portal/api), xAPI statements (site/xapi).
    "portal.api",
    "xapi",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's own form widget templates, for FORM_RENDERER below.
    "django.forms",
    # Wagtail's search index on PostgreSQL uses its full-text fields (harmless on SQLite).
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # Pages compressed for slow links (whitenoise compresses static files itself). BREACH:
    # Django masks the CSRF token on every response and pads compressed bodies at random.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (SECURE_CSP); the Wagtail admin gets its own,
    # looser one from the next middleware (PORTAL_ADMIN_CSP).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.security.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's Wagtail Site and the portal settings, cached across requests.
    "portal.caching.SiteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.VietnameseFirstLocaleMiddleware",
    # /api/ and /xapi/ also honour Accept-Language (scripts have no language switcher).
    "portal.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A retried API request with the same Idempotency-Key is done once.
    "portal.api.middleware.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends a session left idle too long, or whose account was deactivated (portal.security).
    "portal.security.SessionGuardMiddleware",
    "training.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Form widgets render with TEMPLATES too (Django's default renderer looks only in the apps), so
# that the Wagtail admin overrides in templates/wagtailadmin/widgets/ apply to them.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# People
AUTH_USER_MODEL = "training.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out (IP, username) before any password check.
    "axes.backends.AxesStandaloneBackend",
    "training.auth.StaffCodeOrEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "training:home"
LOGOUT_REDIRECT_URL = "/"

# Lock out by (IP address, username) together: a whole school shares one NAT address, so
# locking an address alone would lock out every teacher in it.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Failures count against the account, not the name as typed: its staff code and e-mail in any
# letter case are one identity (the login itself matches them all: training.auth).
AXES_USERNAME_CALLABLE = "training.auth.login_identity"
AXES_VERBOSE = False

# Language and time: Vietnamese first, English second; stored in UTC, shown in Vietnam's time.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
FORMAT_MODULE_PATH = ["portal.formats"]  # 29/11/2026, as Vietnamese offices write dates
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Files only the app hands out, after its access check (evidence, certificates' PDFs, uploaded
# rosters): never under MEDIA_ROOT, never at an address (training.private_files).
PRIVATE_ROOT = BASE_DIR / "var" / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "training.private_files.PrivateStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# "" streams private files from the app; "nginx" (X-Accel-Redirect to PRIVATE_FILES_INTERNAL_URL)
# or "apache" (X-Sendfile) lets the web server send them once the app has checked the request.
PRIVATE_FILES_SENDFILE = ""
PRIVATE_FILES_INTERNAL_URL = "/_private/"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Học Tập"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# One clear error when a document is refused (courses.uploads.DocumentForm).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.uploads.DocumentForm"
# Raster images only: an SVG can carry script, so it is accepted neither as an image nor as a
# document (see WAGTAILDOCS_EXTENSIONS). Pages show images as WebP renditions.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_USER_CUSTOM_FIELDS = []
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.AdminLoginForm"
# Password resets go only to an address its owner confirmed (portal.accounts).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.forms.AdminPasswordResetForm"  # noqa: S105
# Page addresses in plain ASCII ("boi-duong"), not percent-encoded Vietnamese.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Training records: the largest evidence file a teacher may attach to a face-to-face record.
TRAINING_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

# Uploads are bounded after decompression too (courses.upload_checks): a zip container (XLSX,
# DOCX, ODT) by its parts as its directory declares them, a picture by its pixels (header
# only). An honest 20,000-row roster unpacks to about 10 MB at a ratio near 15. Pillow itself
# refuses more than 89 million pixels, whatever UPLOAD_MAX_IMAGE_PIXELS says.
UPLOAD_ARCHIVE_MAX_BYTES = 64 * 1024 * 1024
UPLOAD_ARCHIVE_MAX_MEMBER_BYTES = 32 * 1024 * 1024
UPLOAD_ARCHIVE_MAX_MEMBERS = 1000
UPLOAD_ARCHIVE_MAX_RATIO = 100
UPLOAD_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = UPLOAD_MAX_IMAGE_PIXELS

# Background work: Django's tasks framework with the database backend (manage.py db_worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Certificates. The public address that certificates' QR codes and signed credentials name
# (empty: WAGTAILADMIN_BASE_URL); the secret that encrypts issuers' signing keys at rest (empty:
# derived from SECRET_KEY, so changing SECRET_KEY then needs the keys re-encrypted); how many
# public verification requests one address may make a minute.
CERTIFICATES_PUBLIC_URL = os.environ.get("CERTIFICATES_PUBLIC_URL", "")
CERTIFICATES_KEY_SECRET = os.environ.get("CERTIFICATES_KEY_SECRET", "")
CERTIFICATES_VERIFY_RATE_PER_MINUTE = 60

# API (site/portal/api wires it; docs/api.md describes it)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "portal.api.schema.AutoSchema",
    # Bearer first: an unauthenticated request is answered 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "portal.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "portal.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "portal.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.api.throttles.AnonymousThrottle",
        "portal.api.throttles.PersonThrottle",
        "portal.api.throttles.ScopedThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        # Without a login (the resource library, certificate verification), per address.
        "anon": os.environ.get("API_RATE_ANON", "120/minute"),
        # One person, whatever they call.
        "user": os.environ.get("API_RATE_USER", "1200/minute"),
        # Certificate verification, per address or person (the page's own limit is apart).
        "verify": os.environ.get("API_RATE_VERIFY", "60/minute"),
    },
    # Behind a reverse proxy, the number of proxies whose X-Forwarded-For to trust (0: the
    # client address is REMOTE_ADDR; a forged header then changes nothing).
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0")),
    "COERCE_DECIMAL_TO_STRING": False,
}
#: How long a response to a request sent with an Idempotency-Key is kept for retries.
API_IDEMPOTENCY_HOURS = 24
SPECTACULAR_SETTINGS = {
    "TITLE": "Học Tập API",
    "DESCRIPTION": _(
        "Regular training (BDTX) and lifelong learning for teachers. Authenticate with a "
        "personal API token (Authorization: Bearer …) made on your profile page, or with the "
        "site's session. Every error has one shape: error.code, error.message (in the "
        "request's language) and error.fields. See docs/api.md."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Nothing fetched from another site: no validator badge.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "PREPROCESSING_HOOKS": ["portal.api.schema.api_endpoints"],
    "ENUM_NAME_OVERRIDES": {
        "ProgrammeKindEnum": "courses.choices.ProgrammeKind",
        "DeliveryEnum": "courses.choices.Delivery",
        "FrameworkAudienceEnum": "courses.models.FrameworkAudience",
        "QuestionKindEnum": ["single_choice", "multiple_choice", "true_false", "short_answer"],
        "UnitKindEnum": "training.models.UnitKind",
        "ProgrammeEnum": "training.models.Programme",
        "AudienceEnum": "training.models.Audience",
        "PlanStatusEnum": "training.models.PlanStatus",
        "RecordStatusEnum": "training.models.RecordStatus",
        "YearStatusEnum": "training.models.YearStatus",
        "CertificateKindEnum": "certificates.models.CertificateKind",
        "CertificateStatusEnum": ["valid", "revoked", "replaced"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "xapi.schema.statements_one_or_many",
    ],
}

# E-mail: development prints to the console; production reads its settings from the environment.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = "Học Tập <no-reply@hoctap.local>"

# Sessions: in the database with the account beside them (portal.models.PortalSession), so that
# deactivating an account ends all its sessions at once. A session lasts at most
# SESSION_COOKIE_AGE from login, and ends sooner when left idle: SESSION_IDLE_TIMEOUT for
# teachers (a long lesson is read without a request), SESSION_IDLE_TIMEOUT_ADMIN for anyone who
# may open the Wagtail admin (managers, office staff, editors). Seconds; 0 turns it off.
SESSION_ENGINE = "portal.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_SAVE_EVERY_REQUEST = False
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", 60 * 60 * 2))
SESSION_IDLE_TIMEOUT_ADMIN = int(os.environ.get("SESSION_IDLE_TIMEOUT_ADMIN", 60 * 30))

# Content-Security-Policy (Django's own middleware). Our pages run no inline script, no inline
# event handler and no inline style: everything comes from our static files. Lesson videos are
# embedded from the sites named in CSP_FRAME_SOURCES; the API docs (portal.api.views) send their
# own policy. See docs/operations.md.
CSP_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *CSP_FRAME_SOURCES],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# The Wagtail admin (under /admin/ only) runs no inline script either: the few Wagtail 8 still
# writes (date and time widgets, inline panels, multiple chooser panels) are our template copies
# that write data, run by portal/static/portal/admin-init.js. What stays looser, and why
# (docs/operations.md): inline styles, which Wagtail's widgets set by the hundred in style=""
# attributes (no nonce can cover an attribute), and blob: images for upload previews.
PORTAL_ADMIN_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}
# Wagtail's admin would ask releases.wagtail.io for a newer version: nothing leaves the site.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Nor would avatars come from gravatar.com (a hash of each person's e-mail sent to another
# site, and an image the admin's CSP refuses): Wagtail shows its default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": "WARNING"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Every task logs its start and end at INFO: keep the console for what needs attention.
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
