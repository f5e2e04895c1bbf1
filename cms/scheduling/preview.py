"""Signed, expiring preview tokens: a partner's front end (or the widget) can fetch one draft
through the API without an admin login, and only until the token expires. The public API
itself never serves drafts.
"""

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from wagtail.models import Page

from ..conf import roadcase_setting

SALT = "roadcase.preview"


class PreviewTokenError(Exception):
    """The token is forged, expired, or its draft no longer exists."""


def preview_token_create(instance):
    """A token for the latest revision of ``instance`` (a page or a draft-state snippet)."""
    revision = instance.latest_revision
    if revision is None:
        revision = instance.save_revision()
    content_type = ContentType.objects.get_for_model(type(instance))
    return signing.dumps({"ct": content_type.pk, "rev": revision.pk}, salt=SALT, compress=True)


def preview_token_resolve(token):
    """The draft a token grants, as an unsaved object built from its revision."""
    from wagtail.models import Revision

    try:
        data = signing.loads(token, salt=SALT, max_age=roadcase_setting("PREVIEW_TOKEN_SECONDS"))
    except signing.SignatureExpired as error:
        raise PreviewTokenError("This preview link has expired.") from error
    except signing.BadSignature as error:
        raise PreviewTokenError("This preview link is not valid.") from error
    revision = Revision.objects.filter(pk=data.get("rev")).first()
    if revision is None:
        raise PreviewTokenError("The draft of this preview link no longer exists.")
    draft = revision.as_object()
    return draft.specific if isinstance(draft, Page) else draft


class HeadlessPreviewMixin:
    """Adds a preview mode showing the draft as the API serves it to partners and the widget,
    through a signed link that expires (``ROADCASE["PREVIEW_TOKEN_SECONDS"]``)."""

    @property
    def preview_modes(self):
        from django.utils.translation import gettext_lazy as _

        return [*super().preview_modes, ("headless", _("As partners receive it"))]

    def serve_preview(self, request, mode_name):
        if mode_name != "headless":
            return super().serve_preview(request, mode_name)
        from django.template.response import TemplateResponse
        from django.urls import reverse

        saved = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        url = None
        if saved is not None:
            token = preview_token_create(saved)
            url = request.build_absolute_uri(reverse("roadcase_api:preview")) + f"?token={token}"
        return TemplateResponse(
            request, "cms/scheduling/headless_preview.html", {"object": self, "preview_url": url}
        )
