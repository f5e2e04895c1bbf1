"""Small factories that create real rows through the same services the app uses."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Site

from cms.models import (
    Audience,
    ContactPoint,
    Country,
    EventIndexPage,
    EventPage,
    Language,
    Organisation,
    Resource,
    Topic,
)
from cms.services import resource_save


def make_resource(
    *,
    name="Samaritans",
    kind="crisis_line",
    countries=("GB",),
    languages=("en",),
    hours="24/7",
    time_zone="Europe/London",
    contact_points=(("phone", "116123", "GB"),),
    topics=(),
    audiences=("any",),
    locale=None,
    publish=True,
    **fields,
):
    resource = Resource(
        locale=locale or Locale.get_default(),
        name=name,
        kind=kind,
        summary=fields.pop("summary", f"{name} summary"),
        time_zone=time_zone,
        hours=hours,
        last_verified=fields.pop("last_verified", timezone.localdate() - timedelta(days=10)),
        **fields,
    )
    points = [
        ContactPoint(
            method=method,
            value=value,
            region=region,
            hours=hours[0] if hours else "",
            sort_order=position,
        )
        for position, (method, value, region, *hours) in enumerate(contact_points)
    ]
    return resource_save(
        resource=resource,
        contact_points=points,
        countries=Country.objects.filter(code__in=countries),
        languages=[Language.objects.get_or_create(code=code)[0] for code in languages],
        topics=topics,
        audiences=Audience.objects.filter(slug__in=audiences),
        publish=publish,
    )


def make_topic(slug="anxiety", name="Anxiety", locale=None):
    return Topic.objects.create(slug=slug, name=name, locale=locale or Locale.get_default())


def make_organisation(slug="samaritans", name="Samaritans", locale=None):
    return Organisation.objects.create(slug=slug, name=name, locale=locale or Locale.get_default())


def event_index():
    root = Site.objects.get(is_default_site=True).root_page
    index = EventIndexPage.objects.first()
    if index is None:
        index = root.add_child(instance=EventIndexPage(title="Events", slug="events"))
    return index


def make_event(*, title="Breather tent", starts_in=timedelta(days=7), hours=3, **fields):
    starts_at = timezone.now().replace(second=0, microsecond=0) + starts_in
    event = EventPage(
        title=title,
        kind=fields.pop("kind", "wellness_activation"),
        summary=fields.pop("summary", "A calm space."),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        time_zone=fields.pop("time_zone", "Europe/London"),
        city=fields.pop("city", "Pilton"),
        country=fields.pop("country", None) or Country.objects.get(code="GB"),
        **fields,
    )
    event_index().add_child(instance=event)
    event.save_revision().publish()
    return event


def guide_index():
    from cms.models import GuideIndexPage

    root = Site.objects.get(is_default_site=True).root_page
    index = GuideIndexPage.objects.first()
    if index is None:
        index = root.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
    return index


def make_guide(*, title="Mind The Music", chapters=None, **fields):
    from cms.models import GuidePage

    guide = GuidePage(
        title=title,
        chapters=chapters
        or [("chapter", {"title": "On the road", "body": [("text", "<p>Breathe.</p>")]})],
        **fields,
    )
    guide_index().add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def hub_home():
    """The hub home page at the site's root, as the stand-alone demo has it (in place of
    Wagtail's welcome page)."""
    from cms.demo.public_face import ensure_hub_home

    return ensure_hub_home(Locale.get_default())


def story_index():
    from cms.models import StoryIndexPage

    index = StoryIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        root = Site.objects.get(is_default_site=True).root_page
        index = root.add_child(instance=StoryIndexPage(title="Stories", slug="stories"))
        index.save_revision().publish()
    return index


def make_story(
    *,
    title="The quiet after the last show",
    slug=None,
    role="crew",
    country="GB",
    notes=(),
    body=None,
    topics=(),
    resources=(),
    publish=True,
    **fields,
):
    from django.utils.text import slugify

    from cms.models import StoryPage

    story = StoryPage(
        title=title,
        slug=slug or slugify(title),
        teller_role=role,
        teller_country=Country.objects.get(code=country),
        standfirst=fields.pop("standfirst", "Coming home from the road."),
        content_notes=list(notes),
        body=body or [("text", "<p>Rest did not come on its own.</p>")],
        is_illustrative=fields.pop("is_illustrative", True),
        safe_messaging_checked=True,
        live=publish,
        **fields,
    )
    story_index().add_child(instance=story)
    story.topics.set(topics)
    story.related_resources.set(resources)
    revision = story.save_revision()
    if publish:
        revision.publish()
    story.refresh_from_db()
    return story


def make_short_link(*, code="", target="finder", campaign="", **fields):
    from cms.models import ShortLink

    link = ShortLink(code=code, target=target, campaign=campaign, **fields)
    link.full_clean()
    link.save()
    return link
