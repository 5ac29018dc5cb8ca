"""Writes: loading professional standards from a data file, counting downloads, and keeping
the editorial permissions and moderation workflow in place."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from courses import permissions
from courses.models import (
    Criterion,
    Framework,
    FrameworkAudience,
    RatingLevel,
    ResourceDownload,
    ResourcePage,
    Standard,
)
from courses.text import nfc

# Professional standards --------------------------------------------------------------------

ERROR_FILE_MISSING = _("The file %(path)s does not exist.")
ERROR_SYNTAX = _("line %(line)s: this is not valid YAML or JSON (%(problem)s).")
ERROR_NOT_MAPPING = _("line %(line)s: %(where)s must be a mapping of keys to values.")
ERROR_NOT_LIST = _("line %(line)s: “%(key)s” must be a list.")
ERROR_UNKNOWN_KEY = _(
    "line %(line)s: unknown key “%(key)s” in %(where)s; the keys allowed are: %(allowed)s."
)
ERROR_MISSING_KEY = _("line %(line)s: %(where)s has no “%(key)s”.")
ERROR_DUPLICATE_KEY = _("line %(line)s: the key “%(key)s” appears twice in %(where)s.")
ERROR_DUPLICATE_CODE = _(
    "line %(line)s: two %(what)s have the code “%(code)s” (the first on line %(first)s)."
)
ERROR_CRITERION_WITHOUT_STANDARD = _(
    "line %(line)s: criterion “%(code)s” belongs to no standard: give its “standard”."
)
ERROR_UNKNOWN_STANDARD = _(
    "line %(line)s: criterion “%(code)s” names the standard “%(standard)s”, "
    "which this file does not define."
)
ERROR_BAD_VALUE = _("line %(line)s: “%(key)s” cannot be “%(value)s”: %(expected)s.")
ERROR_TOO_FEW_LEVELS = _("line %(line)s: a framework needs at least two rating levels.")
ERROR_NO_STANDARDS = _("line %(line)s: a framework needs at least one standard.")
ERROR_DATES_ORDER = _("line %(line)s: “effective_to” is before “effective_from”.")
ERROR_REMOVED = _(
    "%(where)s “%(code)s” is in the database for %(framework)s but no longer in the file; "
    "load a changed list as a new version instead."
)

_WHERE = {
    "file": _("the file"),
    "framework": _("the framework"),
    "levels": _("a rating level"),
    "standards": _("a standard"),
    "criteria": _("a criterion"),
}
_PLURAL = {"levels": _("rating levels"), "standards": _("standards"), "criteria": _("criteria")}
_FIELDS = {
    "file": ({"framework", "levels", "standards"}, {"criteria"}),
    "framework": (
        {"code", "version", "name", "legal_basis", "audience"},
        {"effective_from", "effective_to", "notes"},
    ),
    "levels": ({"code", "name"}, set()),
    "standards": ({"code", "name"}, {"description", "confirmed"}),
    "criteria": ({"code", "name"}, {"standard", "description", "confirmed"}),
}


class StandardsFileError(ValidationError):
    """A standards file that cannot be loaded. `messages` names each problem with its line."""


@dataclass(frozen=True)
class LoadResult:
    framework: Framework
    created: bool
    changes: int
    standards: int
    criteria: int


class _Mapping(dict):
    line = 0
    key_lines: dict
    duplicates: list


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings remember the line of each key."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines, mapping.duplicates = {}, []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicates.append((key, line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line(mapping, key=None) -> int:
    if isinstance(mapping, _Mapping):
        return mapping.key_lines.get(key, mapping.line) if key is not None else mapping.line
    return 0


class _Checker:
    def __init__(self):
        self.errors: list[str] = []

    def add(self, message, **params):
        self.errors.append(str(message) % params)

    def mapping(self, value, kind: str, line: int) -> bool:
        if not isinstance(value, _Mapping):
            self.add(ERROR_NOT_MAPPING, line=line, where=_WHERE[kind])
            return False
        required, optional = _FIELDS[kind]
        for key, key_line in value.duplicates:
            self.add(ERROR_DUPLICATE_KEY, line=key_line, key=key, where=_WHERE[kind])
        for key in value:
            if key not in required | optional:
                self.add(
                    ERROR_UNKNOWN_KEY,
                    line=_line(value, key),
                    key=key,
                    where=_WHERE[kind],
                    allowed=", ".join(sorted(required | optional)),
                )
        for key in sorted(required - value.keys()):
            self.add(ERROR_MISSING_KEY, line=value.line, where=_WHERE[kind], key=key)
        return True

    def text(self, item, key, *, required=True) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add(
                ERROR_BAD_VALUE,
                line=_line(item, key),
                key=key,
                value=value,
                expected=_("a text is expected"),
            )
            return ""
        return nfc(str(value))

    def date(self, item, key) -> date | None:
        value = item.get(key)
        if value is None or (isinstance(value, date)):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.add(
                ERROR_BAD_VALUE,
                line=_line(item, key),
                key=key,
                value=value,
                expected=_("a date such as 2018-10-26 is expected"),
            )
            return None

    def flag(self, item, key) -> bool:
        value = item.get(key, True)
        if not isinstance(value, bool):
            self.add(
                ERROR_BAD_VALUE,
                line=_line(item, key),
                key=key,
                value=value,
                expected=_("true or false is expected"),
            )
            return True
        return value


def _parse(text: str) -> dict:
    """Read and check a standards file; raise StandardsFileError listing every problem."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise StandardsFileError(
            [str(ERROR_SYNTAX % {"line": mark.line + 1 if mark else 0, "problem": error.problem})]
        ) from error
    except yaml.YAMLError as error:
        raise StandardsFileError([str(ERROR_SYNTAX % {"line": 0, "problem": error})]) from error
    check = _Checker()
    if not check.mapping(data, "file", 1):
        raise StandardsFileError(check.errors)

    framework = data.get("framework")
    parsed = {"framework": {}, "levels": [], "standards": [], "criteria": []}
    if check.mapping(framework, "framework", _line(data, "framework")):
        audience = check.text(framework, "audience")
        if audience and audience not in FrameworkAudience.values:
            check.add(
                ERROR_BAD_VALUE,
                line=_line(framework, "audience"),
                key="audience",
                value=audience,
                expected=_("one of %(values)s") % {"values": ", ".join(FrameworkAudience.values)},
            )
        parsed["framework"] = {
            "code": check.text(framework, "code"),
            "version": check.text(framework, "version"),
            "name": check.text(framework, "name"),
            "legal_basis": check.text(framework, "legal_basis"),
            "audience": audience,
            "effective_from": check.date(framework, "effective_from"),
            "effective_to": check.date(framework, "effective_to"),
            "notes": check.text(framework, "notes").strip(),
        }
        start, end = parsed["framework"]["effective_from"], parsed["framework"]["effective_to"]
        if start and end and end < start:
            check.add(ERROR_DATES_ORDER, line=_line(framework, "effective_to"))

    for kind in ("levels", "standards", "criteria"):
        items = data.get(kind, [])
        if not isinstance(items, list):
            check.add(ERROR_NOT_LIST, line=_line(data, kind), key=kind)
            continue
        first_line = {}
        for position, item in enumerate(items):
            if not check.mapping(item, kind, _line(data, kind)):
                continue
            code = check.text(item, "code")
            if code in first_line:
                check.add(
                    ERROR_DUPLICATE_CODE,
                    line=_line(item, "code"),
                    what=_PLURAL[kind],
                    code=code,
                    first=first_line[code],
                )
            elif code:
                first_line[code] = _line(item, "code")
            entry = {
                "code": code,
                "name": check.text(item, "name"),
                "order": position,
                "line": item.line,
            }
            if kind != "levels":
                entry["description"] = check.text(item, "description").strip()
                entry["confirmed"] = check.flag(item, "confirmed")
            if kind == "criteria":
                entry["standard"] = check.text(item, "standard")
            parsed[kind].append(entry)

    if len(parsed["levels"]) < 2 and "levels" in data:
        check.add(ERROR_TOO_FEW_LEVELS, line=_line(data, "levels"))
    if not parsed["standards"] and "standards" in data:
        check.add(ERROR_NO_STANDARDS, line=_line(data, "standards"))
    standard_codes = {standard["code"] for standard in parsed["standards"]}
    for criterion in parsed["criteria"]:
        if not criterion["standard"]:
            check.add(
                ERROR_CRITERION_WITHOUT_STANDARD, line=criterion["line"], code=criterion["code"]
            )
        elif criterion["standard"] not in standard_codes:
            check.add(
                ERROR_UNKNOWN_STANDARD,
                line=criterion["line"],
                code=criterion["code"],
                standard=criterion["standard"],
            )
    if check.errors:
        raise StandardsFileError(check.errors)
    return parsed


def _sync_fields(instance, values: dict) -> int:
    """Set `values` on a saved instance; save only what changed. Returns 1 if anything did."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return 0
    for name in changed:
        setattr(instance, name, values[name])
    instance.save(update_fields=changed)
    return 1


def _sync_children(manager, items, make_values, framework, where) -> tuple[dict, int]:
    existing = {obj.code: obj for obj in manager.select_for_update()}
    removed = sorted(existing.keys() - {item["code"] for item in items})
    if removed:
        raise StandardsFileError(
            [
                str(ERROR_REMOVED % {"where": _WHERE[where], "code": code, "framework": framework})
                for code in removed
            ]
        )
    objects, changes = {}, 0
    for item in items:
        values = make_values(item)
        obj = existing.get(item["code"])
        if obj is None:
            obj = manager.create(code=item["code"], **values)
            changes += 1
        else:
            changes += _sync_fields(obj, values)
        objects[item["code"]] = obj
    return objects, changes


@transaction.atomic
def standards_load(*, path: str | Path) -> LoadResult:
    """Load a professional-standards framework from a YAML (or JSON) file.

    A framework is identified by (code, version): loading the same file again changes nothing;
    a file with a new version loads beside the old one; a changed text under the same version
    updates it in place. A file with any problem (unknown key, a criterion without a standard,
    duplicate codes, …) raises StandardsFileError naming each line, and nothing is written."""
    path = Path(path)
    if not path.is_file():
        raise StandardsFileError([str(ERROR_FILE_MISSING % {"path": path})])
    try:
        parsed = _parse(path.read_text(encoding="utf-8"))
    except StandardsFileError as error:
        raise StandardsFileError(
            [f"{path.name}, {message}" for message in error.messages]
        ) from error

    fields = parsed["framework"]
    framework = (
        Framework.objects.select_for_update()
        .filter(code=fields["code"], version=fields["version"])
        .first()
    )
    created = framework is None
    if created:
        framework = Framework.objects.create(**fields)
        changes = 1
    else:
        changes = _sync_fields(framework, fields)

    _levels, level_changes = _sync_children(
        RatingLevel.objects.filter(framework=framework),
        parsed["levels"],
        lambda item: {
            "framework_id": framework.pk,
            "name": item["name"],
            "sort_order": item["order"],
        },
        framework,
        "levels",
    )
    standards, standard_changes = _sync_children(
        Standard.objects.filter(framework=framework),
        parsed["standards"],
        lambda item: {
            "framework_id": framework.pk,
            "name": item["name"],
            "description": item["description"],
            "confirmed": item["confirmed"],
            "sort_order": item["order"],
        },
        framework,
        "standards",
    )
    criteria, criterion_changes = _sync_children(
        Criterion.objects.filter(framework=framework),
        parsed["criteria"],
        lambda item: {
            "framework_id": framework.pk,
            "standard_id": standards[item["standard"]].pk,
            "name": item["name"],
            "description": item["description"],
            "confirmed": item["confirmed"],
            "sort_order": item["order"],
        },
        framework,
        "criteria",
    )
    changes += level_changes + standard_changes + criterion_changes
    if changes:
        log(instance=framework, action="wagtail.create" if created else "wagtail.edit", user=None)
    return LoadResult(
        framework=framework,
        created=created,
        changes=changes,
        standards=len(standards),
        criteria=len(criteria),
    )


# Downloads ---------------------------------------------------------------------------------


def resource_download_record(*, page: ResourcePage, document) -> None:
    """Count one download of `document` from `page`; safe when many readers download at once."""
    counter = ResourceDownload.objects.filter(page=page, document=document)
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ResourceDownload.objects.create(page=page, document=document, count=1)
    except IntegrityError:
        # Someone else created the row between our update and our insert.
        counter.update(count=F("count") + 1)


# Editorial permissions and workflow --------------------------------------------------------


def _permissions(pairs) -> list[Permission]:
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def editorial_sync(*, editors: Group, reviewers: Group) -> Workflow:
    """Make the database say what courses.permissions says: on every site's root page editors
    may add and change pages and reviewers may also publish; both may upload documents and
    images; and every page goes through the moderation workflow, approved by reviewers.
    Idempotent: run after every migrate by training.roles.roles_sync()."""
    roots = [site.root_page for site in Site.objects.select_related("root_page")]
    for group, codenames in (
        (editors, permissions.EDITOR_PAGE_PERMISSIONS),
        (reviewers, permissions.REVIEWER_PAGE_PERMISSIONS),
    ):
        wanted = _permissions(("wagtailcore", codename) for codename in codenames)
        GroupPagePermission.objects.filter(group=group).exclude(
            page__in=roots, permission__in=wanted
        ).delete()
        for root in roots:
            for permission in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )

    collection = Collection.get_first_root_node()
    if collection is not None:
        wanted = _permissions(permissions.COLLECTION_PERMISSIONS)
        for group in (editors, reviewers):
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )

    task = GroupApprovalTask.objects.filter(name=permissions.TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=permissions.TASK_NAME)
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=permissions.WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
