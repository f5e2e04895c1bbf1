"""Stories from the community: artists, crew, songwriters, managers and families telling how
they got through a hard time, with support alongside.

Safe-messaging rules are part of the model, not left to each template: a story's content notes
are shown before its text, every story is served with the visitor's crisis lines (the public
page and the API both do), and the editor's form carries a checklist drawn from published
guidance (Samaritans' media guidelines, WHO's guidance for media professionals) that must be
confirmed before a story goes live. https://docs.wagtail.org/en/stable/topics/pages.html
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES, CalloutBlock, QuoteBlock
from ..panels import SafeMessagingChecklistPanel
from ..scheduling.preview import HeadlessPreviewMixin


class TellerRole(models.TextChoices):
    """The teller's role in music; the values are the audience slugs guides use."""

    ARTIST = "artist", _("Artist")
    CREW = "crew", _("Touring crew")
    SONGWRITER = "songwriter", _("Songwriter")
    MANAGER = "manager", _("Manager")
    FAMILY = "family", _("Family member")


class ContentNote(models.TextChoices):
    """What a reader should know before reading (shown before the story's text)."""

    SUICIDE = "suicide", _("Suicide")
    SELF_HARM = "self_harm", _("Self-harm")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    EATING_DISORDERS = "eating_disorders", _("Eating disorders")
    ABUSE = "abuse", _("Abuse or violence")
    GRIEF = "grief", _("Bereavement and grief")


class StoryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    callout = CalloutBlock()


class StoryIndexPage(Page):
    """The list of stories; stories live beneath it."""

    template = "cms/story_index_page.html"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["roadcase.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")


class StoryPageForm(WagtailAdminPageForm):
    """Content notes are ticked from a list, and publishing asks for the safe-messaging
    checklist to have been gone through (a draft may be saved before that)."""

    content_notes = forms.MultipleChoiceField(
        label=_("content notes"),
        choices=ContentNote.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Shown to readers before the story."),
    )

    def clean(self):
        cleaned = super().clean()
        publishing = "action-publish" in self.data
        if publishing and not cleaned.get("safe_messaging_checked"):
            self.add_error(
                "safe_messaging_checked",
                _("Go through the safe-messaging checklist before publishing this story."),
            )
        return cleaned


class StoryPage(HeadlessPreviewMixin, Page):
    """One person's story, told with their consent (or written for the demo and marked so)."""

    template = "cms/story_page.html"

    teller_role = models.CharField(_("teller's role"), max_length=16, choices=TellerRole.choices)
    teller_country = models.ForeignKey(
        "roadcase.Country",
        verbose_name=_("teller's country"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        blank=True,
        help_text=_("Shown instead of a name when the teller asked for one."),
    )
    standfirst = models.CharField(_("standfirst"), max_length=300)
    body = StreamField(StoryBodyBlock(), verbose_name=_("story"))
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt = models.CharField(
        _("portrait description"),
        max_length=200,
        blank=True,
        help_text=_("What the portrait shows, for people who cannot see it."),
    )
    content_notes = models.JSONField(_("content notes"), default=list, blank=True)
    topics = ParentalManyToManyField(
        "roadcase.Topic", verbose_name=_("topics"), blank=True, related_name="stories"
    )
    related_resources = ParentalManyToManyField(
        "roadcase.Resource", verbose_name=_("related resources"), blank=True, related_name="+"
    )
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("The date the teller agreed to publication, as recorded."),
    )
    consent_record = models.CharField(
        _("where consent is recorded"),
        max_length=200,
        blank=True,
        help_text=_("A reference to the signed form or email, never the teller's contact."),
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Written for a demo or training, not a real person's account."),
    )
    safe_messaging_checked = models.BooleanField(
        _("safe-messaging checklist gone through"), default=False
    )

    base_form_class = StoryPageForm
    # Codes and facts stay as the source has them; translators see the prose only.
    override_translatable_fields = [
        SynchronizedField("teller_role"),
        SynchronizedField("content_notes"),
        SynchronizedField("consent_given_on"),
        SynchronizedField("consent_record"),
        SynchronizedField("is_illustrative"),
        SynchronizedField("safe_messaging_checked"),
    ]
    content_panels = [
        *Page.content_panels,
        SafeMessagingChecklistPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("teller_role"), FieldPanel("teller_country")]),
                FieldPanel("pseudonym"),
                FieldRowPanel([FieldPanel("portrait"), FieldPanel("portrait_alt")]),
            ],
            heading=_("Who tells it"),
        ),
        FieldPanel("content_notes"),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_resources"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_given_on"), FieldPanel("consent_record")]),
                FieldPanel("is_illustrative"),
            ],
            heading=_("Consent"),
        ),
        FieldPanel("safe_messaging_checked"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("teller_role"),
    ]
    parent_page_types = ["roadcase.StoryIndexPage"]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        errors = {}
        unknown = [note for note in self.content_notes or [] if note not in ContentNote.values]
        if unknown:
            errors["content_notes"] = _("Unknown content notes: %(notes)s.") % {
                "notes": ", ".join(map(str, unknown))
            }
        if not self.is_illustrative and not self.consent_given_on:
            errors["consent_given_on"] = _(
                "A real person's story needs the date they gave consent."
            )
        if self.portrait_id and not self.portrait_alt.strip():
            errors["portrait_alt"] = _("Describe the portrait for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..public.selectors import story_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_page_context(self, request))
        return context

    @property
    def content_note_labels(self):
        """The content notes in the active language, in the order of ``ContentNote``."""
        chosen = set(self.content_notes or [])
        return [label for value, label in ContentNote.choices if value in chosen]

    @property
    def teller_description(self):
        """ "Touring crew, Brazil" (with the pseudonym first when there is one)."""
        role_and_place = format_lazy(
            "{}, {}", self.get_teller_role_display(), self.teller_country.name()
        )
        if self.pseudonym:
            return format_lazy("{} ({})", self.pseudonym, role_and_place)
        return role_and_place
