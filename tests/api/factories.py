"""Factories for the API tests, on top of the suite's shared ones (tests/factories.py): guides,
partners and translations, all real rows written through the app's own services.
"""

from wagtail.models import Locale, Site

from cms.models import GuideIndexPage, GuidePage, Partner
from cms.services import translation_apply


def translate(instance, language_code, strings):
    """Translate ``instance`` into ``language_code`` through wagtail-localize and publish it;
    ``strings`` maps source text to translated text (the rest falls back to the source).
    """
    translated = translation_apply(
        instance=instance, locale=Locale.objects.get(language_code=language_code), strings=strings
    )
    if getattr(translated, "live", True) is False:
        # wagtail-localize publishes pages on commit, which a test transaction never reaches.
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def guide_index():
    index = GuideIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        root = Site.objects.get(is_default_site=True).root_page
        index = root.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
    return index


def chapter(title, *blocks):
    return {"type": "chapter", "value": {"title": title, "body": list(blocks)}}


def text_block(html):
    return {"type": "text", "value": html}


def make_guide(*, title="Mind The Music", slug="mind-the-music", chapters=None, publish=True):
    chapters = chapters or [chapter("Before the tour", text_block("<p>Plan ahead.</p>"))]
    guide = GuidePage(title=title, slug=slug, intro="Tools for the road.", chapters=chapters)
    guide_index().add_child(instance=guide)
    revision = guide.save_revision()
    if publish:
        revision.publish()
    else:
        guide.unpublish()
    guide.refresh_from_db()
    return guide


def make_partner(*, slug="glasto", origins=("https://partner.example",), active=True, **fields):
    return Partner.objects.create(
        name=fields.pop("name", "Glastonbury"),
        slug=slug,
        allowed_origins="\n".join(origins),
        active=active,
        **fields,
    )
