"""My notifications in the API: /api/v1/notifications/ lists one's own (unread first), and
marks one or all of them read. Anybody else's id is a 404. Title and body are written in the
request's language (Accept-Language or the site's language)."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.decorators import action

from training.api.views import ApiViewSet
from training.models import Notification
from training.reminders.messages import message_of
from training.reminders.selectors import notifications_of
from training.reminders.services import notification_mark_read, notifications_mark_all_read


class NotificationSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    read = serializers.BooleanField(source="is_read", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "link", "params", "created_at", "read", "read_at"]
        read_only_fields = fields

    def get_title(self, notification) -> str:
        return message_of(notification).title

    def get_body(self, notification) -> str:
        return message_of(notification).body


class ReadAllSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications were unread.")


class NotificationFilter(django_filters.FilterSet):
    read = django_filters.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", exclude=True, label="Read (true) or unread"
    )

    class Meta:
        model = Notification
        fields = ["kind"]


@extend_schema_view(
    list=extend_schema(summary="My notifications, unread first"),
    retrieve=extend_schema(summary="One of my notifications"),
)
class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return notifications_of(self.request.user)

    @extend_schema(summary="Mark one of my notifications read", request=None)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = notification_mark_read(
            notification=self.get_object(), acting_user=request.user
        )
        return self.output(NotificationSerializer, notification)

    @extend_schema(
        summary="Mark all my notifications read", request=None, responses=ReadAllSerializer
    )
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        return self.output(
            ReadAllSerializer, {"marked": notifications_mark_all_read(acting_user=request.user)}
        )


ROUTES = [("notifications", NotificationViewSet, "notification")]
