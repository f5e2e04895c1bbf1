"""The judged relevance set (issue 19): what a person types, in which language and country,
and what must come back near the top, judged against the demo directory
(``cms/demo/data``).

Expectations:

- ``kinds`` / ``topics`` / ``orgs`` / ``ids`` (external ids) / ``name``: a result of one of
  these kinds, with one of these topics, from one of these organisations, one of these
  resources, or whose name contains this text, within the first ``within`` results;
- ``calm``: only resources that are not crisis lines or helplines count (the demo's crisis
  records are being replaced by the real directory's; everyday queries are judged against the
  services that stay);
- ``crisis``: a country: the answer says the query signals a crisis, and its first result is
  a crisis line serving that country (whichever line it is).
"""

# (query, locale, country, expectation, within)
JUDGED = [
    # English: topic words, synonyms, typos, organisations, kinds, crisis phrases
    ("anxiety", "en", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("burnout", "en", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("grief", "en", None, {"topics": {"grief"}}, 3),
    ("stage fright", "en", None, {"topics": {"performance-anxiety"}, "calm": True}, 3),
    ("can't sleep", "en", None, {"topics": {"sleep", "burnout"}, "calm": True}, 5),
    ("insomnia", "en", None, {"topics": {"sleep", "burnout"}, "calm": True}, 5),
    ("samaritns", "en", None, {"name": "Samaritans"}, 3),
    ("Smaritans", "en", None, {"name": "Samaritans"}, 3),
    ("musicares", "en", None, {"orgs": {"musicares"}}, 3),
    ("help musicians", "en", None, {"orgs": {"help-musicians"}, "calm": True}, 3),
    ("backline", "en", None, {"orgs": {"backline"}, "calm": True}, 3),
    ("sweet relief", "en", None, {"orgs": {"sweet-relief"}}, 3),
    ("tonic music", "en", None, {"orgs": {"tonic-music"}}, 3),
    ("tinnitus", "en", None, {"ids": {"demo-gb-musicians-hearing-health-scheme"}}, 3),
    ("earplugs", "en", None, {"ids": {"demo-gb-musicians-hearing-health-scheme"}}, 3),
    ("money", "en", None, {"kinds": {"financial_aid"}}, 3),
    ("rent", "en", None, {"kinds": {"financial_aid"}}, 3),
    ("I'm broke", "en", None, {"kinds": {"financial_aid"}}, 3),
    ("grants for musicians", "en", None, {"kinds": {"financial_aid"}}, 3),
    ("sober", "en", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("drinking too much", "en", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("alcoholics anonymous", "en", None, {"ids": {"demo-ww-alcoholics-anonymous"}}, 1),
    ("peer support", "en", None, {"kinds": {"peer_support"}}, 3),
    ("podcast", "en", None, {"kinds": {"media"}}, 3),
    ("therapist", "en", None, {"kinds": {"therapy"}}, 3),
    ("counseling", "en", None, {"kinds": {"therapy"}}, 5),
    ("lonely on tour", "en", None, {"topics": {"touring-life"}, "calm": True}, 5),
    ("depressed", "en", None, {"topics": {"depression"}, "calm": True}, 5),
    ("find a helpline", "en", None, {"ids": {"worldwide-find-a-helpline"}}, 1),
    ("check your head", "en", None, {"ids": {"demo-ww-check-your-head-podcast"}}, 1),
    ("anxeity", "en", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("burnuot", "en", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("therapy for touring crew", "en", "GB", {"kinds": {"therapy"}}, 3),
    ("suicidal", "en", "GB", {"crisis": "GB"}, 1),
    ("I want to kill myself", "en", "US", {"crisis": "US"}, 1),
    ("i want to end it all", "en", "AU", {"crisis": "AU"}, 1),
    ("self harm", "en", "IE", {"crisis": "IE"}, 1),
    # Spanish
    ("ansiedad", "es", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("agotamiento", "es", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("duelo", "es", None, {"topics": {"grief"}}, 3),
    ("dinero", "es", None, {"kinds": {"financial_aid"}}, 3),
    ("ayuda económica para músicos", "es", None, {"kinds": {"financial_aid"}}, 3),
    ("miedo escénico", "es", None, {"topics": {"performance-anxiety"}, "calm": True}, 3),
    ("terapia", "es", None, {"kinds": {"therapy"}}, 3),
    ("alcohol", "es", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("quiero morir", "es", "ES", {"crisis": "ES"}, 1),
    # French
    ("anxiété", "fr", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("épuisement", "fr", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("deuil", "fr", None, {"topics": {"grief"}}, 3),
    ("trac", "fr", None, {"topics": {"performance-anxiety"}, "calm": True}, 3),
    ("argent", "fr", None, {"kinds": {"financial_aid"}}, 3),
    ("alcool", "fr", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("envie de mourir", "fr", "FR", {"crisis": "FR"}, 1),
    # German
    ("Angst", "de", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("Burnout", "de", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("Trauer", "de", None, {"topics": {"grief"}}, 3),
    ("Lampenfieber", "de", None, {"topics": {"performance-anxiety"}, "calm": True}, 3),
    ("Geldsorgen", "de", None, {"kinds": {"financial_aid"}}, 3),
    ("Sucht", "de", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("ich will sterben", "de", "DE", {"crisis": "DE"}, 1),
    # Portuguese (Brazil): the demo has no Portuguese translations; synonyms carry it
    ("ansiedade", "pt-br", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("esgotamento", "pt-br", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("luto", "pt-br", None, {"topics": {"grief"}}, 3),
    ("dinheiro", "pt-br", None, {"kinds": {"financial_aid"}}, 3),
    ("medo de palco", "pt-br", None, {"topics": {"performance-anxiety"}, "calm": True}, 3),
    ("quero morrer", "pt-br", "BR", {"crisis": "BR"}, 1),
    # Japanese: no Japanese translations in the demo either
    ("不安", "ja", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("燃え尽き", "ja", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("悲嘆", "ja", None, {"topics": {"grief"}}, 3),
    ("お金がない", "ja", None, {"kinds": {"financial_aid"}}, 3),
    ("眠れない", "ja", None, {"topics": {"sleep", "burnout"}, "calm": True}, 5),
    ("死にたい", "ja", "JP", {"crisis": "JP"}, 1),
    # Arabic
    ("القلق", "ar", None, {"topics": {"anxiety", "performance-anxiety"}, "calm": True}, 5),
    ("الإرهاق", "ar", None, {"topics": {"burnout"}, "calm": True}, 5),
    ("الحزن", "ar", None, {"topics": {"grief"}}, 3),
    ("المال", "ar", None, {"kinds": {"financial_aid"}}, 3),
    ("المخدرات", "ar", None, {"topics": {"substance-use"}, "calm": True}, 3),
    ("أريد أن أموت", "ar", "GB", {"crisis": "GB"}, 1),
]
