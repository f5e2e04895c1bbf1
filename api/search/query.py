"""What a search asks for: a query's words, what its synonyms add, whether it signals a
crisis, and misspellings corrected, as groups of alternatives that ``engine.py`` turns into
each engine's full-text query.

A query matches a resource when every group matches (a group matches when any of its
alternatives does); when no resource matches every group, a search falls back to any group,
ranked by how many match (``engine.py``).
"""

from dataclasses import dataclass, replace
from functools import lru_cache

from .stopwords import stopwords
from .text import bigrams, exact_form, fold, language_of, stem, words

# Words of this many letters or more are corrected when the index has never seen them.
TYPO_MIN_LENGTH = 5
# A query word this long or longer, typed last, also matches longer words ("anxi" -> anxiety).
PREFIX_MIN_LENGTH = 3
MAX_GROUPS = 8


@dataclass(frozen=True)
class Term:
    """Tokens to find in a row (one word, or a phrase when several), optionally as a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Group:
    """One word or synonym phrase of the query: matches when any of its terms matches.
    ``plain`` is the word as typed (folded), for a group of one typed word."""

    terms: tuple[Term, ...]
    plain: str = ""


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    exact: str
    groups: tuple[Group, ...]
    languages: tuple[str, ...]  # the locale's base language, then the default's
    crisis_intent: bool = False
    synonyms: tuple[str, ...] = ()  # the synonym phrases found in it

    def words_to_look_up(self):
        """The typed words the vocabulary is asked about: those that may be misspelt, and the
        last one, which may be typed only in part."""
        found = {group.plain for group in self.groups if len(group.plain) >= TYPO_MIN_LENGTH}
        last = self.groups[-1].plain if self.groups else ""
        if len(last) >= PREFIX_MIN_LENGTH:
            found.add(last)
        return sorted(word for word in found if word.isalpha())

    def resolved(self, known, corrections):
        """This query once the vocabulary has answered: ``known`` words as typed, ``corrections``
        (``{word: [known words one edit away]}``) added to their groups, and the last word,
        unless known, matching longer words too ("anxi" finds anxiety). Known words are not
        matched as prefixes: a prefix costs PostgreSQL a scan of every word it starts."""
        groups = []
        for position, group in enumerate(self.groups):
            if not group.plain:
                groups.append(group)
                continue
            last = position == len(self.groups) - 1
            prefix = (
                last
                and len(group.plain) >= PREFIX_MIN_LENGTH
                and group.plain.isalpha()
                and group.plain not in known
            )
            terms = [Term(term.tokens, prefix) for term in group.terms]
            for word in corrections.get(group.plain, ()):
                for term in _word_terms(word, self.languages, prefix=False):
                    if term not in terms:
                        terms.append(term)
            groups.append(Group(tuple(terms), group.plain))
        return replace(self, groups=tuple(groups))


@dataclass(frozen=True)
class Synonym:
    """A search synonym as the query parser uses it (from ``cms.models.SearchSynonym``)."""

    language: str
    phrases: tuple[str, ...]
    search_for: tuple[str, ...]
    signals_crisis: bool


def parse(text, locale_code, synonyms=()):
    """The ``ParsedQuery`` of ``text`` searched in ``locale_code`` with ``synonyms``."""
    language = language_of(locale_code)
    languages = tuple(dict.fromkeys([language, "en"]))
    typed = words(text)[: MAX_GROUPS * 4]
    matcher = _matcher(tuple(synonyms))
    groups, matched, crisis = [], [], False
    position = 0
    while position < len(typed):
        found = matcher.longest_at(typed, position)
        if found:
            length, entries = found
            phrase = typed[position : position + length]
            matched.append(" ".join(word for word, _cjk in phrase))
            terms = list(_phrase_terms(phrase, languages))
            for entry in entries:
                crisis = crisis or entry.signals_crisis
                for extra in entry.search_for:
                    for term in _phrase_terms(words(extra), (language_of(entry.language), "en")):
                        if term not in terms:
                            terms.append(term)
            groups.append(Group(tuple(terms)))
            position += length
            continue
        word, is_cjk = typed[position]
        position += 1
        if is_cjk:
            cjk_groups, cjk_phrases, cjk_crisis = _cjk_groups(word, matcher)
            groups.extend(cjk_groups)
            matched.extend(cjk_phrases)
            crisis = crisis or cjk_crisis
            continue
        if len(word) < 2 and not word.isdigit():
            continue
        groups.append(Group((), fold(word)))
    groups = [
        group
        if group.terms
        else Group(tuple(_word_terms(group.plain, languages, False)), group.plain)
        for group in _drop_stopwords(groups, languages)[:MAX_GROUPS]
    ]
    return ParsedQuery(text, exact_form(text), tuple(groups), languages, crisis, tuple(matched))


def _word_terms(word, languages, prefix):
    terms = []
    for language in languages:
        term = Term((stem(word, language),), prefix)
        if term not in terms:
            terms.append(term)
    return terms


def _phrase_terms(phrase, languages):
    """The terms of a phrase of typed words (``words()`` pairs) in each language."""
    for language in languages:
        tokens = []
        for word, is_cjk in phrase:
            tokens.extend(bigrams(word) if is_cjk else [stem(word, language)])
        if tokens:
            yield Term(tuple(tokens), prefix=len(tokens) == 1 and len(tokens[0]) == 1)


def _cjk_groups(run, matcher):
    """``(groups, phrases, crisis)`` of a run of CJK characters: synonym phrases found inside
    it are groups of their own; each rest of the run is one phrase of character pairs."""
    groups, phrases, crisis = [], [], False
    rest = run
    for phrase, entries in matcher.cjk_phrases:
        if phrase not in rest:
            continue
        rest = rest.replace(phrase, " ")
        phrases.append(phrase)
        terms = list(_phrase_terms([(phrase, True)], ("ja",)))
        for entry in entries:
            crisis = crisis or entry.signals_crisis
            for extra in entry.search_for:
                for term in _phrase_terms(words(extra), (language_of(entry.language), "en")):
                    if term not in terms:
                        terms.append(term)
        groups.append(Group(tuple(terms)))
    for piece in rest.split():
        groups.append(Group(tuple(_phrase_terms([(piece, True)], ("ja",)))))
    return groups, phrases, crisis


def _drop_stopwords(groups, languages):
    stop = set().union(*(stopwords(language) for language in languages))
    kept = [group for group in groups if group.terms or group.plain not in stop]
    return kept or groups


class _Matcher:
    """Finds synonym phrases in a query: word sequences (compared stem by stem in the
    synonym's language) and, for CJK phrases, text inside a run of CJK characters."""

    def __init__(self, synonyms):
        self.by_first = {}
        cjk = {}
        for synonym in synonyms:
            language = language_of(synonym.language)
            for phrase in synonym.phrases:
                phrase_words = words(phrase)
                if not phrase_words:
                    continue
                if len(phrase_words) == 1 and phrase_words[0][1]:
                    cjk.setdefault(phrase_words[0][0], []).append(synonym)
                    continue
                stems = tuple(stem(word, language) for word, _cjk in phrase_words)
                self.by_first.setdefault((language, stems[0]), []).append((stems, synonym))
        # Longest first, so "燃え尽き症候群" is taken before "燃え尽き".
        self.cjk_phrases = sorted(cjk.items(), key=lambda item: -len(item[0]))
        self.languages = {language for language, _stem in self.by_first}

    def longest_at(self, typed, position):
        """``(length, [synonyms])`` of the longest phrase starting at ``position``, or None."""
        best = None
        for language in self.languages:
            word, is_cjk = typed[position]
            if is_cjk:
                return None
            candidates = self.by_first.get((language, stem(word, language)), ())
            for stems, synonym in candidates:
                end = position + len(stems)
                if end > len(typed) or any(cjk for _w, cjk in typed[position:end]):
                    continue
                if tuple(stem(w, language) for w, _c in typed[position:end]) == stems:
                    if best is None or len(stems) > best[0]:
                        best = (len(stems), [synonym])
                    elif len(stems) == best[0] and synonym not in best[1]:
                        best[1].append(synonym)
        return best


@lru_cache(maxsize=8)
def _matcher(synonyms):
    return _Matcher(synonyms)
