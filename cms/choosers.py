"""Snippet choosers whose texts follow the admin user's language.

Wagtail's ``AdminSnippetChooser`` formats "Choose %(object)s" once, when a form class is
built (usually at the first request, in whatever language that was), so "Choose organisation"
stayed English in the French and Arabic admin. This chooser keeps the texts lazy, so each
request renders them in its own language. Every Roadcase snippet viewset uses it through
its chooser viewset (``SnippetViewSet.chooser_viewset_class``), which registers it as the
widget for foreign keys to that model.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _formatted(message, name):
    return gettext(message) % {"object": name}


_lazy_formatted = lazy(_formatted, str)


class LocalizedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _lazy_formatted("Choose %(object)s", name)
        self.choose_another_text = _lazy_formatted("Choose another %(object)s", name)
        self.link_to_chosen_text = _lazy_formatted("Edit this %(object)s", name)


class LocalizedSnippetChooserViewSet(SnippetChooserViewSet):
    base_widget_class = LocalizedSnippetChooser
