"""How text becomes search tokens: one analysis for documents and queries, on every engine.

The engines (SQLite FTS5, PostgreSQL tsvector) only match the tokens written here, so both find
exactly the same things, whatever stemmers or tokenizers each engine happens to have:

- Unicode NFKC, case folding; accents and Arabic diacritics, tatweel and letter variants are
  folded after stemming (so "anxiete" finds "anxiété", "ansiedád" finds "ansiedad");
- words are runs of letters and digits; an apostrophe ends a word ("can't" is "can", "t";
  "l'anxiété" is "l", "anxiété"); one-letter words are dropped from searches;
- each word is stemmed with the Snowball stemmer of its text's language (English for the
  English text of every document), so "touring crews" finds "tour crew";
- Chinese, Japanese and Korean are written without spaces: each run of those characters is
  indexed as overlapping pairs of characters ("よりそい" is "より", "りそ", "そい"), and a
  query's run must match those pairs in a row (a phrase).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Snowball stemmers for the base language of a locale; other languages are not stemmed.
STEMMERS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}

WORD = re.compile(r"[^\W_]+")
# Han, Hiragana, Katakana (with the prolonged sound mark), Hangul, half-width Katakana.
CJK = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]+"
)
ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Alef with hamza or madda -> bare alef; alef maqsura -> yeh; teh marbuta -> heh.
ARABIC_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0649": "\u064a",
        "\u0629": "\u0647",
    }
)


def language_of(locale_code):
    """The base language of a locale code: ``pt-br`` -> ``pt``."""
    return (locale_code or "").split("-")[0].lower()


@lru_cache(maxsize=32)
def _stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word, language):
    """``word`` (already case-folded) stemmed in ``language`` and folded."""
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word) if stemmer else word)


def fold(word):
    """Accents off Latin letters; Arabic diacritics, tatweel and letter variants unified.
    Japanese voiced marks are kept: they are part of the letter, not an accent."""
    if word.isascii():
        return word
    word = ARABIC_DIACRITICS.sub("", word).translate(ARABIC_LETTERS)
    if not any("\u00c0" <= char <= "\u024f" for char in word):
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def words(text):
    """The words of ``text``, normalized and case-folded, in order: ``[(word, is_cjk)]``. A
    run of Chinese, Japanese or Korean characters is one "word" here."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    found = []
    for match in WORD.finditer(text):
        position = 0
        chunk = match.group()
        for run in CJK.finditer(chunk):
            if run.start() > position:
                found.append((chunk[position : run.start()], False))
            found.append((run.group(), True))
            position = run.end()
        if position < len(chunk):
            found.append((chunk[position:], False))
    return found


def bigrams(run):
    """Overlapping pairs of characters of a CJK run (a single character stays as it is)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def document_tokens(text, language):
    """The tokens a document's ``text`` in ``language`` is indexed as, space-separated."""
    tokens = []
    for word, is_cjk in words(text):
        tokens.extend(bigrams(word) if is_cjk else [stem(word, language)])
    return " ".join(tokens)


def plain_words(text):
    """The vocabulary words of ``text`` (folded, unstemmed, letters only, 3 to 40 characters):
    what a misspelt query word is corrected to, and whether a query's last word is complete
    (``query.ParsedQuery.resolved``)."""
    return {
        fold(word)
        for word, is_cjk in words(text)
        if not is_cjk and 3 <= len(word) <= 40 and word.isalpha()
    }


def exact_form(text):
    """``text`` reduced for comparing whole names: its words, folded, one space apart."""
    return " ".join(fold(word) for word, _is_cjk in words(text))[:255]
