"""The compact written form of contact points used in CSV files (see docs/data-exchange.md)::

    phone:+44 20 7946 0000@GB|Call us|Mo-Fr 09:00-17:00; email:help@example.org

Points are separated by ``;``, each ``method:value``, then optionally ``|label`` and
``|hours`` (hours in the form of ``cms.hours``, which may themselves contain ``;``: a part
that does not start with a method continues the hours before it). A phone, SMS or WhatsApp
number may end with ``@CC``, the country it is dialled in (needed for short numbers).
"""

import re

from ..models import ContactMethod
from ..models.resources import PHONE_METHODS

_REGION_RE = re.compile(r"^(.*?)\s*@([A-Za-z]{2})$")
_METHOD_RE = re.compile(r"^\s*([a-z]+):", re.IGNORECASE)


class CompactError(ValueError):
    """The text is not in the compact form; the message says which point and why."""


def parse_contact_points(text: str) -> list[dict]:
    """``[{"method", "value", "region", "label", "hours"}, ...]`` from the compact form."""
    points, parts = [], []
    for part in (text or "").split(";"):
        match = _METHOD_RE.match(part)
        if match and match[1].lower() in ContactMethod.values:
            parts.append(part.strip())
        elif not part.strip():
            continue
        elif parts and parts[-1].count("|") == 2:
            parts[-1] += f"; {part.strip()}"
        else:
            known = ", ".join(ContactMethod.values)
            raise CompactError(f"{part.strip()!r} does not start with a method ({known}):.")
    for position, part in enumerate(parts, start=1):
        method, _, rest = part.partition(":")
        fields = rest.split("|")
        if len(fields) > 3:
            raise CompactError(f"Contact point {position} has more than value|label|hours.")
        value, label, hours = (*fields, "", "")[:3]
        value, region = value.strip(), ""
        method = method.strip().lower()
        if method in PHONE_METHODS:
            match = _REGION_RE.match(value)
            if match:
                value, region = match[1], match[2].upper()
        if not value:
            raise CompactError(f"Contact point {position} has no number or address.")
        points.append(
            {
                "method": method,
                "value": value,
                "region": region,
                "label": label.strip(),
                "hours": hours.strip(),
            }
        )
    return points


def format_contact_points(points) -> str:
    """The compact form of ContactPoint objects (or dicts with the same keys)."""
    written = []
    for point in points:
        get = point.get if isinstance(point, dict) else lambda name, p=point: getattr(p, name)
        text = f"{get('method')}:{get('value')}"
        if get("region") and get("method") in PHONE_METHODS:
            text += f"@{get('region')}"
        if get("label") or get("hours"):
            text += f"|{get('label')}"
        if get("hours"):
            text += f"|{get('hours')}"
        written.append(text)
    return "; ".join(written)
