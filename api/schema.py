"""OpenAPI schema hooks (drf-spectacular): the public schema describes the public API only,
not the Wagtail admin's internal endpoints that also use DRF.
"""


def public_api_only(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
