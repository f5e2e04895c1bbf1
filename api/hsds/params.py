"""Query parameters of the HSDS API, validated before any query runs (a bad value is a 400
naming the parameter, as in the rest of the API)."""

from rest_framework import serializers

from api.params import MAX_PAGE, ParameterError
from cms.conf import roadcase_setting


class HsdsParams(serializers.Serializer):
    @classmethod
    def parse(cls, request):
        serializer = cls(data=request.query_params)
        if not serializer.is_valid():
            raise ParameterError(
                {
                    name: {"message": " ".join(str(m) for m in messages)}
                    for name, messages in serializer.errors.items()
                }
            )
        return dict(serializer.validated_data)


class PageParams(HsdsParams):
    search = serializers.CharField(required=False, max_length=200, allow_blank=True)
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, default=1)
    per_page = serializers.IntegerField(required=False, min_value=1)
    format = serializers.ChoiceField(required=False, choices=["json"])

    def validate_per_page(self, value):
        return min(value, roadcase_setting("API_MAX_PAGE_SIZE"))


class ServiceListParams(PageParams):
    taxonomy_term_id = serializers.UUIDField(required=False, format="hex_verbose")
    taxonomy_id = serializers.UUIDField(required=False, format="hex_verbose")
    organization_id = serializers.UUIDField(required=False, format="hex_verbose")
    modified_after = serializers.DateTimeField(required=False)
    minimal = serializers.BooleanField(required=False, default=False)
    full = serializers.BooleanField(required=False, default=False)


class OrganizationListParams(PageParams):
    full = serializers.BooleanField(required=False, default=False)
    full_service = serializers.BooleanField(required=False, default=False)


class OrganizationParams(HsdsParams):
    full_service = serializers.BooleanField(required=False, default=False)


class TaxonomyTermListParams(PageParams):
    taxonomy_id = serializers.UUIDField(required=False, format="hex_verbose")
    parent_id = serializers.CharField(required=False)
    top_only = serializers.BooleanField(required=False, default=False)
