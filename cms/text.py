"""Reading the multi-line text fields editors fill in: one phrase, origin… per line."""


def text_lines(text):
    """The non-blank lines of ``text``, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
