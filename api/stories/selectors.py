"""Reads behind the story endpoints and the public pages that list stories: live, public,
default-locale stories to filter, and the requested locale laid over them."""

from cms.models import StoryPage, Topic

from ..selectors import localize_pages, resources_by_key

STORY_FIELDS = ("title", "standfirst", "body", "pseudonym", "portrait_alt")


def story_queryset(content_locale):
    """Live, public default-locale stories, newest first."""
    return (
        StoryPage.objects.live()
        .public()
        .filter(locale_id=content_locale.default_locale_id)
        .select_related("teller_country", "portrait")
        .prefetch_related("topics")
        .order_by("-first_published_at", "-pk")
    )


def story_search(*, params):
    """Stories matching the validated list parameters (topic, role, the teller's country)."""
    content_locale = params["content_locale"]
    queryset = story_queryset(content_locale)
    if params.get("topic"):
        topic_ids = Topic.objects.filter(
            slug__in=params["topic"], locale_id=content_locale.default_locale_id
        ).values_list("pk", flat=True)
        # A subquery rather than a join: no duplicates, and no DISTINCT fighting the ordering.
        tagged = StoryPage.topics.through.objects.filter(topic_id__in=topic_ids)
        queryset = queryset.filter(pk__in=tagged.values("storypage_id"))
    if params.get("role"):
        queryset = queryset.filter(teller_role__in=params["role"])
    if params.get("country"):
        queryset = queryset.filter(teller_country_id=params["country"])
    return queryset


def story_get(*, slug, content_locale):
    """A live story by its slug in any locale, as its default-locale source, or None."""
    queryset = story_queryset(content_locale)
    story = queryset.filter(slug=slug).first()
    if story is None:
        keys = StoryPage.objects.filter(slug=slug).values("translation_key")
        story = queryset.filter(translation_key__in=keys).first()
    return story


def localize_stories(stories, content_locale):
    """Lay the requested locale over ``stories`` (``localize_pages``)."""
    return localize_pages(stories, StoryPage, STORY_FIELDS, content_locale)


def story_resources(story, content_locale):
    """The story's related resources that are live, localized, in a stable order."""
    keys = set(story.related_resources.values_list("translation_key", flat=True))
    found = resources_by_key(keys, content_locale) if keys else {}
    return sorted(found.values(), key=lambda resource: (resource.name.casefold(), resource.pk))
