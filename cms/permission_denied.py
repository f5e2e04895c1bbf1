"""Refusals that say why, in the admin's own look.

Wagtail answers a ``PermissionDenied`` raised in an admin view with a redirect to the dashboard
and a generic "Sorry, you do not have permission" message, and a bare ``HttpResponseForbidden``
shows an unstyled page. Roadcase's guarded actions answer with ``permission_denied()`` instead:
a 403 rendered in the Wagtail admin (menu, language, right-to-left) naming what was refused and
why, or, for the admin's own JavaScript (wagtail-localize's editor saves strings with
``fetch``), a 403 JSON body carrying the same message.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _


def wants_html(request) -> bool:
    """A page the person navigated to (a link, a form), not a script's request."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return False
    return "text/html" in request.headers.get("Accept", "")


def permission_denied(request, message, *, back_url=None, back_label=None):
    """A 403 that names the refused action and the reason (``message``)."""
    if not wants_html(request):
        return JsonResponse({"error": str(message)}, status=403)
    return render(
        request,
        "cms/permission_denied.html",
        {
            "page_title": _("Permission denied"),
            "header_title": _("Permission denied"),
            "header_icon": "warning",
            "message": message,
            "back_url": back_url or reverse("wagtailadmin_home"),
            "back_label": back_label or _("Back to the dashboard"),
        },
        status=403,
    )
