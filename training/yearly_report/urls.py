"""Admin addresses of the yearly report (under /admin/yearly-report/) and its menu items
under "BDTX reports" (training.wagtail_hooks)."""

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from training.yearly_report import views

app_name = "yearly_report"

urlpatterns = [
    path("", views.YearlyReportView.as_view(), name="report"),
    path("received/", views.ReceivedReportsView.as_view(), name="received"),
    path(
        "received/results/",
        views.ReceivedReportsView.as_view(results_only=True),
        name="received_results",
    ),
    path("received/<int:pk>/", views.SubmissionView.as_view(), name="submission"),
    re_path(
        r"^received/(?P<pk>[0-9]+)/(?P<kind>pdf|xlsx)/$",
        views.SubmissionFileView.as_view(),
        name="submission_file",
    ),
    path("deadlines/", views.DeadlinesView.as_view(), name="deadlines"),
]


class _Item(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def menu_items() -> list[MenuItem]:
    return [
        _Item(
            _("Yearly BDTX report"),
            reverse("yearly_report:report"),
            name="yearly-report",
            icon_name="doc-full",
            order=10,
            permission="training.view_yearsummary",
        ),
        _Item(
            _("Yearly reports received"),
            reverse("yearly_report:received"),
            name="yearly-report-received",
            icon_name="mail",
            order=11,
            permission="training.view_yearreportsubmission",
        ),
        _Item(
            _("Yearly report deadlines"),
            reverse("yearly_report:deadlines"),
            name="yearly-report-deadlines",
            icon_name="date",
            order=12,
            permission="training.view_reportdeadline",
        ),
    ]
