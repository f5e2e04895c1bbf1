"""Roadcase content: the directory, guides, events, partners and country facts (Wagtail)."""
