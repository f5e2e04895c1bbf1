"""Flagging requests that signal immediate danger, so the team sees them first.

A short list of phrases per content locale; a request matches if its text contains any phrase
of *any* locale (people write in the language they think in, whatever they picked). Text and
phrases are compared case- and accent-insensitively, so "no puedo mas" matches "no puedo más".
Stems ("suicid") catch their inflections. A false alarm costs a minute; a miss costs more, so
the lists lean towards flagging. Crisis workers should review them for their language.
"""

import re
import unicodedata
from functools import cache

URGENT_PHRASES = {
    "en": [
        "suicid",
        "kill myself",
        "killing myself",
        "end my life",
        "ending my life",
        "take my life",
        "want to die",
        "wanna die",
        "better off dead",
        "no reason to live",
        "hurt myself",
        "hurting myself",
        "self harm",
        "self-harm",
        "overdos",
        "can't go on",
        "cant go on",
        "end it all",
        "not safe",
        "i'm in danger",
        "i am in danger",
    ],
    "es": [
        "suicid",
        "matarme",
        "quitarme la vida",
        "quiero morir",
        "no quiero vivir",
        "acabar con mi vida",
        "hacerme daño",
        "autolesion",
        "sobredosis",
        "no puedo más",
        "estoy en peligro",
    ],
    "fr": [
        "suicid",
        "me tuer",
        "mettre fin à mes jours",
        "en finir",
        "veux mourir",
        "envie de mourir",
        "me faire du mal",
        "automutil",
        "surdose",
        "je n'en peux plus",
        "je suis en danger",
    ],
    "de": [
        "suizid",
        "selbstmord",
        "mich umbringen",
        "mir das leben nehmen",
        "will sterben",
        "nicht mehr leben",
        "mich verletzen",
        "selbstverletz",
        "überdosis",
        "ich kann nicht mehr",
        "bin in gefahr",
    ],
    "pt-br": [
        "suicid",
        "me matar",
        "tirar minha vida",
        "tirar a minha vida",
        "quero morrer",
        "não quero mais viver",
        "me machucar",
        "automutila",
        "não aguento mais",
        "estou em perigo",
    ],
    "ja": [
        "自殺",
        "死にたい",
        "消えたい",
        "自分を傷つけ",
        "自傷",
        "リストカット",
        "オーバードーズ",
        "過剰摂取",
        "生きていたくない",
        "もう限界",
    ],
    "ar": [
        "انتحار",
        "انتحر",
        "أقتل نفسي",
        "أريد أن أموت",
        "أنهي حياتي",
        "إيذاء نفسي",
        "جرعة زائدة",
        "أنا في خطر",
    ],
    "sv": [
        "självmord",
        "suicid",
        "ta livet av mig",
        "vill dö",
        "vill inte leva",
        "skada mig själv",
        "självskad",
        "överdos",
        "orkar inte mer",
        "jag är i fara",
    ],
}


def normalize(text: str) -> str:
    """Casefolded, without accents or Arabic vowel marks, curly quotes made straight and
    whitespace collapsed: the form both phrases and messages are compared in.
    """
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text)


@cache
def _phrases():
    return tuple({normalize(p) for phrases in URGENT_PHRASES.values() for p in phrases})


def is_urgent(text: str) -> bool:
    """Whether ``text`` contains a phrase that signals immediate danger, in any locale."""
    normalized = normalize(text or "")
    return any(phrase in normalized for phrase in _phrases())
