"""Guides: multi-chapter pages of practical tools for every role in music ("Mind The Music")."""

import re

from django import forms
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ChapterBlock
from ..locale_choices import LocaleAwareChoicesMixin
from ..scheduling.preview import HeadlessPreviewMixin

WORDS_PER_MINUTE = 200


class GuideIndexPage(Page):
    """The list of guides; guides live beneath it."""

    template = "cms/guide_index_page.html"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["roadcase.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")


class GuidePageForm(LocaleAwareChoicesMixin, WagtailAdminPageForm):
    """A guide's topics and roles, in the guide's own locale."""


class GuidePage(HeadlessPreviewMixin, Page):
    """One guide: chapters of text, callouts, tools, quotes and directory resources."""

    template = "cms/guide_page.html"

    intro = models.TextField(_("introduction"), blank=True)
    roles = ParentalManyToManyField(
        "roadcase.Audience", verbose_name=_("for"), blank=True, related_name="+"
    )
    topics = ParentalManyToManyField("roadcase.Topic", blank=True, related_name="guides")
    chapters = StreamField([("chapter", ChapterBlock())], verbose_name=_("chapters"))
    reading_time_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    base_form_class = GuidePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("chapters"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("chapters")]
    parent_page_types = ["roadcase.GuideIndexPage"]

    class Meta:
        verbose_name = _("guide")

    def save(self, *args, **kwargs):
        self.reading_time_minutes = reading_time_minutes(self)
        super().save(*args, **kwargs)


def reading_time_minutes(guide):
    """Minutes to read the guide's words at an unhurried pace (at least one)."""
    words = len(re.findall(r"\w+", f"{guide.title} {guide.intro}"))
    for chapter in guide.chapters:
        words += len(
            re.findall(r"\w+", strip_tags(str(chapter.block.get_searchable_content(chapter.value))))
        )
    return max(1, round(words / WORDS_PER_MINUTE))
