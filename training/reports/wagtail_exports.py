"""Wagtail's own listings that export CSV or XLSX (its reports and the redirects list), through
the one export path: each view is Wagtail's, with `SafeSpreadsheetExportMixin` in front.

Wagtail registers these views itself, and URLs from the `register_admin_urls` hook come after
its own, so `urlpatterns` here serve them at Wagtail's addresses and `portal.urls` includes them
before Wagtail's admin. Only the class changes: names, permissions and templates are Wagtail's,
and `reverse()` of Wagtail's URL names still gives these addresses. Like every admin URL, they
need an account with admin access (`require_admin_access`). The site history is served by
`portal.admin_access`, scoped to the reach rule."""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from courses.exports import SafeSpreadsheetExportMixin


class SafeLockedPagesView(SafeSpreadsheetExportMixin, LockedPagesView):
    pass


class SafeWorkflowView(SafeSpreadsheetExportMixin, WorkflowView):
    pass


class SafeWorkflowTasksView(SafeSpreadsheetExportMixin, WorkflowTasksView):
    pass


class SafeAgingPagesView(SafeSpreadsheetExportMixin, AgingPagesView):
    pass


class SafeRedirectIndexView(SafeSpreadsheetExportMixin, RedirectIndexView):
    pass


def _listing(route: str, view):
    """A listing and its results-only twin (which answers `?export=` too)."""
    return [path(route, view.as_view()), path(f"{route}results/", view.as_view(results_only=True))]


#: Under /admin/.
urlpatterns = decorate_urlpatterns(
    [
        *_listing("reports/locked/", SafeLockedPagesView),
        *_listing("reports/workflow/", SafeWorkflowView),
        *_listing("reports/workflow_tasks/", SafeWorkflowTasksView),
        *_listing("reports/aging-pages/", SafeAgingPagesView),
        *_listing("redirects/", SafeRedirectIndexView),
    ],
    require_admin_access,
)
