"""The editorial calendar: a month or week of go-lives, expiries and events, per locale."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Locale

from .calendar import calendar_entries


def _parse_date(text):
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return timezone.localdate()


def calendar_view(request):
    if not (
        user_has_any_page_permission(request.user)
        or request.user.has_perm("roadcase.change_resource")
    ):
        raise PermissionDenied
    mode = "week" if request.GET.get("view") == "week" else "month"
    anchor = _parse_date(request.GET.get("date"))
    if mode == "week":
        first = anchor - timedelta(days=anchor.weekday())
        days = [first + timedelta(days=n) for n in range(7)]
        previous, following = first - timedelta(days=7), first + timedelta(days=7)
        title = _("Week of %(date)s") % {"date": first.isoformat()}
    else:
        month_start = anchor.replace(day=1)
        first = month_start - timedelta(days=month_start.weekday())
        days = [first + timedelta(days=n) for n in range(42)]
        previous = (month_start - timedelta(days=1)).replace(day=1)
        following = (month_start + timedelta(days=32)).replace(day=1)
        title = month_start.strftime("%B %Y")

    locale = Locale.objects.filter(language_code=request.GET.get("locale") or "").first()
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(timezone.datetime.combine(days[0], timezone.datetime.min.time()))
    end = start + timedelta(days=len(days))
    entries = calendar_entries(
        start=start.astimezone(zone), end=end, user=request.user, locale=locale
    )
    by_day = {day: [] for day in days}
    for entry in entries:
        by_day.setdefault(timezone.localtime(entry.when).date(), []).append(entry)

    return render(
        request,
        "cms/scheduling/calendar.html",
        {
            "title": title,
            "mode": mode,
            "weeks": [days[i : i + 7] for i in range(0, len(days), 7)],
            "by_day": by_day,
            "entries": entries,
            "conflicts": [e for e in entries if e.conflicts],
            "locales": Locale.objects.order_by("language_code"),
            "locale": locale,
            "previous": previous.isoformat(),
            "following": following.isoformat(),
            "anchor": anchor.isoformat(),
            "month": anchor.month,
        },
    )
