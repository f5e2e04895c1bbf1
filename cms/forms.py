"""Admin forms: codes typed as text (GB, IE / en, pt-BR), rules that span a resource and its
contact points, which a single model's clean() cannot see, and choices shown in the locale of
the page or snippet being edited.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .codes import CodeError, normalize_language, validate_country
from .create_once import CreateOnceFormMixin
from .locale_choices import LocaleAwareChoicesMixin
from .models import Audience, Country, Language, Topic


class CodeListField(forms.ModelMultipleChoiceField):
    """Codes typed into one box, separated by commas or spaces, each checked and named when
    wrong. ``normalize`` turns a typed code into the stored one (or raises CodeError).
    """

    widget = forms.TextInput

    def __init__(self, *args, normalize, create_missing=False, **kwargs):
        self.normalize = normalize
        self.create_missing = create_missing
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if hasattr(value, "__iter__") and not isinstance(value, str):
            return ", ".join(str(getattr(v, "pk", v)) for v in value)
        return value

    def clean(self, value):
        if isinstance(value, str):
            value = [part for part in re.split(r"[\s,]+", value) if part]
        codes = []
        for raw in value or []:
            try:
                codes.append(self.normalize(raw))
            except CodeError as error:
                raise ValidationError(str(error), code="invalid_code") from error
        if self.required and not codes:
            raise ValidationError(self.error_messages["required"], code="required")
        if self.create_missing:
            for code in codes:
                self.queryset.model.objects.get_or_create(pk=code)
        return self._check_values(codes) if codes else self.queryset.none()


def _upper_country(code):
    return validate_country(code.strip().upper())


class ResourceForm(CreateOnceFormMixin, LocaleAwareChoicesMixin, WagtailAdminModelForm):
    countries = CodeListField(
        queryset=Country.objects.all(),
        normalize=_upper_country,
        required=False,
        label=_("Countries served"),
        help_text=_("ISO codes separated by commas, e.g. GB, IE."),
    )
    languages = CodeListField(
        queryset=Language.objects.all(),
        normalize=normalize_language,
        create_missing=True,
        label=_("Languages"),
        help_text=_("BCP 47 tags separated by commas, e.g. en, es, pt-BR, ase (ASL)."),
    )
    audiences = forms.ModelMultipleChoiceField(
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("For"),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),  # the default locale's topics (LocaleAwareChoicesMixin)
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Topics"),
    )

    def clean(self):
        cleaned = super().clean()
        given = [
            form
            for form in self.formsets["contact_points"].forms
            if (form.has_changed() or bool(form.instance.pk))
            and not (form.is_valid() and form.cleaned_data.get("DELETE"))
        ]
        # A contact point with an error of its own shows that error; the rules counting
        # contact points wait until every one given is valid.
        contact_points = (
            [form.instance for form in given] if all(form.is_valid() for form in given) else None
        )
        candidate = self.instance
        for field in ("kind", "hours", "worldwide"):
            if field in cleaned:
                setattr(candidate, field, cleaned[field])
        try:
            candidate.clean_related(
                contact_points=contact_points,
                countries=list(cleaned.get("countries") or []),
                languages=list(cleaned.get("languages") or []),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(None if field == "__all__" else field, messages)
        return cleaned
