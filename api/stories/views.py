"""The story endpoints: thin views over ``selectors`` and ``serializers`` (see api/views.py for
the caching, conditional and locale handling every endpoint shares)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from .. import selectors as shared
from ..base import described
from ..guides import block_data
from ..views import ERROR_RESPONSES, ContentView, list_envelope, paginate
from . import selectors
from .params import StoryDetailParams, StoryListParams
from .serializers import StorySerializer, StorySummarySerializer


class StoryListView(ContentView):
    """Live stories, newest first, without their text."""

    params_class = StoryListParams

    @described(
        parameters=[StoryListParams],
        responses={200: list_envelope("StoryList", StorySummarySerializer), **ERROR_RESPONSES},
        summary="Stories from the community",
        operation_id="stories_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        content_locale = params["content_locale"]
        stories = selectors.story_search(params=params)
        items, envelope = paginate(
            request,
            params,
            params_class=self.params_class,
            select=lambda offset, size: shared.page_ids(stories, offset, size),
            load=shared.narrowed(stories),
        )
        stories = selectors.localize_stories(items, content_locale)
        context = {"request": request, "locale": params["locale"]}
        envelope["results"] = StorySummarySerializer(stories, many=True, context=context).data
        return envelope


class StoryDetailView(ContentView):
    """One story: its content notes first, its text as typed blocks, its related resources,
    and the visitor's emergency numbers and crisis lines (``?country=``; the worldwide lines
    without it)."""

    params_class = StoryDetailParams
    # The crisis lines and resources show "open now".
    time_sensitive = True

    @described(
        parameters=[StoryDetailParams],
        responses={200: StorySerializer, **ERROR_RESPONSES},
        summary="One story, with the visitor's crisis lines",
        operation_id="stories_retrieve",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params, slug):
        content_locale = params["content_locale"]
        story = selectors.story_get(slug=slug, content_locale=content_locale)
        if story is None:
            raise NotFound(_("No live story has this slug."))
        [story] = selectors.localize_stories([story], content_locale)
        return story_detail(
            story,
            request=request,
            locale=params["locale"],
            content_locale=content_locale,
            country=params.get("country"),
        )


def story_detail(story, *, request, locale, content_locale, country=None):
    """A story as the detail endpoint serves it (a headless preview of a draft too): its blocks,
    its live related resources, and the crisis lines of ``country`` (worldwide ones without)."""
    base_url = request.build_absolute_uri("/")
    context = {"request": request, "locale": locale}
    context.update(
        body=[
            block_data(block, base_url=base_url, resources={}, context=context)
            for block in story.body
        ],
        resources=selectors.story_resources(story, content_locale),
        crisis_country=shared.country_get(country) if country else None,
        crisis_lines=shared.crisis_lines(country_code=country or "", content_locale=content_locale),
    )
    return StorySerializer(story, context=context).data
