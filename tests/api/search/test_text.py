"""How text becomes tokens, the same for documents and queries on every engine."""

from api.search.text import bigrams, document_tokens, exact_form, fold, plain_words, stem, words


def test_words_are_stemmed_in_their_own_language():
    assert document_tokens("Touring crews", "en") == "tour crew"
    assert stem("ansiedad", "es") == stem("Ansiedad".casefold(), "es")
    assert stem("grieving", "en") == "griev"


def test_accents_and_case_fold_after_stemming():
    assert stem("anxiété", "fr") == stem("anxiete", "fr")
    assert fold("ångest") == "angest"
    assert exact_form("SOS  Amitié!") == "sos amitie"


def test_arabic_diacritics_and_letter_variants_fold():
    assert fold("إِرْهَاق") == fold("ارهاق")
    assert document_tokens("الإرهاق", "ar") == document_tokens("الارهاق", "ar")


def test_japanese_is_indexed_as_pairs_of_characters_and_keeps_voiced_marks():
    assert bigrams("よりそい") == ["より", "りそ", "そい"]
    assert document_tokens("よりそいホットライン", "ja").split()[:2] == ["より", "りそ"]
    assert fold("が") == "が"
    assert words("不安とburnout") == [("不安と", True), ("burnout", False)]


def test_apostrophes_end_words_and_the_vocabulary_keeps_letters_only():
    assert [word for word, _cjk in words("Can't sleep")] == ["can", "t", "sleep"]
    assert plain_words("Call 988 or text HOME, any time") == {"call", "text", "home", "any", "time"}
