"""Reading a query: its words, synonyms, crisis phrases, stopwords and what may be misspelt."""

import json
from pathlib import Path

import pytest

from api.search.engine import FullTextMatch, one_edit_apart
from api.search.query import Synonym, parse

SHIPPED = json.loads(
    (Path(__file__).parents[3] / "cms" / "data" / "search_synonyms.json").read_text()
)
SYNONYMS = tuple(
    Synonym(s["language"], tuple(s["phrases"]), tuple(s["search_for"]), s["signals_crisis"])
    for s in SHIPPED
)


def tokens(parsed):
    return [sorted(" ".join(term.tokens) for term in group.terms) for group in parsed.groups]


def test_a_synonym_phrase_becomes_one_group_with_what_it_stands_for():
    parsed = parse("stage fright help", "en", SYNONYMS)
    assert parsed.synonyms == ("stage fright",)
    first, second = tokens(parsed)
    assert "perform anxieti" in first and "stage fright" in first
    assert second == ["help"]


def test_synonyms_match_word_forms_in_their_own_language():
    assert parse("drinking", "en", SYNONYMS).synonyms == ("drinking",)
    assert parse("drinks", "en", SYNONYMS).synonyms == ("drinks",)  # the same stem, "drink"
    assert parse("drinkers", "en", SYNONYMS).synonyms == ()  # another stem
    assert parse("Cant sleep at all", "en", SYNONYMS).synonyms == ("cant sleep",)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("I want to kill myself", "en"),
        ("suicidal", "es"),
        ("me quiero morir", "es"),
        ("j'ai envie de mourir", "fr"),
        ("Ich will sterben", "de"),
        ("quero morrer", "pt-br"),
        ("もう死にたいです", "ja"),
        ("أريد أن أموت", "ar"),
        ("أريد أن أنهي حياتي", "ar"),
        ("quiero acabar con mi vida", "es"),
        ("Ich will mein Leben beenden", "de"),
        ("ya no puedo más", "es"),
        ("je n'en peux plus", "fr"),
        ("não aguento mais", "pt-br"),
        ("ich kann nicht mehr", "de"),
        ("لا أستطيع الاستمرار", "ar"),
        ("vill dö", "sv"),
        # People search in their own words whatever the widget's language.
        ("quiero morir", "en"),
    ],
)
def test_crisis_phrases_signal_a_crisis_in_every_language(text, locale):
    assert parse(text, locale, SYNONYMS).crisis_intent


@pytest.mark.parametrize("text", ["anxiety", "end of tour blues", "money for rent", "death metal"])
def test_everyday_searches_do_not(text):
    assert not parse(text, "en", SYNONYMS).crisis_intent


def test_japanese_synonyms_are_found_inside_a_run_of_text():
    parsed = parse("眠れない夜", "ja", SYNONYMS)
    assert parsed.synonyms == ("眠れない",)
    sleep, rest = tokens(parsed)
    assert "sleep" in sleep and rest == ["夜"]


def test_stopwords_are_dropped_unless_nothing_else_is_left():
    assert tokens(parse("help with my anxiety", "en")) == [["help"], ["anxieti"]]
    assert tokens(parse("the and", "en")) == [["the"], ["and"]]


def test_words_are_stemmed_in_the_locale_and_in_english():
    [group] = parse("músicos", "es").groups
    assert {term.tokens for term in group.terms} == {("music",), ("musico",)}


def test_the_last_word_matches_as_a_prefix_only_when_the_vocabulary_lacks_it():
    parsed = parse("peer supp", "en")
    assert parsed.words_to_look_up() == ["supp"]
    typing = parsed.resolved(known=set(), corrections={})
    assert [term.prefix for group in typing.groups for term in group.terms] == [False, True]
    complete = parse("peer support", "en").resolved(known={"support"}, corrections={})
    assert not any(term.prefix for group in complete.groups for term in group.terms)


def test_corrections_join_the_misspelt_words_group():
    corrections = {"samaritns": ["samaritans"]}
    parsed = parse("samaritns", "en").resolved(known=set(), corrections=corrections)
    assert ("samaritan",) in {term.tokens for term in parsed.groups[0].terms}


def test_one_edit_apart():
    assert one_edit_apart("samaritns", "samaritans")  # a letter left out
    assert one_edit_apart("anxeity", "anxiety")  # two neighbours swapped
    assert one_edit_apart("burnout", "burnuut")
    assert not one_edit_apart("burnout", "burnout")
    assert not one_edit_apart("burnout", "brunuot")


def test_each_engine_gets_the_same_query():
    parsed = parse("peer support", "en")
    match = FullTextMatch(parsed.groups)
    assert match.tsquery() == "('peer') & ('support')"
    assert match.fts5() == '("peer") AND ("support")'
    names = FullTextMatch(parsed.groups, field="names")
    assert names.tsquery() == "('peer':A) & ('support':A)"
    assert names.fts5() == '{names} : (("peer") AND ("support"))'
