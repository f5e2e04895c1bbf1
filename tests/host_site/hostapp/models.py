from django.db import models
from wagtail.models import Page


class HomePage(Page):
    """The host site's own page type, to show Roadcase lives beside it."""

    strapline = models.CharField(max_length=100, blank=True)
