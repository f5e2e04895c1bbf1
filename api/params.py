"""Input serializers: every query parameter the API reads, validated before any query runs.

A bad value is a 400 whose JSON names the parameter, says what is wrong and lists the allowed
values, e.g. ``{"detail": "...", "errors": {"country": {"message": "...", "allowed": [...]}}}``.
Unknown parameters are ignored, so clients may send more than they need.
"""

import functools
import re
from datetime import date, timedelta

from django.core.validators import MaxValueValidator
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from cms.codes import country_codes
from cms.conf import roadcase_setting
from cms.languages import content_language_codes
from cms.models import Audience, ContactMethod, EventKind, Kind

from .locales import ContentLocale, locale_from_accept_language, match_locale_code
from .selectors import topic_slugs

MAX_PAGE = 10_000
# A BCP 47 tag as filters take it: a language (en, fil) and optionally a region or script.
LANGUAGE_TAG = "[A-Za-z]{2,3}(?:-[A-Za-z0-9-]{1,12})?"


@functools.cache
def _declared_names(params_class):
    return tuple(sorted(params_class().fields))


def declared_query(params_class, request):
    """The parameters ``params_class`` declares that ``request`` sends, the last value of each
    (as validation reads them), in name order: all an answer depends on. The response cache
    keys on this and links to other pages carry it, so unknown parameters (``?utm=…``) neither
    make new cache entries nor travel into ``next`` links.
    """
    query = getattr(request, "_request", request).GET
    return tuple((name, query[name]) for name in _declared_names(params_class) if name in query)


class ParameterError(APIException):
    """A 400 naming each bad parameter with its message and, where short enough, allowed values."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, errors):
        self.detail = {"detail": str(_("Some parameters are not valid.")), "errors": errors}


class LocaleField(serializers.ChoiceField):
    """A content locale, matched as Wagtail matches them: without regard to case or to ``_``
    versus ``-``, and a variant finds its language (``en-US`` is ``en`` where only ``en`` is
    enabled)."""

    def __init__(self, **kwargs):
        super().__init__(choices=content_language_codes(), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = match_locale_code(data) or data
        return super().to_internal_value(data)


class CountryField(serializers.ChoiceField):
    """An ISO 3166-1 alpha-2 code (gb = GB)."""

    def __init__(self, **kwargs):
        super().__init__(choices=sorted(country_codes()), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = data.strip().upper()
        return super().to_internal_value(data)


class CommaSeparatedField(serializers.Field):
    """One value or several separated by commas (``kind=crisis_line,helpline``), each matching
    ``item`` (a regular expression) and, where ``choices`` gives them (a list, or a callable
    for values that change, such as topic slugs), one of those (``allowed`` lists them in a
    400). Empty (``kind=``, as a form with nothing chosen sends it) means no filter. Values are
    taken exactly as written, so the schema's pattern (``CommaSeparatedFieldSchema``) says
    precisely what is accepted.
    """

    default_error_messages = {
        "invalid_choice": _("{input} is not allowed here."),
        "invalid": _("Give one value or several separated by commas."),
    }
    max_length = 500

    def __init__(self, *, choices=None, item=None, item_message=None, **kwargs):
        self._choices = choices
        self.item = item
        self.item_message = item_message
        super().__init__(**kwargs)

    @property
    def choices(self):
        choices = self._choices() if callable(self._choices) else self._choices
        return list(choices) if choices is not None else None

    def item_pattern(self):
        """The regular expression one value must match: the choices joined, else ``item``
        (also when choices read from the database cannot be read, as in ``check --deploy``
        before ``migrate``)."""
        try:
            choices = self.choices
        except DatabaseError:
            choices = None
        if choices is not None:
            return "(?:" + "|".join(choices or ["(?!)"]) + ")"
        return f"(?:{self.item or '[-a-zA-Z0-9_]+'})"

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) > self.max_length:
            self.fail("invalid")
        if data == "":
            return []
        values = data.split(",")
        choices = self.choices
        if choices is not None:
            unknown = [v for v in values if v not in choices]
            if unknown:
                self.fail("invalid_choice", input=", ".join(repr(v) for v in unknown))
        elif self.item is not None:
            for value in values:
                if not re.fullmatch(self.item, value):
                    raise serializers.ValidationError(self.item_message % {"tag": value})
        return list(dict.fromkeys(values))

    def to_representation(self, value):
        return ",".join(value)


class CommaSeparatedFieldSchema(OpenApiSerializerFieldExtension):
    """The exact language a CommaSeparatedField accepts, as a string pattern: a client
    generated from the schema sends only what is accepted, and only that is accepted."""

    target_class = CommaSeparatedField

    def map_serializer_field(self, auto_schema, direction):
        item = self.target.item_pattern()
        return {
            "type": "string",
            "pattern": f"^(?:{item}(?:,{item})*)?$",
            "maxLength": self.target.max_length,
        }


class StrictBooleanField(serializers.BooleanField):
    """``true`` or ``false``, as the schema's boolean is written in a query string, and nothing
    else (DRF also takes 1, yes, on… which the schema does not allow)."""

    def to_internal_value(self, data):
        if data in ("true", True):
            return True
        if data in ("false", False):
            return False
        self.fail("invalid", input=data)


@extend_schema_field({"type": "string", "pattern": "^[^\\u0000]*$"})
class TextField(serializers.CharField):
    """Free text in a query string: any characters but NUL (which no text stored here holds and
    PostgreSQL refuses), its length counted as sent."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data).strip()


class Params(serializers.Serializer):
    """Parameters every endpoint reads: the content locale (else Accept-Language)."""

    locale = LocaleField(
        required=False,
        help_text="Content locale; without it, the best match for Accept-Language.",
    )

    @classmethod
    def parse(cls, request, **context):
        """Validated parameters, plus ``content_locale``; raises ParameterError on bad input."""
        serializer = cls(data=dict(request.query_params.items()), context=context)
        if not serializer.is_valid():
            raise ParameterError(serializer.describe_errors())
        params = dict(serializer.validated_data)
        code = params.get("locale") or locale_from_accept_language(
            request.headers.get("Accept-Language")
        )
        params["locale"] = code
        params["content_locale"] = ContentLocale.resolve(code)
        return params

    def describe_errors(self):
        described = {}
        for name, messages in self.errors.items():
            entry = {"message": " ".join(str(m) for m in messages)}
            field = self.fields.get(name)
            allowed = None
            if isinstance(field, serializers.ChoiceField):
                allowed = list(field.choices)
            elif isinstance(field, CommaSeparatedField) and field.choices is not None:
                allowed = field.choices
            if allowed is not None:
                entry["allowed"] = [str(a) for a in allowed]
            described[name] = entry
        return described


class PageParams(Params):
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        help_text="Results per page; larger values are capped at the maximum page size.",
    )


class ResourceListParams(PageParams):
    q = TextField(
        required=False,
        allow_blank=True,
        max_length=roadcase_setting("API_MAX_QUERY_LENGTH"),
        help_text="Full-text search in the requested and the default locale.",
    )
    country = CountryField(
        required=False, help_text="Serves this country (worldwide resources included)."
    )
    language = CommaSeparatedField(
        required=False,
        item=LANGUAGE_TAG,
        item_message=_("%(tag)s is not a language tag like en or pt-BR."),
        help_text="Answers in one of these languages (BCP 47, comma-separated; en matches en-GB).",
    )
    kind = CommaSeparatedField(required=False, choices=Kind.values, help_text="Comma-separated.")
    topic = CommaSeparatedField(
        required=False, choices=topic_slugs, help_text="Topic slugs, comma-separated."
    )
    audience = CommaSeparatedField(
        required=False, choices=list(Audience.CHOICES), help_text="Comma-separated."
    )
    contact = CommaSeparatedField(
        required=False,
        choices=ContactMethod.values,
        help_text="Reachable by one of these contact methods, comma-separated.",
    )
    # true or false; absent: either.
    open_now = StrictBooleanField(required=False, help_text="Open at this moment.")
    free = StrictBooleanField(required=False, help_text="Free of charge (or not).")

    def validate_language(self, value):
        return list(dict.fromkeys(tag.lower() for tag in value))


class CrisisLineParams(Params):
    country = CountryField(help_text="The country the person is in (ISO 3166-1 alpha-2).")


class GuideListParams(PageParams):
    pass


class EventListParams(PageParams):
    country = CountryField(required=False)
    city = TextField(required=False, max_length=100)
    kind = CommaSeparatedField(
        required=False, choices=EventKind.values, help_text="Comma-separated."
    )
    online = StrictBooleanField(required=False, help_text="Online events only (or none).")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ``from`` is a Python keyword, so these two cannot be declared as class attributes.
        # The day after the latest date must still be a date: the range ends at its midnight.
        latest = MaxValueValidator(date.max - timedelta(days=1))
        self.fields["from"] = serializers.DateField(
            required=False,
            validators=[latest],
            help_text="Events still running on or after this date (UTC).",
        )
        self.fields["to"] = serializers.DateField(
            required=False,
            validators=[latest],
            help_text="Events starting on or before this date (UTC); before ``from``, none.",
        )


class EventFeedParams(EventListParams):
    page = None
    page_size = None
