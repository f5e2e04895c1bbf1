"""Headless preview: one draft, rendered exactly as the public API renders live content, for
whoever holds a signed, expiring token (cms/scheduling/preview.py). Never cached, never listed.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from cms.models import EventPage, GuidePage, Resource, StoryPage
from cms.scheduling.preview import PreviewTokenError, preview_token_resolve

from .base import PublicAPIView, described
from .guides import guide_chapters
from .locales import ContentLocale
from .params import ParameterError
from .selectors import set_hours_state
from .serializers import EventSerializer, GuideSerializer, ResourceSerializer
from .throttling import ReadThrottle


def preview_data(draft, request):
    """``(type, data)`` for a draft resource, guide, event or story, as the API would serve it."""
    code = draft.locale.language_code
    draft.served_locale = code
    context = {"request": request, "locale": code}
    with translation.override(code):
        if isinstance(draft, Resource):
            set_hours_state(draft, timezone.now())
            return "resource", ResourceSerializer(draft, context=context).data
        if isinstance(draft, GuidePage):
            draft.served_page = draft
            chapters = guide_chapters(
                draft, content_locale=ContentLocale.resolve(code), request=request
            )
            return "guide", GuideSerializer(draft, context={**context, "chapters": chapters}).data
        if isinstance(draft, EventPage):
            draft.served_page = draft
            return "event", EventSerializer(draft, context=context).data
        if isinstance(draft, StoryPage):
            from .stories.views import story_detail

            draft.served_page = draft
            content_locale = ContentLocale.resolve(code)
            return "story", story_detail(
                draft, request=request, locale=code, content_locale=content_locale
            )
    raise NotFound(_("This kind of content has no preview."))


class PreviewView(PublicAPIView):
    throttle_classes = [ReadThrottle]

    @described(
        parameters=[
            OpenApiParameter(
                "token",
                {"type": "string", "minLength": 1},
                required=True,
                description="Preview token.",
            )
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="The draft, as served live."),
            400: OpenApiResponse(OpenApiTypes.OBJECT, description="Missing token."),
            403: OpenApiResponse(OpenApiTypes.OBJECT, description="Expired or forged token."),
            429: OpenApiResponse(OpenApiTypes.OBJECT, description="Too many requests."),
        },
        summary="Preview one draft through a signed, expiring token",
        operation_id="preview_retrieve",
    )
    def get(self, request):
        token = request.query_params.get("token", "")
        if not token:
            raise ParameterError({"token": {"message": str(_("A preview token is required."))}})
        try:
            draft = preview_token_resolve(token)
        except PreviewTokenError as error:
            return Response(
                {"detail": str(error)}, status=403, headers={"Cache-Control": "no-store"}
            )
        kind, data = preview_data(draft, request)
        return Response(
            {"type": kind, "preview": True, "data": data},
            headers={"Cache-Control": "private, no-store"},
        )
