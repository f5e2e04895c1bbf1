"""Campaign short links (``/s/<code>``): where a link leads in the visitor's language, the
privacy-preserving daily counts, QR codes for posters and the campaign report
(docs/public-pages.md)."""
