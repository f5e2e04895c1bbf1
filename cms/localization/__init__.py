"""Localization workflows on top of wagtail-localize: the translation queue, assignment,
per-locale translator permissions, staleness, machine first drafts, bulk PO files and the
gettext catalog report. See docs/localization.md.

- ``services.py``: writes (queue sync, progress, assignment, starting a translation).
- ``selectors.py``: reads (the queue, the dashboard, who may translate into what).
- ``signals.py``: keeps the queue current when content is published or strings translated.
- ``tasks.py``: the django-tasks tasks those signals enqueue (and the emails).
- ``permissions.py``: the server-side checks hooked into Wagtail and wagtail-localize.
- ``machine_translation.py``: choosing DeepL, LibreTranslate or the pseudo-translator (tests).
- ``po.py``: PO export and checked, all-or-nothing import.
- ``catalogs.py``: which gettext UI strings each locale's catalog misses
  (``manage.py report_missing_translations``).
- ``views/``: one module per admin screen; ``admin.py`` wires them into Wagtail.
"""
