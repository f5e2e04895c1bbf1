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


# Published guidance the safe-messaging checklist follows (links shown to editors).
SAFE_MESSAGING_GUIDANCE = [
    (
        _("Samaritans' media guidelines for reporting suicide"),
        "https://www.samaritans.org/about-samaritans/media-guidelines/",
    ),
    (
        _("WHO and IASP: Preventing suicide, a resource for media professionals (2023 update)"),
        "https://paho.org/en/node/92857",
    ),
]


class SafeMessagingChecklistPanel(Panel):
    """Reminds an editor of the safe-messaging checklist on every story, in the form itself,
    with links to the published guidance it follows; publishing asks for it to be confirmed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Safe-messaging checklist"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/safe_messaging_checklist.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["checks"] = [
                _("No detail of any method or place of suicide or self-harm, not even in passing."),
                _("Every sensitive theme the story touches is ticked as a content note."),
                _(
                    "The story shows how the teller got through and where help came from; it "
                    "never presents suicide as a solution, as inevitable, or as having one cause."
                ),
                _(
                    "Calm words, no sensational ones: 'died by suicide', never 'committed "
                    "suicide'; no dramatic images."
                ),
                _("Related resources are chosen; the reader's crisis lines are added for you."),
                _(
                    "The teller agreed to publication and to how they are named (date recorded), "
                    "and details they asked to leave out are gone."
                ),
            ]
            context["guidance"] = SAFE_MESSAGING_GUIDANCE
            return context


class ShortLinkQRPanel(Panel):
    """A short link's QR code, ready for a poster: a preview and the SVG and high-resolution
    PNG downloads, each with the short URL printed beneath."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("QR code"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/short_link_qr.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from django.urls import reverse
            from django.utils.http import urlencode

            context = super().get_context_data(parent_context)
            link = self.instance
            context["short_url"] = link.short_url()
            context["svg_url"] = reverse("roadcase_shortlinks:qr", args=[link.pk, "svg"])
            context["png_url"] = reverse("roadcase_shortlinks:qr", args=[link.pk, "png"])
            if link.campaign:
                query = urlencode({"campaign": link.campaign})
                context["zip_url"] = f"{reverse('roadcase_shortlinks:campaign-zip')}?{query}"
            return context
