from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter

from training import admin_views
from training.models import StaffProfile, Unit


class InReachViewSetMixin:
    """Every screen of these viewsets lists or opens only what is within the user's reach."""

    edit_view_class = admin_views.InReachEditView
    delete_view_class = admin_views.InReachDeleteView
    inspect_view_class = admin_views.InReachInspectView
    history_view_class = admin_views.InReachHistoryView
    usage_view_class = admin_views.InReachUsageView
    copy_view_enabled = False
    inspect_view_enabled = True


class UnitViewSet(InReachViewSetMixin, ModelViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Units")
    index_view_class = admin_views.InReachIndexView
    add_view_class = admin_views.UnitCreateView
    list_display = ["name", "code", Column("get_kind_display", label=_("Kind")), "depth"]
    list_filter = ["kind"]
    list_export = ["name", "code", "kind", "depth"]
    search_fields = ["name", "code", "name_folded"]
    ordering = ["path"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return admin_views.UnitForm


class StaffViewSet(InReachViewSetMixin, ModelViewSet):
    model = StaffProfile
    icon = "group"
    menu_label = _("Staff")
    index_view_class = admin_views.StaffIndexView
    add_view_class = admin_views.StaffCreateView
    list_display = [
        Column("user", label=_("Full name")),
        Column("user.username", label=_("Staff code")),
        "unit",
        Column("get_position_display", label=_("Position")),
        Column("get_school_level_display", label=_("School level")),
    ]
    list_filter = ["position", "school_level", "employment_status"]
    list_export = ["user.full_name", "user.username", "user.email", "unit.name", "position"]
    export_headings = {
        "user.full_name": _("Full name"),
        "user.username": _("Staff code"),
        "user.email": _("E-mail"),
        "unit.name": _("Unit"),
        "position": _("Position"),
    }
    search_fields = ["user__name_folded"]
    ordering = ["user__name_sort"]

    def get_form_class(self, for_update=False):
        return admin_views.StaffEditForm if for_update else admin_views.StaffCreateForm


class OrganisationGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 300
    items = (UnitViewSet("units"), StaffViewSet("staff"))


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationGroup()


class _ReasonFormatter(LogFormatter):
    """Shows the reason or comment a person gave, so that the history says why."""

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        return data.get("reason") or data.get("comment") or ""


#: action -> (label, message). Each change a person makes to training records is logged with
#: one of these (training.services), with the reason where one is given.
TRAINING_LOG_ACTIONS = {
    "hoctap.enrol": (_("Enrol"), _("Enrolled in a module")),
    "hoctap.assign": (_("Assign a module"), _("Assigned a module")),
    "hoctap.attempt": (_("Assessment attempt"), _("Submitted a final assessment")),
    "hoctap.complete": (_("Module completed"), _("Completed a module")),
    "hoctap.plan_submit": (_("Submit plan"), _("Submitted the training plan")),
    "hoctap.plan_approved": (_("Approve plan"), _("Approved the training plan")),
    "hoctap.plan_returned": (_("Return plan"), _("Returned the training plan for revision")),
    "hoctap.plan_reopen": (_("Reopen plan"), _("Reopened the training plan after the deadline")),
    "hoctap.record_submit": (_("Submit record"), _("Submitted a face-to-face training record")),
    "hoctap.record_resubmit": (_("Resubmit record"), _("Corrected and resubmitted a record")),
    "hoctap.record_approve": (_("Approve record"), _("Approved a face-to-face training record")),
    "hoctap.record_reject": (_("Reject record"), _("Rejected a face-to-face training record")),
    "hoctap.record_amend": (_("Correct record"), _("Corrected an approved record")),
    "hoctap.year_close": (_("Close school year"), _("Closed the school year")),
    "hoctap.year_reopen": (_("Reopen school year"), _("Reopened the school year")),
}


@hooks.register("register_log_actions")
def register_training_log_actions(actions):
    actions.register_action(
        "hoctap.password_change", _("Change password"), _("Changed their password")
    )
    for action, (label, message) in TRAINING_LOG_ACTIONS.items():
        actions.register_action(action)(
            type("_Formatter", (_ReasonFormatter,), {"label": label, "message": message})
        )
