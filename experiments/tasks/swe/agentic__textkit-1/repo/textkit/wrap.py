"""Word wrapping and truncation."""

import re

_WHITESPACE = re.compile(r"\s+")


def normalize_whitespace(text):
    """Collapse every run of whitespace to one space and trim both ends."""
    return _WHITESPACE.sub(" ", text).strip()


def wrap(text, width=70, indent="", subsequent_indent=None):
    """Greedily wrap *text* into lines of at most *width* characters.

    The first line starts with *indent*, the following ones with
    *subsequent_indent* (default: the same as *indent*); indentation counts
    towards the width. A word longer than the space left on an empty line is
    put on a line of its own, unbroken. Returns the list of lines.
    """
    if subsequent_indent is None:
        subsequent_indent = indent
    if width <= len(indent) or width <= len(subsequent_indent):
        raise ValueError("width must be larger than the indentation")
    lines = []
    prefix = indent
    current = []
    length = len(prefix)
    for word in text.split():
        needed = len(word) + (1 if current else 0)
        if current and length + needed > width:
            lines.append(prefix + " ".join(current))
            prefix = subsequent_indent
            current = []
            length = len(prefix)
            needed = len(word)
        current.append(word)
        length += needed
    if current:
        lines.append(prefix + " ".join(current))
    return lines


def truncate(text, width, placeholder="..."):
    """Shorten *text* to at most *width* characters, cutting at a word boundary.

    Whitespace is normalized first. Text that already fits is returned as is;
    otherwise as many whole words as fit are kept and *placeholder* is appended.
    """
    text = normalize_whitespace(text)
    if len(text) <= width:
        return text
    if len(placeholder) > width:
        raise ValueError("placeholder is longer than width")
    kept = []
    length = 0
    for word in text.split(" "):
        extra = len(word) + (1 if kept else 0)
        if length + extra + len(placeholder) > width:
            break
        kept.append(word)
        length += extra
    return " ".join(kept) + placeholder
