from rest_framework import serializers

from training.api.serializers import UnitRefSerializer


class MeUnitSerializer(UnitRefSerializer):
    class Meta(UnitRefSerializer.Meta):
        fields = [*UnitRefSerializer.Meta.fields, "depth"]


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    staff_code = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField(allow_blank=True)
    unit = MeUnitSerializer(allow_null=True)
    position = serializers.CharField(allow_blank=True)
    school_level = serializers.CharField(allow_blank=True)
    subjects = serializers.CharField(allow_blank=True)
    roles = serializers.ListField(child=serializers.CharField(), help_text="Your roles (groups).")
    permissions = serializers.ListField(
        child=serializers.CharField(),
        help_text="What your roles allow, as app_label.codename (training, certificates, courses).",
    )
    units_in_reach = MeUnitSerializer(
        many=True, help_text="The units you manage: yours and every unit below it."
    )
    language = serializers.CharField(help_text="The language of the API's messages to you.")
