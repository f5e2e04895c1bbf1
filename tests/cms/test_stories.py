"""A story's own rules in the model and the editor's form: consent for real stories, known
content notes, a described portrait, and the safe-messaging checklist before publishing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import Country, StoryPage
from tests.factories import make_story, story_index

pytestmark = pytest.mark.django_db


def test_a_real_persons_story_needs_the_date_of_consent():
    story = StoryPage(
        title="Told by a person",
        slug="told",
        teller_role="artist",
        teller_country=Country.objects.get(code="SE"),
        standfirst="A singer on recovery.",
        body=[("text", "<p>One day at a time.</p>")],
        is_illustrative=False,
    )
    with pytest.raises(ValidationError) as error:
        story.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
    assert "consent_given_on" in error.value.message_dict
    story.is_illustrative = True  # written for a demo: no teller to ask
    story.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])


def test_content_notes_must_be_known():
    story = make_story(title="Notes")
    story.content_notes = ["suicide", "spoilers"]
    with pytest.raises(ValidationError) as error:
        story.clean()
    assert "spoilers" in str(error.value.message_dict["content_notes"])


def form(*, publish, checked, notes=("suicide",)):
    data = nested_form_data(
        {
            "title": "The call",
            "slug": "the-call",
            "teller_role": "crew",
            "teller_country": "AU",
            "pseudonym": "Sam",
            "standfirst": "A season that ended in dark thoughts.",
            "body": streamfield([("text", rich_text("<p>I called a helpline.</p>"))]),
            "is_illustrative": "on",
            "comments": inline_formset([]),
        }
    )
    data["content_notes"] = list(notes)
    if checked:
        data["safe_messaging_checked"] = "on"
    if publish:
        data["action-publish"] = "action-publish"
    return data


@pytest.fixture
def add_url(locales):
    return reverse("wagtailadmin_pages:add", args=("roadcase", "storypage", story_index().pk))


def test_the_form_shows_the_checklist_with_its_guidance(client, admin_user, add_url):
    client.force_login(admin_user)
    html = client.get(add_url).content.decode()
    assert "Safe-messaging checklist" in html
    assert "No detail of any method or place of suicide or self-harm" in html
    assert "https://www.samaritans.org/about-samaritans/media-guidelines/" in html


def test_publishing_asks_for_the_checklist_first(client, admin_user, add_url):
    client.force_login(admin_user)
    refused = client.post(add_url, form(publish=True, checked=False))
    assert refused.status_code == 200
    assert "Go through the safe-messaging checklist before publishing" in refused.content.decode()
    assert not StoryPage.objects.exists()

    client.post(add_url, form(publish=True, checked=True))
    story = StoryPage.objects.get()
    assert story.live and story.content_notes == ["suicide"]


def test_a_draft_may_be_saved_before_the_checklist(client, admin_user, add_url):
    client.force_login(admin_user)
    response = client.post(add_url, form(publish=False, checked=False, notes=()))
    assert response.status_code == 302
    story = StoryPage.objects.get()
    assert not story.live and not story.safe_messaging_checked
