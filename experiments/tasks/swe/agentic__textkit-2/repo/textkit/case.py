"""Case conversions: headline title case, snake_case and camelCase."""

import re
import string

# Articles, short conjunctions and short prepositions stay lower case in titles.
SMALL_WORDS = frozenset(
    "a an and as at but by en for if in nor of on or per the to v vs via".split()
)

_WORD_BOUNDARY = re.compile(r"[^0-9A-Za-z]+")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _has_inner_capital(word):
    return any(ch.isupper() for ch in word[1:])


def _capitalize(word):
    """Upper-case the first letter of *word*, skipping leading punctuation."""
    for index, ch in enumerate(word):
        if ch.isalpha():
            return word[:index] + ch.upper() + word[index + 1:]
    return word


def _title_part(part, force):
    if _has_inner_capital(part):
        return part  # "iPhone", "NASA", "McDonald" are kept as written
    lowered = part.lower()
    if not force and lowered.strip(string.punctuation) in SMALL_WORDS:
        return lowered
    return _capitalize(lowered)


def _title_word(word, force):
    parts = word.split("-")
    first = _title_part(parts[0], force)
    rest = [_title_part(part, False) for part in parts[1:]]
    return "-".join([first] + rest)


def title_case(text):
    """Title-case *text* following common English headline rules.

    * Every word is capitalized, except small words (articles, short
      conjunctions and prepositions such as "a", "and", "of", "the"), which
      are lower-cased...
    * ...unless the small word is the first or the last word of the title, or
      the first word after a colon: those are always capitalized.
    * Words with a capital letter after their first character ("iPhone",
      "NASA") are left as they are.
    * Each part of a hyphenated word follows the same rules on its own
      ("step-by-step guide" -> "Step-by-Step Guide").

    Runs of whitespace are collapsed to single spaces.
    """
    words = text.split()
    result = []
    for index, word in enumerate(words):
        force = index == 0 or index == len(words) or word.endswith(":")
        result.append(_title_word(word, force))
    return " ".join(result)


def _split_words(text):
    words = []
    for chunk in _WORD_BOUNDARY.split(text):
        if chunk:
            words.extend(_CAMEL_HUMP.split(chunk))
    return [word for word in words if word]


def snake_case(text):
    """``"HTTPServer error-code"`` -> ``"http_server_error_code"``."""
    return "_".join(word.lower() for word in _split_words(text))


def camel_case(text, upper_first=False):
    """``"http server error"`` -> ``"httpServerError"`` (``"HttpServerError"`` with *upper_first*)."""
    words = [word.lower() for word in _split_words(text)]
    if not words:
        return ""
    head = words[0].capitalize() if upper_first else words[0]
    return head + "".join(word.capitalize() for word in words[1:])
