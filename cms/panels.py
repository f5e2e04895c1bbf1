"""Custom admin panels."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class EmbedSnippetPanel(Panel):
    """Shows a partner the copy-ready code to embed the finder: the pinned script (with its SRI
    hash) and the floating ``/v1/`` one that follows every compatible release."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Embed code"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/embed_snippet.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from widget.embed import embed_snippet

            context = super().get_context_data(parent_context)
            base = self.request or settings.WAGTAILADMIN_BASE_URL
            context["pinned"] = embed_snippet(self.instance, base, pinned=True)
            context["floating"] = embed_snippet(self.instance, base, pinned=False)
            return context
