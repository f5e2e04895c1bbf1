"""Search synonyms: the words people use for what the directory calls something else.

"stage fright" finds performance anxiety, "can't sleep" finds sleep, "broke" finds financial
aid, and "kill myself" puts the visitor's crisis lines first. Editors keep them in the admin
(Directory → Search synonyms); a starting list in every hub language ships with Roadcase
(``cms/data/search_synonyms.json``, loaded when the table is empty; a release's new crisis
phrases reach a hub that has its list through a data migration). ``api.search`` reads them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..text import text_lines


def content_language_choices():
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


class SearchSynonym(models.Model):
    """Phrases people type, in one language, and what a search for them also looks for.

    Every synonym applies to searches in every locale (people search in their own words
    whatever language the widget shows); the language says how its phrases are stemmed.
    """

    language = models.CharField(
        _("language"),
        max_length=16,
        choices=content_language_choices,
        help_text=_("The language the phrases are written in."),
    )
    phrases = models.TextField(
        _("when someone searches for"),
        help_text=_("One word or phrase per line, as people would type it."),
    )
    search_for = models.TextField(
        _("also search for"),
        blank=True,
        help_text=_(
            "One word or phrase per line: topic names, kinds of support or other words that "
            "resources use."
        ),
    )
    signals_crisis = models.BooleanField(
        _("signals a crisis"),
        default=False,
        help_text=_(
            "Someone typing this may be at risk: crisis lines come first and the emergency "
            "number is shown prominently."
        ),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("phrases"),
        FieldPanel("search_for"),
        FieldPanel("signals_crisis"),
    ]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "phrases"]

    def __str__(self):
        return ", ".join(self.phrase_list())[:100]

    def phrase_list(self):
        return text_lines(self.phrases)

    def search_for_list(self):
        return text_lines(self.search_for)

    def clean(self):
        super().clean()
        if not self.phrase_list():
            raise ValidationError({"phrases": _("Enter at least one word or phrase.")})
        if not self.search_for_list() and not self.signals_crisis:
            raise ValidationError(
                {"search_for": _("Say what to search for, or mark it as signalling a crisis.")}
            )
