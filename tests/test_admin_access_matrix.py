"""Who gets what from every admin address (/admin/), Wagtail's own screens included.

The addresses are read from the URL resolver: every pattern under /admin/ (Wagtail's reports,
choosers and autocomplete, snippets, settings, users and groups, collections, images and
documents, workflows, and our own training, certificate, yearly-report, roster and review
screens), so that a new admin address cannot escape this table:
`test_every_admin_address_has_expectations` fails until it is added here. Each of the 7 roles of tests.api_support (ROLES)
then visits each address on one world built once for the module (tests.admin_world: the API
matrix's two schools under one commune under a department, with the other school's people
holding records too), each visit inside a savepoint rolled back afterwards.

Object addresses are visited with a guessed id (999999), with our school's objects and with
the other school's (its teacher and manager, their profile, plan, record, certificate and
yearly report). A visit's expectations are seven statuses in the order of ROLES (anonymous,
teacher, other_teacher, manager, other_manager, office, editor): a number; L for a redirect to
a login page; D for Wagtail's "permission denied" (a redirect to the admin home with a
message); R for another redirect.

Every page or CSV export a school manager gets with 200 is also checked for the names and staff
codes of the other school's people (and the other school's manager's for ours)."""

# ruff: noqa: E501 - the keys are the resolver's own patterns, some longer than a line

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver

from tests.admin_world import FOREIGN_MARKS, OWN_MARKS, build_admin_world
from tests.api_support import ROLES


@dataclass(frozen=True)
class V:
    """One visit: the seven statuses (in the order of ROLES) and the address, with {name}
    standing for an id of the world (tests.admin_world.AdminWorld.ids)."""

    statuses: str
    url: str

    def expected(self, role: str) -> str:
        return dict(zip(ROLES, self.statuses.split(), strict=True))[role]


EXPECTED: dict[str, list[V]] = {
    "admin/": [V("L L L 200 200 200 200", "/admin/")],
    "admin/^.*/$": [V("L L L 404 404 404 404", "/admin/nothing/")],
    "admin/account/": [V("L L L 200 200 200 200", "/admin/account/")],
    "admin/api/main/^documents/": [V("L L L 200 200 200 200", "/admin/api/main/documents/")],
    "admin/api/main/^documents/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/api/main/documents/999999/")
    ],
    "admin/api/main/^documents/find/": [
        V("L L L 404 404 404 404", "/admin/api/main/documents/find/")
    ],
    "admin/api/main/^images/": [V("L L L 200 200 200 200", "/admin/api/main/images/")],
    "admin/api/main/^images/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/api/main/images/999999/")
    ],
    "admin/api/main/^images/find/": [V("L L L 404 404 404 404", "/admin/api/main/images/find/")],
    "admin/api/main/^pages/": [V("L L L 200 200 200 200", "/admin/api/main/pages/")],
    "admin/api/main/^pages/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/api/main/pages/999999/")
    ],
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": [
        V("L L L 405 405 405 405", "/admin/api/main/pages/999999/action/approve/")
    ],
    "admin/api/main/^pages/find/": [V("L L L 404 404 404 404", "/admin/api/main/pages/find/")],
    "admin/block-preview/": [V("L L L 404 404 404 404", "/admin/block-preview/")],
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": [
        V("L L L 404 404 404 404", "/admin/bulk/courses/modulepage/delete/")
    ],
    "admin/certificates/actions/<int:pk>/reissue/": [
        V("L L L 404 404 404 404", "/admin/certificates/actions/999999/reissue/")
    ],
    "admin/certificates/actions/<int:pk>/revoke/": [
        V("L L L 404 404 404 404", "/admin/certificates/actions/999999/revoke/"),
        V("L L L 404 D 200 404", "/admin/certificates/actions/{other_certificate}/revoke/"),
    ],
    "admin/certificates/actions/bulk/": [V("L L L D D 200 D", "/admin/certificates/actions/bulk/")],
    "admin/certificates/actions/bulk/progress/": [
        V("L L L D D 200 D", "/admin/certificates/actions/bulk/progress/")
    ],
    "admin/certificates/actions/issue/": [
        V("L L L D D 200 D", "/admin/certificates/actions/issue/")
    ],
    "admin/certificates/actions/issuers/<int:pk>/rotate-key/": [
        V("L L L 404 404 404 404", "/admin/certificates/actions/issuers/999999/rotate-key/")
    ],
    "admin/certificates/actions/zip/": [V("L L L D D 200 D", "/admin/certificates/actions/zip/")],
    "admin/certificates/issued/": [
        V("L L L 200 200 200 D", "/admin/certificates/issued/"),
        V("L L L 200 200 200 D", "/admin/certificates/issued/?export=csv"),
    ],
    "admin/certificates/issued/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issued/delete/999999/")
    ],
    "admin/certificates/issued/edit/<int:pk>/": [
        V("L L L D D D D", "/admin/certificates/issued/edit/999999/"),
        V("L L L D D D D", "/admin/certificates/issued/edit/{other_certificate}/"),
    ],
    "admin/certificates/issued/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issued/history-results/999999/")
    ],
    "admin/certificates/issued/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issued/history/999999/"),
        V("L L L D D D D", "/admin/certificates/issued/history/{other_certificate}/"),
    ],
    "admin/certificates/issued/inspect/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issued/inspect/999999/"),
        V("L L L 200 404 200 404", "/admin/certificates/issued/inspect/{certificate}/"),
        V("L L L 404 200 200 404", "/admin/certificates/issued/inspect/{other_certificate}/"),
    ],
    "admin/certificates/issued/new/": [V("L L L D D D D", "/admin/certificates/issued/new/")],
    "admin/certificates/issued/results/": [
        V("L L L 200 200 200 D", "/admin/certificates/issued/results/")
    ],
    "admin/certificates/issued/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issued/usage/999999/")
    ],
    "admin/certificates/issuers/": [V("L L L D D 200 D", "/admin/certificates/issuers/")],
    "admin/certificates/issuers/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issuers/delete/999999/")
    ],
    "admin/certificates/issuers/edit/<int:pk>/": [
        V("L L L D D 404 D", "/admin/certificates/issuers/edit/999999/"),
        V("L L L D D 200 D", "/admin/certificates/issuers/edit/{issuer}/"),
    ],
    "admin/certificates/issuers/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issuers/history-results/999999/")
    ],
    "admin/certificates/issuers/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issuers/history/999999/")
    ],
    "admin/certificates/issuers/new/": [V("L L L D D 200 D", "/admin/certificates/issuers/new/")],
    "admin/certificates/issuers/results/": [
        V("L L L D D 200 D", "/admin/certificates/issuers/results/")
    ],
    "admin/certificates/issuers/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/issuers/usage/999999/")
    ],
    "admin/certificates/modules/": [V("L L L D D 200 D", "/admin/certificates/modules/")],
    "admin/certificates/modules/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/modules/delete/999999/")
    ],
    "admin/certificates/modules/edit/<int:pk>/": [
        V("L L L D D 404 D", "/admin/certificates/modules/edit/999999/"),
        V("L L L D D 200 D", "/admin/certificates/modules/edit/{rule}/"),
    ],
    "admin/certificates/modules/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/modules/history-results/999999/")
    ],
    "admin/certificates/modules/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/modules/history/999999/")
    ],
    "admin/certificates/modules/new/": [V("L L L D D 200 D", "/admin/certificates/modules/new/")],
    "admin/certificates/modules/results/": [
        V("L L L D D 200 D", "/admin/certificates/modules/results/")
    ],
    "admin/certificates/modules/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/certificates/modules/usage/999999/")
    ],
    "admin/choose-anchor-link/": [V("L L L 200 200 200 200", "/admin/choose-anchor-link/")],
    "admin/choose-email-link/": [V("L L L 200 200 200 200", "/admin/choose-email-link/")],
    "admin/choose-external-link/": [V("L L L 200 200 200 200", "/admin/choose-external-link/")],
    "admin/choose-page/": [V("L L L 200 200 200 200", "/admin/choose-page/")],
    "admin/choose-page/<int:parent_page_id>/": [
        V("L L L 200 200 200 200", "/admin/choose-page/{module}/")
    ],
    "admin/choose-page/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/choose-page/chosen-multiple/")
    ],
    "admin/choose-page/search/": [
        V("L L L 200 200 200 200", "/admin/choose-page/search/"),
        V("L L L 200 200 200 200", "/admin/choose-page/search/?q=Tap"),
    ],
    "admin/choose-phone-link/": [V("L L L 200 200 200 200", "/admin/choose-phone-link/")],
    "admin/collections/": [V("L L L D D D D", "/admin/collections/")],
    "admin/collections/<int:collection_id>/privacy/": [
        V("L L L 404 404 404 404", "/admin/collections/999999/privacy/")
    ],
    "admin/collections/<int:pk>/": [
        V("L L L D D D D", "/admin/collections/999999/"),
        V("L L L D D D D", "/admin/collections/{collection}/"),
    ],
    "admin/collections/<int:pk>/delete/": [
        V("L L L 404 404 404 404", "/admin/collections/999999/delete/")
    ],
    "admin/collections/add/": [V("L L L D D D D", "/admin/collections/add/")],
    "admin/dismissibles/": [V("L L L 200 200 200 200", "/admin/dismissibles/")],
    "admin/documents/": [V("L L L D D D 200", "/admin/documents/")],
    "admin/documents/add/": [V("L L L D D D 200", "/admin/documents/add/")],
    "admin/documents/chooser/": [V("L L L 200 200 200 200", "/admin/documents/chooser/")],
    "admin/documents/chooser/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/documents/chooser/chosen-multiple/")
    ],
    "admin/documents/chooser/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/documents/chooser/chosen/999999/")
    ],
    "admin/documents/chooser/create/": [V("L L L D D D 200", "/admin/documents/chooser/create/")],
    "admin/documents/chooser/results/": [
        V("L L L 200 200 200 200", "/admin/documents/chooser/results/")
    ],
    "admin/documents/delete/<int:document_id>/": [
        V("L L L 404 404 404 404", "/admin/documents/delete/999999/")
    ],
    "admin/documents/edit/<int:document_id>/": [
        V("L L L D D D 404", "/admin/documents/edit/999999/")
    ],
    "admin/documents/multiple/<int:doc_id>/": [
        V("L L L 405 405 405 405", "/admin/documents/multiple/999999/")
    ],
    "admin/documents/multiple/<int:doc_id>/delete/": [
        V("L L L 405 405 405 405", "/admin/documents/multiple/999999/delete/")
    ],
    "admin/documents/multiple/add/": [V("L L L D D D 200", "/admin/documents/multiple/add/")],
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": [
        V(
            "L L L 405 405 405 405",
            "/admin/documents/multiple/create_from_uploaded_document/999999/",
        )
    ],
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": [
        V("L L L 405 405 405 405", "/admin/documents/multiple/delete_upload/999999/")
    ],
    "admin/documents/results/": [V("L L L D D D 200", "/admin/documents/results/")],
    "admin/documents/usage/<int:document_id>/": [
        V("L L L 404 404 404 404", "/admin/documents/usage/999999/")
    ],
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": [
        V("L L L 405 405 405 405", "/admin/editing-sessions/ping/courses/modulepage/999999/999999/")
    ],
    "admin/editing-sessions/release/<int:session_id>/": [
        V("L L L 405 405 405 405", "/admin/editing-sessions/release/999999/")
    ],
    "admin/embeds/chooser/": [V("L L L 200 200 200 200", "/admin/embeds/chooser/")],
    "admin/embeds/chooser/upload/": [V("L L L 200 200 200 200", "/admin/embeds/chooser/upload/")],
    "admin/failwhale/": [V("L L L 500 500 500 500", "/admin/failwhale/")],
    "admin/forms/": [V("L L L D D D 200", "/admin/forms/")],
    "admin/forms/results/": [V("L L L D D D 200", "/admin/forms/results/")],
    "admin/forms/submissions/<int:page_id>/": [
        V("L L L 404 404 404 404", "/admin/forms/submissions/{module}/")
    ],
    "admin/forms/submissions/<int:page_id>/delete/": [
        V("L L L D D D D", "/admin/forms/submissions/{module}/delete/")
    ],
    "admin/forms/submissions/<int:page_id>/results/": [
        V("L L L 404 404 404 404", "/admin/forms/submissions/{module}/results/")
    ],
    "admin/groups/": [V("L L L D D D D", "/admin/groups/")],
    "admin/groups/delete/<int:pk>/": [V("L L L 404 404 404 404", "/admin/groups/delete/999999/")],
    "admin/groups/edit/<int:pk>/": [
        V("L L L D D D D", "/admin/groups/edit/999999/"),
        V("L L L D D D D", "/admin/groups/edit/{group}/"),
    ],
    "admin/groups/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/groups/history-results/999999/")
    ],
    "admin/groups/history/<int:pk>/": [V("L L L 404 404 404 404", "/admin/groups/history/999999/")],
    "admin/groups/new/": [V("L L L D D D D", "/admin/groups/new/")],
    "admin/groups/results/": [V("L L L D D D D", "/admin/groups/results/")],
    "admin/groups/usage/<int:pk>/": [V("L L L 404 404 404 404", "/admin/groups/usage/999999/")],
    "admin/images/": [V("L L L D D D 200", "/admin/images/")],
    "admin/images/<int:image_id>/": [V("L L L D D D 200", "/admin/images/{image}/")],
    "admin/images/<int:image_id>/delete/": [V("L L L D D D 200", "/admin/images/{image}/delete/")],
    "admin/images/<int:image_id>/generate_url/": [
        V("L L L D D D 404", "/admin/images/{image}/generate_url/")
    ],
    "admin/images/<int:image_id>/generate_url/output/": [
        V("L L L D D D 404", "/admin/images/{image}/generate_url/output/")
    ],
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": [
        V("L L L D D D 200", "/admin/images/{image}/preview/original/")
    ],
    "admin/images/add/": [V("L L L D D D 200", "/admin/images/add/")],
    "admin/images/chooser/": [V("L L L 200 200 200 200", "/admin/images/chooser/")],
    "admin/images/chooser/<int:image_id>/select_format/": [
        V("L L L D D D 200", "/admin/images/chooser/{image}/select_format/")
    ],
    "admin/images/chooser/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/images/chooser/chosen-multiple/")
    ],
    "admin/images/chooser/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/images/chooser/chosen/999999/")
    ],
    "admin/images/chooser/create/": [V("L L L D D D 200", "/admin/images/chooser/create/")],
    "admin/images/chooser/results/": [V("L L L 200 200 200 200", "/admin/images/chooser/results/")],
    "admin/images/multiple/<int:image_id>/": [
        V("L L L 405 405 405 405", "/admin/images/multiple/{image}/")
    ],
    "admin/images/multiple/<int:image_id>/delete/": [
        V("L L L 405 405 405 405", "/admin/images/multiple/{image}/delete/")
    ],
    "admin/images/multiple/add/": [V("L L L D D D 200", "/admin/images/multiple/add/")],
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": [
        V("L L L 405 405 405 405", "/admin/images/multiple/create_from_uploaded_image/999999/")
    ],
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": [
        V("L L L 405 405 405 405", "/admin/images/multiple/delete_upload/999999/")
    ],
    "admin/images/results/": [V("L L L D D D 200", "/admin/images/results/")],
    "admin/images/usage/<int:image_id>/": [V("L L L D D D 200", "/admin/images/usage/{image}/")],
    "admin/jsi18n/": [V("200 200 200 200 200 200 200", "/admin/jsi18n/")],
    "admin/login/": [V("200 200 200 D D D D", "/admin/login/")],
    "admin/logout/": [V("405 405 405 405 405 405 405", "/admin/logout/")],
    "admin/pages/": [V("L L L D D D R", "/admin/pages/")],
    "admin/pages/<int:page_id>/convert_alias/": [
        V("L L L 404 404 404 404", "/admin/pages/{module}/convert_alias/")
    ],
    "admin/pages/<int:page_id>/copy/": [V("L L L D D D 200", "/admin/pages/{module}/copy/")],
    "admin/pages/<int:page_id>/delete/": [V("L L L D D D D", "/admin/pages/{module}/delete/")],
    "admin/pages/<int:page_id>/edit/": [V("L L L D D D 200", "/admin/pages/{module}/edit/")],
    "admin/pages/<int:page_id>/edit/preview/": [
        V("L L L D D D 200", "/admin/pages/{module}/edit/preview/")
    ],
    "admin/pages/<int:page_id>/history/": [
        V("L L L D D D 200", "/admin/pages/{module}/history/"),
        V("L L L D D D 200", "/admin/pages/{module}/history/"),
    ],
    "admin/pages/<int:page_id>/history/results/": [
        V("L L L D D D 200", "/admin/pages/{module}/history/results/")
    ],
    "admin/pages/<int:page_id>/lock/": [V("L L L 405 405 405 405", "/admin/pages/{module}/lock/")],
    "admin/pages/<int:page_id>/privacy/": [V("L L L D D D D", "/admin/pages/{module}/privacy/")],
    "admin/pages/<int:page_id>/revisions/": [
        V("L L L R R R R", "/admin/pages/{module}/revisions/")
    ],
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": [
        V("L L L D D D 200", "/admin/pages/{module}/revisions/{revision}/revert/")
    ],
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": [
        V("L L L D D D D", "/admin/pages/{module}/revisions/{revision}/unschedule/")
    ],
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": [
        V("L L L D D D 200", "/admin/pages/{module}/revisions/{revision}/view/")
    ],
    "admin/pages/<int:page_id>/unlock/": [
        V("L L L 405 405 405 405", "/admin/pages/{module}/unlock/")
    ],
    "admin/pages/<int:page_id>/unpublish/": [
        V("L L L D D D D", "/admin/pages/{module}/unpublish/")
    ],
    "admin/pages/<int:page_id>/usage/": [V("L L L D D D 200", "/admin/pages/{module}/usage/")],
    "admin/pages/<int:page_id>/view_draft/": [
        V("L L L D D D 200", "/admin/pages/{module}/view_draft/")
    ],
    "admin/pages/<int:page_id>/workflow_history/": [
        V("L L L D D D 200", "/admin/pages/{module}/workflow_history/")
    ],
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": [
        V("L L L D D D 404", "/admin/pages/{module}/workflow_history/detail/999999/")
    ],
    "admin/pages/<int:page_to_move_id>/move/": [V("L L L D D D D", "/admin/pages/{module}/move/")],
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": [
        V("L L L D D D D", "/admin/pages/{module}/move/{module}/confirm/"),
        V("L L L D D D D", "/admin/pages/{lesson}/move/{programme}/confirm/"),
    ],
    "admin/pages/<int:page_to_move_id>/set_position/": [
        V("L L L 405 405 405 405", "/admin/pages/{module}/set_position/")
    ],
    "admin/pages/<int:parent_page_id>/": [V("L L L D D D 200", "/admin/pages/{module}/")],
    "admin/pages/<int:parent_page_id>/add_subpage/": [
        V("L L L D D D R", "/admin/pages/{module}/add_subpage/")
    ],
    "admin/pages/<int:parent_page_id>/results/": [
        V("L L L D D D 200", "/admin/pages/{module}/results/")
    ],
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": [
        V("L L L D D D 200", "/admin/pages/{module}/revisions/compare/earliest...latest/")
    ],
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": [
        V("L L L D D D D", "/admin/pages/add/courses/modulepage/{module}/")
    ],
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/": [
        V("L L L D D D 200", "/admin/pages/add/courses/modulepage/{module}/preview/")
    ],
    "admin/pages/create/<slug:app_label>/<slug:model_name>": [
        V("L L L 200 200 200 R", "/admin/pages/create/courses/modulepage")
    ],
    "admin/pages/search/": [V("L L L D D D 200", "/admin/pages/search/")],
    "admin/pages/search/results/": [V("L L L D D D 200", "/admin/pages/search/results/")],
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": [
        V("L L L D D D 200", "/admin/pages/usage/courses/modulepage/")
    ],
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": [
        V("L L L D D D 200", "/admin/pages/usage/courses/modulepage/results/")
    ],
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": [
        V("L L L 404 404 404 404", "/admin/pages/workflow/action/{module}/approve/999999/")
    ],
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/pages/workflow/collect_action_data/{module}/approve/999999/",
        )
    ],
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": [
        V("L L L 200 200 200 200", "/admin/pages/workflow/confirm_cancellation/{module}/")
    ],
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": [
        V("L L L 404 404 404 404", "/admin/pages/workflow/preview/{module}/999999/")
    ],
    "admin/password_reset/": [V("200 200 200 200 200 200 200", "/admin/password_reset/")],
    "admin/password_reset/complete/": [
        V("200 200 200 200 200 200 200", "/admin/password_reset/complete/")
    ],
    "admin/password_reset/confirm/<uidb64>/<token>/": [
        V("200 200 200 200 200 200 200", "/admin/password_reset/confirm/x/x/")
    ],
    "admin/password_reset/done/": [V("200 200 200 200 200 200 200", "/admin/password_reset/done/")],
    "admin/redirects/": [V("L L L D D D D", "/admin/redirects/")],
    "admin/redirects/<int:redirect_id>/": [V("L L L D D D D", "/admin/redirects/999999/")],
    "admin/redirects/<int:redirect_id>/delete/": [
        V("L L L 404 404 404 404", "/admin/redirects/999999/delete/")
    ],
    "admin/redirects/add/": [V("L L L D D D D", "/admin/redirects/add/")],
    "admin/redirects/import/": [V("L L L D D D D", "/admin/redirects/import/")],
    "admin/redirects/import/process/": [V("L L L D D D D", "/admin/redirects/import/process/")],
    "admin/redirects/results/": [V("L L L D D D D", "/admin/redirects/results/")],
    "admin/reports/aging-pages/": [V("L L L D D D 200", "/admin/reports/aging-pages/")],
    "admin/reports/aging-pages/results/": [
        V("L L L D D D 200", "/admin/reports/aging-pages/results/")
    ],
    "admin/reports/locked/": [V("L L L D D D D", "/admin/reports/locked/")],
    "admin/reports/locked/results/": [V("L L L D D D D", "/admin/reports/locked/results/")],
    "admin/reports/page-types-usage/": [V("L L L D D D 200", "/admin/reports/page-types-usage/")],
    "admin/reports/page-types-usage/results/": [
        V("L L L D D D 200", "/admin/reports/page-types-usage/results/")
    ],
    "admin/reports/site-history/": [
        V("L L L 200 200 200 200", "/admin/reports/site-history/"),
        V("L L L 200 200 200 200", "/admin/reports/site-history/?export=csv"),
        V("L L L 200 200 200 200", "/admin/reports/site-history/?export=xlsx"),
    ],
    "admin/reports/site-history/results/": [
        V("L L L 200 200 200 200", "/admin/reports/site-history/results/")
    ],
    "admin/reports/workflow/": [V("L L L D D D 200", "/admin/reports/workflow/")],
    "admin/reports/workflow/results/": [V("L L L D D D 200", "/admin/reports/workflow/results/")],
    "admin/reports/workflow_tasks/": [V("L L L D D D 200", "/admin/reports/workflow_tasks/")],
    "admin/reports/workflow_tasks/results/": [
        V("L L L D D D 200", "/admin/reports/workflow_tasks/results/")
    ],
    "admin/roster-import/": [V("L L L D D 200 D", "/admin/roster-import/")],
    "admin/roster-import/dry-run.csv": [
        V("L L L 404 404 R 404", "/admin/roster-import/dry-run.csv")
    ],
    "admin/roster-import/template/<str:kind>": [
        V("L L L 404 404 404 404", "/admin/roster-import/template/staff")
    ],
    "admin/settings/<slug:app_name>/<slug:model_name>/": [
        V("L L L 404 404 404 404", "/admin/settings/courses/modulepage/"),
        V("L L L D D D D", "/admin/settings/portal/portalsettings/"),
        V("L L L R R R R", "/admin/settings/training/remindersettings/"),
    ],
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/settings/courses/modulepage/999999/"),
        V("L L L D D D D", "/admin/settings/training/remindersettings/{reminder_settings}/"),
    ],
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": [
        V("L L L 404 404 404 404", "/admin/settings/courses/modulepage/999999/preview/")
    ],
    "admin/sites/": [V("L L L D D D D", "/admin/sites/")],
    "admin/sites/copy/<int:pk>/": [V("L L L D D D D", "/admin/sites/copy/999999/")],
    "admin/sites/delete/<int:pk>/": [V("L L L 404 404 404 404", "/admin/sites/delete/999999/")],
    "admin/sites/edit/<int:pk>/": [
        V("L L L D D D D", "/admin/sites/edit/999999/"),
        V("L L L D D D D", "/admin/sites/edit/{site}/"),
    ],
    "admin/sites/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/sites/history-results/999999/")
    ],
    "admin/sites/history/<int:pk>/": [V("L L L 404 404 404 404", "/admin/sites/history/999999/")],
    "admin/sites/new/": [V("L L L D D D D", "/admin/sites/new/")],
    "admin/sites/results/": [V("L L L D D D D", "/admin/sites/results/")],
    "admin/sites/usage/<int:pk>/": [V("L L L 404 404 404 404", "/admin/sites/usage/999999/")],
    "admin/snippets/": [V("L L L D D D D", "/admin/snippets/")],
    "admin/snippets/certificates/certificatetemplate/": [
        V("L L L D D 200 D", "/admin/snippets/certificates/certificatetemplate/")
    ],
    "admin/snippets/certificates/certificatetemplate/add/": [
        V("L L L D D 200 D", "/admin/snippets/certificates/certificatetemplate/add/")
    ],
    "admin/snippets/certificates/certificatetemplate/copy/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/certificates/certificatetemplate/copy/999999/")
    ],
    "admin/snippets/certificates/certificatetemplate/delete/<int:pk>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/snippets/certificates/certificatetemplate/delete/999999/",
        )
    ],
    "admin/snippets/certificates/certificatetemplate/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/certificates/certificatetemplate/edit/999999/"),
        V("L L L D D 200 D", "/admin/snippets/certificates/certificatetemplate/edit/{template}/"),
    ],
    "admin/snippets/certificates/certificatetemplate/history-results/<int:pk>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/snippets/certificates/certificatetemplate/history-results/999999/",
        )
    ],
    "admin/snippets/certificates/certificatetemplate/history/<int:pk>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/snippets/certificates/certificatetemplate/history/999999/",
        ),
        V(
            "L L L D D 200 D",
            "/admin/snippets/certificates/certificatetemplate/history/{template}/",
        ),
    ],
    "admin/snippets/certificates/certificatetemplate/preview/": [
        V("L L L D D 200 D", "/admin/snippets/certificates/certificatetemplate/preview/")
    ],
    "admin/snippets/certificates/certificatetemplate/preview/<int:pk>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/snippets/certificates/certificatetemplate/preview/999999/",
        )
    ],
    "admin/snippets/certificates/certificatetemplate/results/": [
        V("L L L D D 200 D", "/admin/snippets/certificates/certificatetemplate/results/")
    ],
    "admin/snippets/certificates/certificatetemplate/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/certificates/certificatetemplate/usage/999999/")
    ],
    "admin/snippets/choose/certificates/certificatetemplate/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/certificates/certificatetemplate/")
    ],
    "admin/snippets/choose/certificates/certificatetemplate/chosen-multiple/": [
        V(
            "L L L 200 200 200 200",
            "/admin/snippets/choose/certificates/certificatetemplate/chosen-multiple/",
        )
    ],
    "admin/snippets/choose/certificates/certificatetemplate/chosen/<str:pk>/": [
        V(
            "L L L 404 404 404 404",
            "/admin/snippets/choose/certificates/certificatetemplate/chosen/999999/",
        )
    ],
    "admin/snippets/choose/certificates/certificatetemplate/create/": [
        V("L L L D D 200 D", "/admin/snippets/choose/certificates/certificatetemplate/create/")
    ],
    "admin/snippets/choose/certificates/certificatetemplate/results/": [
        V(
            "L L L 200 200 200 200",
            "/admin/snippets/choose/certificates/certificatetemplate/results/",
        )
    ],
    "admin/snippets/choose/courses/criterion/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/criterion/")
    ],
    "admin/snippets/choose/courses/criterion/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/criterion/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/criterion/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/criterion/chosen/999999/")
    ],
    "admin/snippets/choose/courses/criterion/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/criterion/create/")
    ],
    "admin/snippets/choose/courses/criterion/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/criterion/results/")
    ],
    "admin/snippets/choose/courses/framework/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/framework/")
    ],
    "admin/snippets/choose/courses/framework/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/framework/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/framework/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/framework/chosen/999999/")
    ],
    "admin/snippets/choose/courses/framework/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/framework/create/")
    ],
    "admin/snippets/choose/courses/framework/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/framework/results/")
    ],
    "admin/snippets/choose/courses/grade/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/grade/")
    ],
    "admin/snippets/choose/courses/grade/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/grade/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/grade/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/grade/chosen/999999/")
    ],
    "admin/snippets/choose/courses/grade/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/grade/create/")
    ],
    "admin/snippets/choose/courses/grade/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/grade/results/")
    ],
    "admin/snippets/choose/courses/language/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/language/")
    ],
    "admin/snippets/choose/courses/language/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/language/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/language/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/language/chosen/999999/")
    ],
    "admin/snippets/choose/courses/language/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/language/create/")
    ],
    "admin/snippets/choose/courses/language/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/language/results/")
    ],
    "admin/snippets/choose/courses/licence/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/licence/")
    ],
    "admin/snippets/choose/courses/licence/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/licence/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/licence/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/licence/chosen/999999/")
    ],
    "admin/snippets/choose/courses/licence/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/licence/create/")
    ],
    "admin/snippets/choose/courses/licence/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/licence/results/")
    ],
    "admin/snippets/choose/courses/resourcetype/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/resourcetype/")
    ],
    "admin/snippets/choose/courses/resourcetype/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/resourcetype/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/resourcetype/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/resourcetype/chosen/999999/")
    ],
    "admin/snippets/choose/courses/resourcetype/create/": [
        V("L L L D D D 200", "/admin/snippets/choose/courses/resourcetype/create/")
    ],
    "admin/snippets/choose/courses/resourcetype/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/resourcetype/results/")
    ],
    "admin/snippets/choose/courses/schoollevel/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/schoollevel/")
    ],
    "admin/snippets/choose/courses/schoollevel/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/schoollevel/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/schoollevel/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/schoollevel/chosen/999999/")
    ],
    "admin/snippets/choose/courses/schoollevel/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/schoollevel/create/")
    ],
    "admin/snippets/choose/courses/schoollevel/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/schoollevel/results/")
    ],
    "admin/snippets/choose/courses/standard/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/standard/")
    ],
    "admin/snippets/choose/courses/standard/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/standard/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/standard/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/standard/chosen/999999/")
    ],
    "admin/snippets/choose/courses/standard/create/": [
        V("L L L D D D D", "/admin/snippets/choose/courses/standard/create/")
    ],
    "admin/snippets/choose/courses/standard/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/standard/results/")
    ],
    "admin/snippets/choose/courses/subject/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/subject/")
    ],
    "admin/snippets/choose/courses/subject/chosen-multiple/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/subject/chosen-multiple/")
    ],
    "admin/snippets/choose/courses/subject/chosen/<str:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/choose/courses/subject/chosen/999999/")
    ],
    "admin/snippets/choose/courses/subject/create/": [
        V("L L L D D D 200", "/admin/snippets/choose/courses/subject/create/")
    ],
    "admin/snippets/choose/courses/subject/results/": [
        V("L L L 200 200 200 200", "/admin/snippets/choose/courses/subject/results/")
    ],
    "admin/snippets/courses/criterion/": [
        V("L L L D D D 200", "/admin/snippets/courses/criterion/")
    ],
    "admin/snippets/courses/criterion/add/": [
        V("L L L D D D D", "/admin/snippets/courses/criterion/add/")
    ],
    "admin/snippets/courses/criterion/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/criterion/delete/999999/")
    ],
    "admin/snippets/courses/criterion/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/criterion/edit/999999/")
    ],
    "admin/snippets/courses/criterion/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/criterion/history-results/999999/")
    ],
    "admin/snippets/courses/criterion/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/criterion/history/999999/")
    ],
    "admin/snippets/courses/criterion/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/criterion/results/")
    ],
    "admin/snippets/courses/criterion/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/criterion/usage/999999/")
    ],
    "admin/snippets/courses/framework/": [
        V("L L L D D D 200", "/admin/snippets/courses/framework/")
    ],
    "admin/snippets/courses/framework/add/": [
        V("L L L D D D D", "/admin/snippets/courses/framework/add/")
    ],
    "admin/snippets/courses/framework/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/framework/delete/999999/")
    ],
    "admin/snippets/courses/framework/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/framework/edit/999999/")
    ],
    "admin/snippets/courses/framework/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/framework/history-results/999999/")
    ],
    "admin/snippets/courses/framework/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/framework/history/999999/")
    ],
    "admin/snippets/courses/framework/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/framework/results/")
    ],
    "admin/snippets/courses/framework/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/framework/usage/999999/")
    ],
    "admin/snippets/courses/grade/": [V("L L L D D D 200", "/admin/snippets/courses/grade/")],
    "admin/snippets/courses/grade/add/": [V("L L L D D D D", "/admin/snippets/courses/grade/add/")],
    "admin/snippets/courses/grade/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/grade/delete/999999/")
    ],
    "admin/snippets/courses/grade/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/grade/edit/999999/")
    ],
    "admin/snippets/courses/grade/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/grade/history-results/999999/")
    ],
    "admin/snippets/courses/grade/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/grade/history/999999/")
    ],
    "admin/snippets/courses/grade/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/grade/results/")
    ],
    "admin/snippets/courses/grade/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/grade/usage/999999/")
    ],
    "admin/snippets/courses/language/": [V("L L L D D D 200", "/admin/snippets/courses/language/")],
    "admin/snippets/courses/language/add/": [
        V("L L L D D D D", "/admin/snippets/courses/language/add/")
    ],
    "admin/snippets/courses/language/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/language/delete/999999/")
    ],
    "admin/snippets/courses/language/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/language/edit/999999/")
    ],
    "admin/snippets/courses/language/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/language/history-results/999999/")
    ],
    "admin/snippets/courses/language/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/language/history/999999/")
    ],
    "admin/snippets/courses/language/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/language/results/")
    ],
    "admin/snippets/courses/language/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/language/usage/999999/")
    ],
    "admin/snippets/courses/licence/": [V("L L L D D D 200", "/admin/snippets/courses/licence/")],
    "admin/snippets/courses/licence/add/": [
        V("L L L D D D D", "/admin/snippets/courses/licence/add/")
    ],
    "admin/snippets/courses/licence/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/licence/delete/999999/")
    ],
    "admin/snippets/courses/licence/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/licence/edit/999999/")
    ],
    "admin/snippets/courses/licence/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/licence/history-results/999999/")
    ],
    "admin/snippets/courses/licence/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/licence/history/999999/")
    ],
    "admin/snippets/courses/licence/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/licence/results/")
    ],
    "admin/snippets/courses/licence/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/licence/usage/999999/")
    ],
    "admin/snippets/courses/resourcetype/": [
        V("L L L D D D 200", "/admin/snippets/courses/resourcetype/")
    ],
    "admin/snippets/courses/resourcetype/add/": [
        V("L L L D D D 200", "/admin/snippets/courses/resourcetype/add/")
    ],
    "admin/snippets/courses/resourcetype/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/resourcetype/delete/999999/")
    ],
    "admin/snippets/courses/resourcetype/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/resourcetype/edit/999999/")
    ],
    "admin/snippets/courses/resourcetype/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/resourcetype/history-results/999999/")
    ],
    "admin/snippets/courses/resourcetype/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/resourcetype/history/999999/")
    ],
    "admin/snippets/courses/resourcetype/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/resourcetype/results/")
    ],
    "admin/snippets/courses/resourcetype/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/resourcetype/usage/999999/")
    ],
    "admin/snippets/courses/schoollevel/": [
        V("L L L D D D 200", "/admin/snippets/courses/schoollevel/")
    ],
    "admin/snippets/courses/schoollevel/add/": [
        V("L L L D D D D", "/admin/snippets/courses/schoollevel/add/")
    ],
    "admin/snippets/courses/schoollevel/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/schoollevel/delete/999999/")
    ],
    "admin/snippets/courses/schoollevel/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/schoollevel/edit/999999/")
    ],
    "admin/snippets/courses/schoollevel/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/schoollevel/history-results/999999/")
    ],
    "admin/snippets/courses/schoollevel/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/schoollevel/history/999999/")
    ],
    "admin/snippets/courses/schoollevel/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/schoollevel/results/")
    ],
    "admin/snippets/courses/schoollevel/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/schoollevel/usage/999999/")
    ],
    "admin/snippets/courses/standard/": [V("L L L D D D 200", "/admin/snippets/courses/standard/")],
    "admin/snippets/courses/standard/add/": [
        V("L L L D D D D", "/admin/snippets/courses/standard/add/")
    ],
    "admin/snippets/courses/standard/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/standard/delete/999999/")
    ],
    "admin/snippets/courses/standard/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/standard/edit/999999/")
    ],
    "admin/snippets/courses/standard/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/standard/history-results/999999/")
    ],
    "admin/snippets/courses/standard/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/standard/history/999999/")
    ],
    "admin/snippets/courses/standard/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/standard/results/")
    ],
    "admin/snippets/courses/standard/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/standard/usage/999999/")
    ],
    "admin/snippets/courses/subject/": [V("L L L D D D 200", "/admin/snippets/courses/subject/")],
    "admin/snippets/courses/subject/add/": [
        V("L L L D D D 200", "/admin/snippets/courses/subject/add/")
    ],
    "admin/snippets/courses/subject/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/subject/delete/999999/"),
        V("L L L D D D D", "/admin/snippets/courses/subject/delete/{subject}/"),
    ],
    "admin/snippets/courses/subject/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/subject/edit/999999/"),
        V("L L L D D D 200", "/admin/snippets/courses/subject/edit/{subject}/"),
    ],
    "admin/snippets/courses/subject/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/subject/history-results/999999/")
    ],
    "admin/snippets/courses/subject/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/subject/history/999999/"),
        V("L L L D D D 200", "/admin/snippets/courses/subject/history/{subject}/"),
    ],
    "admin/snippets/courses/subject/results/": [
        V("L L L D D D 200", "/admin/snippets/courses/subject/results/")
    ],
    "admin/snippets/courses/subject/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/snippets/courses/subject/usage/999999/")
    ],
    "admin/sprite/": [V("200 200 200 200 200 200 200", "/admin/sprite/")],
    "admin/staff/": [
        V("L L L 200 200 200 D", "/admin/staff/"),
        V("L L L 200 200 200 D", "/admin/staff/?export=csv"),
        V("L L L 200 200 200 D", "/admin/staff/?export=xlsx"),
    ],
    "admin/staff/delete/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/staff/delete/999999/"),
        V("L L L 404 D D 404", "/admin/staff/delete/{other_teacher_profile}/"),
    ],
    "admin/staff/edit/<int:pk>/": [
        V("L L L D D 404 D", "/admin/staff/edit/999999/"),
        V("L L L D D 200 D", "/admin/staff/edit/{teacher_profile}/"),
        V("L L L D D 200 D", "/admin/staff/edit/{other_teacher_profile}/"),
    ],
    "admin/staff/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/staff/history-results/999999/"),
        V("L L L 404 D 200 404", "/admin/staff/history-results/{other_teacher_profile}/"),
    ],
    "admin/staff/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/staff/history/999999/"),
        V("L L L D 404 200 404", "/admin/staff/history/{teacher_profile}/"),
        V("L L L 404 D 200 404", "/admin/staff/history/{other_teacher_profile}/"),
    ],
    "admin/staff/inspect/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/staff/inspect/999999/"),
        V("L L L 200 404 200 404", "/admin/staff/inspect/{teacher_profile}/"),
        V("L L L 404 200 200 404", "/admin/staff/inspect/{other_teacher_profile}/"),
    ],
    "admin/staff/new/": [V("L L L D D 200 D", "/admin/staff/new/")],
    "admin/staff/results/": [V("L L L 200 200 200 D", "/admin/staff/results/")],
    "admin/staff/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/staff/usage/999999/"),
        V("L L L 404 D 200 404", "/admin/staff/usage/{other_teacher_profile}/"),
    ],
    "admin/tag-autocomplete/": [
        V("L L L 200 200 200 200", "/admin/tag-autocomplete/"),
        V("L L L 200 200 200 200", "/admin/tag-autocomplete/?term=a"),
    ],
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": [
        V("L L L 404 404 404 404", "/admin/tag-autocomplete/courses/modulepage/")
    ],
    "admin/test404/": [V("L L L 200 200 200 200", "/admin/test404/")],
    "admin/training-reports/behind/": [V("L L L 200 200 200 D", "/admin/training-reports/behind/")],
    "admin/training-reports/behind/results/": [
        V("L L L 200 200 200 D", "/admin/training-reports/behind/results/")
    ],
    "admin/training-reports/completion/": [
        V("L L L 200 200 200 D", "/admin/training-reports/completion/")
    ],
    "admin/training-reports/completion/results/": [
        V("L L L 200 200 200 D", "/admin/training-reports/completion/results/")
    ],
    "admin/training-reports/modules/": [
        V("L L L 200 200 200 D", "/admin/training-reports/modules/")
    ],
    "admin/training-reports/modules/results/": [
        V("L L L 200 200 200 D", "/admin/training-reports/modules/results/")
    ],
    "admin/training-reports/programmes/": [
        V("L L L 200 200 200 D", "/admin/training-reports/programmes/")
    ],
    "admin/training-reports/programmes/results/": [
        V("L L L 200 200 200 D", "/admin/training-reports/programmes/results/")
    ],
    "admin/training-reports/teachers/": [
        V("L L L 200 200 200 D", "/admin/training-reports/teachers/"),
        V("L L L 200 200 200 D", "/admin/training-reports/teachers/?export=csv"),
    ],
    "admin/training-reports/teachers/results/": [
        V("L L L 200 200 200 D", "/admin/training-reports/teachers/results/")
    ],
    "admin/training/": [V("L L L 200 200 200 D", "/admin/training/")],
    "admin/training/assign/": [V("L L L 200 200 200 D", "/admin/training/assign/")],
    "admin/training/close-year/": [V("L L L 200 200 200 D", "/admin/training/close-year/")],
    "admin/training/person/<int:pk>/": [
        V("L L L 404 404 404 D", "/admin/training/person/999999/"),
        V("L L L 200 404 200 D", "/admin/training/person/{teacher}/"),
        V("L L L 404 200 200 D", "/admin/training/person/{other_teacher}/"),
        V("L L L 404 200 200 D", "/admin/training/person/{other_manager}/"),
    ],
    "admin/training/plan/<int:pk>/": [
        V("L L L 404 404 404 D", "/admin/training/plan/999999/"),
        V("L L L 200 404 200 D", "/admin/training/plan/{plan}/"),
        V("L L L 404 200 200 D", "/admin/training/plan/{other_plan}/"),
    ],
    "admin/training/record/<int:pk>/": [
        V("L L L 404 404 404 D", "/admin/training/record/999999/"),
        V("L L L 200 404 200 D", "/admin/training/record/{record}/"),
        V("L L L 404 200 200 D", "/admin/training/record/{other_record}/"),
    ],
    "admin/training/targets/": [V("L L L 200 200 200 D", "/admin/training/targets/")],
    "admin/units/": [
        V("L L L 200 200 200 D", "/admin/units/"),
        V("L L L 200 200 200 D", "/admin/units/?export=csv"),
    ],
    "admin/units/delete/<int:pk>/": [V("L L L 404 404 404 404", "/admin/units/delete/999999/")],
    "admin/units/edit/<int:pk>/": [
        V("L L L D D 404 D", "/admin/units/edit/999999/"),
        V("L L L D D 200 D", "/admin/units/edit/{other_school}/"),
    ],
    "admin/units/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/units/history-results/999999/")
    ],
    "admin/units/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/units/history/999999/"),
        V("L L L 404 D 200 404", "/admin/units/history/{other_school}/"),
    ],
    "admin/units/inspect/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/units/inspect/999999/"),
        V("L L L 200 404 200 404", "/admin/units/inspect/{school}/"),
        V("L L L 404 200 200 404", "/admin/units/inspect/{other_school}/"),
    ],
    "admin/units/new/": [V("L L L D D 200 D", "/admin/units/new/")],
    "admin/units/results/": [V("L L L 200 200 200 D", "/admin/units/results/")],
    "admin/units/usage/<int:pk>/": [V("L L L 404 404 404 404", "/admin/units/usage/999999/")],
    "admin/users/": [V("L L L D D D D", "/admin/users/")],
    "admin/users/copy/<int:pk>/": [V("L L L D D D D", "/admin/users/copy/999999/")],
    "admin/users/delete/<int:pk>/": [V("L L L 404 404 404 404", "/admin/users/delete/999999/")],
    "admin/users/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/users/edit/999999/"),
        V("L L L D D D D", "/admin/users/edit/{other_manager}/"),
    ],
    "admin/users/history-results/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/users/history-results/999999/")
    ],
    "admin/users/history/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/users/history/999999/"),
        V("L L L D D D D", "/admin/users/history/{other_teacher}/"),
    ],
    "admin/users/new/": [V("L L L D D D D", "/admin/users/new/")],
    "admin/users/results/": [V("L L L D D D D", "/admin/users/results/")],
    "admin/users/usage/<int:pk>/": [V("L L L 404 404 404 404", "/admin/users/usage/999999/")],
    "admin/workflows/add/": [V("L L L D D D D", "/admin/workflows/add/")],
    "admin/workflows/disable/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/workflows/disable/999999/")
    ],
    "admin/workflows/edit/<int:pk>/": [V("L L L D D D D", "/admin/workflows/edit/999999/")],
    "admin/workflows/enable/<int:pk>/": [
        V("L L L 405 405 405 405", "/admin/workflows/enable/999999/")
    ],
    "admin/workflows/list/": [V("L L L D D D D", "/admin/workflows/list/")],
    "admin/workflows/list/results/": [V("L L L D D D D", "/admin/workflows/list/results/")],
    "admin/workflows/remove/<int:page_pk>/": [
        V("L L L 405 405 405 405", "/admin/workflows/remove/{module}/")
    ],
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": [
        V("L L L 405 405 405 405", "/admin/workflows/remove/{module}/999999/")
    ],
    "admin/workflows/task_chooser/": [V("L L L 200 200 200 200", "/admin/workflows/task_chooser/")],
    "admin/workflows/task_chooser/<int:task_id>/": [
        V("L L L 404 404 404 404", "/admin/workflows/task_chooser/999999/")
    ],
    "admin/workflows/task_chooser/create/": [
        V("L L L 200 200 200 200", "/admin/workflows/task_chooser/create/")
    ],
    "admin/workflows/task_chooser/results/": [
        V("L L L 200 200 200 200", "/admin/workflows/task_chooser/results/")
    ],
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": [
        V("L L L 404 404 404 404", "/admin/workflows/tasks/add/courses/modulepage/")
    ],
    "admin/workflows/tasks/disable/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/workflows/tasks/disable/999999/")
    ],
    "admin/workflows/tasks/edit/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/workflows/tasks/edit/999999/")
    ],
    "admin/workflows/tasks/enable/<int:pk>/": [
        V("L L L 405 405 405 405", "/admin/workflows/tasks/enable/999999/")
    ],
    "admin/workflows/tasks/index/": [V("L L L D D D D", "/admin/workflows/tasks/index/")],
    "admin/workflows/tasks/index/results/": [
        V("L L L D D D D", "/admin/workflows/tasks/index/results/")
    ],
    "admin/workflows/tasks/select_type/": [
        V("L L L D D D D", "/admin/workflows/tasks/select_type/")
    ],
    "admin/workflows/usage/<int:pk>/": [
        V("L L L 404 404 404 404", "/admin/workflows/usage/999999/")
    ],
    "admin/workflows/usage/<int:pk>/results/": [
        V("L L L 404 404 404 404", "/admin/workflows/usage/999999/results/")
    ],
    "admin/yearly-report/": [V("L L L 200 200 200 D", "/admin/yearly-report/")],
    "admin/yearly-report/^received/(?P<pk>[0-9]+)/(?P<kind>pdf|xlsx)/$": [
        V("L L L 200 404 200 D", "/admin/yearly-report/received/{submission}/pdf/"),
        V("L L L 404 200 200 D", "/admin/yearly-report/received/{other_submission}/xlsx/"),
    ],
    "admin/yearly-report/deadlines/": [V("L L L 200 200 200 D", "/admin/yearly-report/deadlines/")],
    "admin/yearly-report/received/": [V("L L L 200 200 200 D", "/admin/yearly-report/received/")],
    "admin/yearly-report/received/<int:pk>/": [
        V("L L L 404 404 404 D", "/admin/yearly-report/received/999999/"),
        V("L L L 200 404 200 D", "/admin/yearly-report/received/{submission}/"),
        V("L L L 404 200 200 D", "/admin/yearly-report/received/{other_submission}/"),
    ],
    "admin/yearly-report/received/results/": [
        V("L L L 200 200 200 D", "/admin/yearly-report/received/results/")
    ],
}


def _patterns(resolver: URLResolver, prefix: str = ""):
    for item in resolver.url_patterns:
        route = prefix + str(item.pattern)
        if isinstance(item, URLResolver):
            yield from _patterns(item, route)
        else:
            yield route, item


def admin_addresses() -> set[str]:
    return {route for route, _item in _patterns(get_resolver()) if route.startswith("admin/")}


def test_every_admin_address_has_expectations(db):
    addresses = admin_addresses()
    missing = sorted(addresses - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - addresses)
    assert not missing, f"Admin addresses without expectations (add them to EXPECTED): {missing}"
    assert not stale, f"Expectations for addresses that no longer exist: {stale}"


def test_every_visit_has_an_expectation_for_every_role():
    for address, visits in EXPECTED.items():
        for visit in visits:
            assert len(visit.statuses.split()) == len(ROLES), address


@pytest.fixture(scope="module")
def admin_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for every role's visits, rolled back when the module ends."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, CERTIFICATES_PUBLIC_URL="https://hoctap.example.vn"),
        transaction.atomic(),
    ):
        cache.clear()
        yield build_admin_world()
        transaction.set_rollback(True)


def _status(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"].split("?")[0]
        if location.endswith(("/admin/login/", "/dang-nhap/")):
            return "L"
        if location == "/admin/":
            return "D"
        return "R"
    return str(response.status_code)


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith(("text/html", "text/csv", "application/json")):
        return content.decode("utf-8", errors="replace")
    return ""


#: What each school's manager must never find on a page or in an export they get.
NOT_THEIRS = {"manager": FOREIGN_MARKS, "other_manager": OWN_MARKS}


@pytest.mark.parametrize("role", ROLES)
def test_admin_access_matrix(admin_world, db, role):
    """One browser per role (its session kept however a visit ends it); every visit in a
    savepoint rolled back afterwards."""
    person = admin_world.w.person(role)
    client = Client(raise_request_exception=False)
    session = None
    if person is not None:
        client.force_login(person)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
    mismatches, leaks, own_seen = [], [], False
    for address, visits in sorted(EXPECTED.items()):
        for visit in visits:
            url = visit.url.format(**admin_world.ids)
            if session is not None:
                client.cookies[settings.SESSION_COOKIE_NAME] = session
            with transaction.atomic():
                response = client.get(url)
                body = _body(response) if role in NOT_THEIRS else ""
                transaction.set_rollback(True)
            status = _status(response)
            if status != visit.expected(role):
                mismatches.append(
                    f"{url} ({address}): expected {visit.expected(role)}, got {status}"
                )
            if status == "200":
                own_seen = own_seen or "GV001" in body
                leaks += [f"{url}: {mark}" for mark in NOT_THEIRS.get(role, ()) if mark in body]
    assert not mismatches, f"As {role}:\n" + "\n".join(mismatches)
    assert not leaks, f"As {role}, another school's people on pages one gets:\n" + "\n".join(leaks)
    if role == "manager":
        assert own_seen, "the check reads the pages: the manager's own teacher is on some"
