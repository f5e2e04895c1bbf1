"""The concierge: a person asks for help finding local care; a small team answers by email.

Writes live in ``services``, reads in ``selectors``, background delivery in ``tasks``, the
admin inbox in ``views`` (wired by ``admin.register_concierge_admin``). See docs/concierge.md.
"""
