"""Keeping the search index current: the rows of a resource in every locale, and the words
its text is made of.

``index_resources(keys)`` rewrites the rows of the resources with those translation keys (the
source and its translations share one), from what is live: the source's text and its live
translation's, topics, organisation, kind and audience labels in each locale. ``signals.py``
calls it whenever any of that is published, unpublished, saved or deleted, inside the same
transaction; ``rebuild_index()`` rewrites everything (``manage.py rebuild_search_index``).
"""

from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from cms.models import Audience, Kind, Organisation, Resource, Topic

from ..filter_terms import WORLDWIDE
from .models import SearchEntry, SearchWord
from .text import document_tokens, exact_form, language_of, plain_words

BATCH = 500


@transaction.atomic
def index_resources(keys):
    """Rewrite the index rows of the resources with these translation keys."""
    keys = list(set(keys))
    if not keys:
        return 0
    SearchEntry.objects.filter(resource__translation_key__in=keys).delete()
    default = Locale.get_default()
    sources = Resource.objects.filter(translation_key__in=keys, locale=default, live=True)
    return _write(list(sources.select_related("organisation")), default)


def rebuild_index(*, log=None):
    """Rewrite the whole index (and its vocabulary) from the live resources; returns the
    number of rows written."""
    default = Locale.get_default()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
    ids = list(
        Resource.objects.filter(locale=default, live=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    written = 0
    for start in range(0, len(ids), BATCH * 4):
        batch = Resource.objects.filter(pk__in=ids[start : start + BATCH * 4])
        with transaction.atomic():
            written += _write(list(batch.select_related("organisation")), default)
        if log:
            log(f"search index: {min(start + BATCH * 4, len(ids))}/{len(ids)} resources")
    return written


def keys_of_topic(topic):
    """Translation keys of the resources listed under ``topic`` (any locale's row of it)."""
    sources = Topic.objects.filter(translation_key=topic.translation_key).values("pk")
    return Resource.objects.filter(topics__in=sources).values_list("translation_key", flat=True)


def keys_of_organisation(organisation):
    rows = Organisation.objects.filter(translation_key=organisation.translation_key).values("pk")
    return Resource.objects.filter(organisation__in=rows).values_list("translation_key", flat=True)


def _write(sources, default):
    if not sources:
        return 0
    locales = list(Locale.objects.all())
    texts = _Texts(sources, default, locales)
    entries, vocabulary = [], set()
    for source in sources:
        for locale in locales:
            entry, words = texts.entry(source, locale)
            entries.append(entry)
            vocabulary |= words
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    _add_words(vocabulary)
    return len(entries)


class _Texts:
    """Everything the rows of ``sources`` say, read in a fixed number of queries, with each
    piece analysed once (a topic's name, a label, the default locale's text of a resource)."""

    def __init__(self, sources, default, locales):
        self.default = default
        keys = [source.translation_key for source in sources]
        ids = [source.pk for source in sources]
        self.translations = {
            (row["translation_key"], row["locale_id"]): row
            for row in Resource.objects.filter(translation_key__in=keys, live=True)
            .exclude(locale=default)
            .values("translation_key", "locale_id", "name", "summary", "description")
        }
        topic_rows = Resource.topics.through.objects.filter(resource_id__in=ids)
        self.topics_of = {}
        for resource_id, topic_id in topic_rows.values_list("resource_id", "topic_id"):
            self.topics_of.setdefault(resource_id, []).append(topic_id)
        topic_keys = dict(
            Topic.objects.filter(
                pk__in={t for ts in self.topics_of.values() for t in ts}
            ).values_list("pk", "translation_key")
        )
        self.topic_key = topic_keys
        self.topic_text = {
            (key, locale_id): (name, description)
            for key, locale_id, name, description in Topic.objects.filter(
                translation_key__in=set(topic_keys.values())
            ).values_list("translation_key", "locale_id", "name", "description")
        }
        org_keys = {s.organisation.translation_key for s in sources if s.organisation}
        self.org_name = {
            (key, locale_id): name
            for key, locale_id, name in Organisation.objects.filter(
                translation_key__in=org_keys
            ).values_list("translation_key", "locale_id", "name")
        }
        self.served = {}
        country_rows = Resource.countries.through.objects.filter(resource_id__in=ids)
        for resource_id, code in country_rows.values_list("resource_id", "country_id"):
            self.served.setdefault(resource_id, []).append(code)
        audience_rows = Resource.audiences.through.objects.filter(resource_id__in=ids)
        self.audiences_of = {}
        for resource_id, slug in audience_rows.values_list("resource_id", "audience_id"):
            self.audiences_of.setdefault(resource_id, []).append(slug)
        self.labels = {}
        for locale in locales:
            with translation.override(locale.language_code):
                self.labels[locale.pk] = (
                    {value: str(label) for value, label in Kind.choices},
                    {slug: str(label) for slug, label in Audience.CHOICES.items()},
                )
        self.analysed = {}

    def countries_of(self, source):
        codes = sorted(self.served.get(source.pk, []))
        if source.worldwide:
            codes.append(WORLDWIDE)
        return f" {' '.join(codes)} " if codes else ""

    def _analyse(self, text, language):
        key = (text, language)
        if key not in self.analysed:
            self.analysed[key] = document_tokens(text, language)
        return self.analysed[key]

    def _about(self, source, locale_id):
        """``(names, descriptions)`` in a locale: topic, organisation, kind and audience names,
        and the topics' descriptions (a topic's name says what a resource is about; its
        description only what the topic is)."""
        kinds, audiences = self.labels[locale_id]
        topics = [
            self.topic_text.get((self.topic_key[topic_id], locale_id), ("", ""))
            for topic_id in self.topics_of.get(source.pk, [])
        ]
        names = [name for name, _description in topics]
        if source.organisation:
            names.append(self.org_name.get((source.organisation.translation_key, locale_id), ""))
        names.append(kinds.get(source.kind, ""))
        names.extend(audiences.get(slug, "") for slug in self.audiences_of.get(source.pk, []))
        descriptions = [description for _name, description in topics]
        return " ".join(n for n in names if n), " ".join(d for d in descriptions if d)

    def entry(self, source, locale):
        """``(SearchEntry, vocabulary words)`` of ``source`` in ``locale``."""
        default_id = self.default.pk
        fields = {
            "name": source.name,
            "summary": source.summary,
            "description": source.description,
        }
        own = {field: "" for field in fields}
        if locale.pk != default_id:
            found = self.translations.get((source.translation_key, locale.pk))
            if found:
                own = {field: found[field] or "" for field in fields}
        language = language_of(locale.language_code)
        default_language = language_of(self.default.language_code)
        about_default, topics_default = self._about(source, default_id)
        about_own, topics_own = ("", "")
        if locale.pk != default_id:
            about_own, topics_own = self._about(source, locale.pk)
        if about_own == about_default:
            about_own = ""
        if topics_own == topics_default:
            topics_own = ""

        def both(own_text, default_text):
            return " ".join(
                part
                for part in (
                    self._analyse(own_text, language) if own_text else "",
                    self._analyse(default_text, default_language),
                )
                if part
            )

        entry = SearchEntry(
            resource_id=source.pk,
            locale_id=locale.pk,
            expire_at=source.expire_at,
            countries=self.countries_of(source),
            exact_name=exact_form(own["name"] or source.name),
            exact_default_name=exact_form(source.name),
            names=both(own["name"], fields["name"]),
            topics=both(about_own, about_default),
            summary=" ".join(
                part
                for part in (
                    both(own["summary"], fields["summary"]),
                    both(topics_own, topics_default),
                )
                if part
            ),
            description=both(own["description"], fields["description"]),
        )
        vocabulary = set()
        texts = (*own.values(), *fields.values(), about_own, about_default)
        for text in (*texts, topics_own, topics_default):
            if text:
                vocabulary |= _plain_words(text)
        return entry, vocabulary


_seen_words = {}


def _plain_words(text):
    found = _seen_words.get(text)
    if found is None:
        found = plain_words(text)
        if len(_seen_words) < 50_000:
            _seen_words[text] = found
    return found


def deletion_keys(word):
    """The word itself and each spelling of it with one letter left out."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _add_words(vocabulary):
    """Add the words the vocabulary does not hold yet, under each of their keys."""
    if not vocabulary:
        return
    vocabulary = sorted(vocabulary)
    known = set()
    for start in range(0, len(vocabulary), BATCH):
        chunk = vocabulary[start : start + BATCH]
        known.update(
            SearchWord.objects.filter(key__in=chunk, word__in=chunk).values_list("word", flat=True)
        )
    rows = [
        SearchWord(key=key, word=word)
        for word in vocabulary
        if word not in known
        for key in deletion_keys(word)
    ]
    SearchWord.objects.bulk_create(rows, batch_size=BATCH * 4, ignore_conflicts=True)
