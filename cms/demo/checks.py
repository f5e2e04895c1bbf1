"""The system check of ``load_demo_hub`` (registered when the command is loaded, so a site that
never loads the demo never hears of it): the locales the demo needs and those it will skip."""

from django.core.checks import Error, Warning

from .loader import english_is_default, skipped_translations


def check_demo_locales(app_configs=None, **kwargs):
    try:
        english = english_is_default()
    except LookupError:
        return []  # no default content language at all: roadcase.E006 says so
    if not english:
        return [
            Error(
                "The demo hub is written in English, and English is not this site's default "
                "content language: load_demo_hub cannot load it here.",
                hint="Load it into a site whose LANGUAGE_CODE is English (en, en-us…).",
                id="roadcase.E101",
            )
        ]
    skipped = skipped_translations()
    if skipped:
        return [
            Warning(
                f"The demo's translations into {', '.join(skipped)} will be skipped: they are "
                "not content languages of this site.",
                hint="Add them to LANGUAGES and WAGTAIL_CONTENT_LANGUAGES to load them too.",
                id="roadcase.W101",
            )
        ]
    return []
