"""Writes for the public pages: the partner record the hub's own pages embed the finder as."""

from django.conf import settings
from django.db import IntegrityError, transaction

from ..codes import CodeError, validate_origin
from ..conf import roadcase_setting
from ..models import Partner


def hub_partner():
    """The hub's own partner record (created the first time a public page needs it): the finder
    on the hub's pages is embedded as this partner, so editors set its defaults (quick exit,
    theme, kinds) in the admin like any other partner's."""
    slug = roadcase_setting("HUB_PARTNER")
    partner = Partner.objects.filter(slug=slug).first()
    if partner is not None:
        return partner
    try:
        origin = validate_origin(settings.WAGTAILADMIN_BASE_URL)
    except CodeError:
        origin = "http://localhost"
    try:
        with transaction.atomic():
            return Partner.objects.create(
                slug=slug,
                name=f"{getattr(settings, 'WAGTAIL_SITE_NAME', 'Roadcase')}: the hub's own pages",
                allowed_origins=origin,
            )
    except IntegrityError:  # created meanwhile by another request
        return Partner.objects.get(slug=slug)


def own_origin(request):
    """``https://hub.example``: the origin the request was sent to."""
    return f"{request.scheme}://{request.get_host()}".lower()


def hub_partner_for_own_origin(request):
    """The hub's partner when ``request`` comes from a page of the hub itself (its Origin is the
    origin it was sent to), else None. This is how the hub's own origin is registered for its
    partner whatever host name it is reached by; another site cannot send that Origin from a
    browser."""
    origin = (request.headers.get("Origin") or "").strip().rstrip("/").lower()
    if not origin or origin != own_origin(request):
        return None
    partner = hub_partner()
    return partner if partner.active else None
