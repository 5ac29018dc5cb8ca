"""What content editors and reviewers may do with the models of this app.

training.roles.ROLE_PERMISSIONS adds these sets to its two content roles, and roles_sync()
calls courses.services.editorial_sync() for the page permissions, the document and image
collection permissions and the moderation workflow: editors create, edit and submit; only
reviewers publish."""

_REFERENCE = ("subject", "resourcetype", "language", "licence", "schoollevel", "grade")
_STANDARDS = ("framework", "standard", "criterion")

EDITOR_MODEL_PERMISSIONS: frozenset[str] = frozenset(
    {f"courses.view_{model}" for model in _REFERENCE + _STANDARDS}
    | {
        f"courses.{action}_{model}"
        for action in ("add", "change")
        for model in ("subject", "resourcetype")
    }
)

REVIEWER_MODEL_PERMISSIONS: frozenset[str] = frozenset(
    {
        f"courses.{action}_{model}"
        for action in ("view", "add", "change")
        for model in _REFERENCE + _STANDARDS
    }
)

#: Page permissions ("wagtailcore.<codename>") granted on every site's root page.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")

#: Collection permissions granted on the root collection, for both roles.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)

WORKFLOW_NAME = "Duyệt nội dung trước khi đăng"
TASK_NAME = "Người duyệt nội dung phê duyệt"
