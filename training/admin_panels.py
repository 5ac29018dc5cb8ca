"""The manager's front door: a panel on the admin home saying what waits for their decision
in their reach, with links to the queues."""

from wagtail.admin.ui.components import Component

from training.review_selectors import pending_reviews


class PendingReviewsPanel(Component):
    name = "training_pending_reviews"
    template_name = "training/admin/home_pending.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        return {
            "pending": pending_reviews(user),
            "can_review_records": user.has_perm("training.review_trainingrecord"),
            "can_report": user.has_perm("training.view_yearsummary"),
        }
