"""URL slugs."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _to_ascii(text):
    """Strip accents and drop every character that has no ASCII form."""
    normalized = unicodedata.normalize("NFKD", text)
    return normalized.encode("ascii", "ignore").decode("ascii")


def slugify(text, separator="-", max_length=None):
    """Turn *text* into a URL slug.

    Accents are stripped, the text is lower-cased and every run of characters
    other than ASCII letters and digits becomes a single *separator*. The slug
    never starts or ends with the separator.

    With *max_length*, a longer slug is cut back to the last whole word that
    fits, so that the result is at most *max_length* characters long (a
    single word longer than that is cut in the middle).
    """
    if not separator:
        raise ValueError("separator must not be empty")
    slug = _NON_ALNUM.sub(separator, _to_ascii(text).lower()).strip("-")
    if max_length is None or len(slug) <= max_length:
        return slug
    if max_length <= 0:
        return ""
    cut = slug[:max_length]
    if slug[max_length:].startswith(separator):
        return cut
    head, sep, _ = cut.rpartition(separator)
    return head if sep else cut
