"""Function words dropped from searches (articles, pronouns, prepositions, auxiliaries): "help
with my anxiety" searches for "help" and "anxiety". Short on purpose: a word people search for
("help", "alone", "home", "line") must never be here. A query made only of these keeps them.
Documents keep every word, so names and phrases still match as written.
"""

STOPWORDS = {
    "en": """a an the and or but of to in on at by for from with without about into over
        i me my myself we our you your he him his she her it its they them their this that these
        those am is are was were be been being have has had do does did can could would should
        will shall may might must t s m re ve ll d don im ive""",
    "es": """el la los las un una unos unas y o u de del al a en con sin por para sobre
        yo me mi mis tu tus te se su sus nos lo le les que es son soy estoy esta está estoy
        he ha han hay muy""",
    "fr": """le la les l un une des du de d et ou à au aux en dans par pour sur avec sans
        je j me m mon ma mes tu te ton ta tes il elle on nous vous ils elles se s son sa ses
        leur leurs ce cet cette ces qui que qu est suis sont ai a ne n pas""",
    "de": """der die das den dem des ein eine einen einem einer und oder zu zum zur in im
        an am auf mit ohne für von vom bei ich mich mir mein meine du dich dir er sie es wir
        ihr ist bin sind hat habe haben nicht""",
    "pt": """o a os as um uma uns umas e ou de do da dos das em no na nos nas com sem por
        para pelo pela eu me meu minha meus minhas você te se seu sua é sou estou está são
        que não""",
    "sv": """en ett den det de och eller av till i på med utan för om från jag mig min mitt
        mina du dig din ditt han hon vi ni är var har inte""",
    "ar": """في من إلى الى على عن مع و أو او ثم أنا انا أنت انت هو هي نحن هم هذا هذه ذلك
        التي الذي ما لا""",
}


def stopwords(language):
    """The stopwords of a base language (``en``), as a set of folded words."""
    from .text import fold

    return {fold(word) for word in STOPWORDS.get(language, "").split()}
