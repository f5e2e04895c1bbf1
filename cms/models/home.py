"""The hub's home page: its public face in every locale, with the finder embedded, the crisis
block for the visitor's country, featured guides, upcoming events and stories.

What it shows is read in ``cms.public.selectors``; this model holds the words editors write.
https://docs.wagtail.org/en/stable/topics/pages.html
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HubHomePage(Page):
    """The root of the hub's site in each locale (wagtail-localize makes the translations)."""

    template = "cms/hub_home_page.html"

    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences under the title: who the hub is for."),
    )
    finder_intro = models.CharField(
        _("finder introduction"),
        max_length=300,
        blank=True,
        help_text=_("A line above the finder, e.g. where to start."),
    )
    concierge_intro = models.TextField(
        _("concierge introduction"),
        blank=True,
        help_text=_("What the concierge team does for someone, shown under the finder."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("finder_intro"),
        FieldPanel("concierge_intro"),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("hub home page")

    def get_context(self, request, *args, **kwargs):
        from ..public.selectors import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context
