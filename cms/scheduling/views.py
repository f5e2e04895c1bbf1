"""The editorial calendar: a month or week of go-lives, expiries and events, per locale, each
at its time in its own zone, with dates and names in the admin user's language."""

from datetime import date, timedelta

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Locale

from ..dates import date_label, month_label, weekday_label
from ..permission_denied import permission_denied
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
        return permission_denied(
            request, _("The editorial calendar is for editors of pages or of the directory.")
        )
    mode = "week" if request.GET.get("view") == "week" else "month"
    anchor = _parse_date(request.GET.get("date"))
    if mode == "week":
        first = anchor - timedelta(days=anchor.weekday())
        days = [first + timedelta(days=n) for n in range(7)]
        previous, following = first - timedelta(days=7), first + timedelta(days=7)
        title = _("Week of %(date)s") % {"date": date_label(first, "long")}
    else:
        month_start = anchor.replace(day=1)
        first = month_start - timedelta(days=month_start.weekday())
        days = [first + timedelta(days=n) for n in range(42)]
        previous = (month_start - timedelta(days=1)).replace(day=1)
        following = (month_start + timedelta(days=32)).replace(day=1)
        title = month_label(month_start)

    locale = Locale.objects.filter(language_code=request.GET.get("locale") or "").first()
    entries = calendar_entries(
        first_day=days[0],
        last_day=days[-1],
        user=request.user,
        default_zone=timezone.get_current_timezone_name(),
        locale=locale,
    )
    by_day = {day: [] for day in days}
    for entry in entries:
        by_day.setdefault(entry.local.date(), []).append(entry)

    return render(
        request,
        "cms/scheduling/calendar.html",
        {
            "title": title,
            "mode": mode,
            "weekdays": [weekday_label(day) for day in days[:7]],
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
            "default_zone": timezone.get_current_timezone_name(),
        },
    )
