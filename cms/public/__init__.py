"""The hub's public face: its home page in every locale, the finder embedded as a partner would
embed it, the crisis block for the visitor's country, and the language switcher and ``hreflang``
links every public page carries (docs/public-pages.md)."""
