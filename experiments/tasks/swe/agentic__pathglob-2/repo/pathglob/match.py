"""Glob patterns translated to regular expressions."""
import os
import re
from functools import lru_cache

from .paths import expand, normalize

CASE_ENV = "PATHGLOB_CASE_INSENSITIVE"
_TRUE = ("1", "true", "yes", "on")


def _default_case_sensitive() -> bool:
    return os.environ.get(CASE_ENV, "").strip().lower() not in _TRUE


def _translate_class(pattern: str, i: int):
    """Translate the ``[...]`` set starting at ``pattern[i] == '['``.

    Returns ``(regex, next_index)``, or ``None`` if the set is not closed.
    """
    j = i + 1
    negate = j < len(pattern) and pattern[j] == "!"
    if negate:
        j += 1
    start = j
    if j < len(pattern) and pattern[j] == "]":
        j += 1  # a leading ']' is a literal member of the set
    while j < len(pattern) and pattern[j] != "]":
        j += 1
    if j >= len(pattern):
        return None
    body = pattern[start:j]
    for ch in "\\^[]":
        body = body.replace(ch, "\\" + ch)
    if negate:
        return "[^" + body + "]", j + 1
    return "[" + body + "]", j + 1


def translate(pattern: str) -> str:
    """Translate a glob pattern into an anchored regular expression string."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            translated = _translate_class(pattern, i)
            if translated is None:
                out.append(re.escape(c))
                i += 1
            else:
                out.append(translated[0])
                i = translated[1]
        else:
            out.append(re.escape(c))
            i += 1
    return "(?s:" + "".join(out) + r")\Z"


@lru_cache(maxsize=256)
def _compile(pattern: str, case_sensitive: bool):
    return re.compile(translate(pattern), 0 if case_sensitive else re.IGNORECASE)


def compile_pattern(pattern: str, case_sensitive=None):
    """Compile ``pattern`` (after ``~`` expansion) to a regex object."""
    if case_sensitive is None:
        case_sensitive = _default_case_sensitive()
    return _compile(expand(pattern), bool(case_sensitive))


def match(path: str, pattern: str, case_sensitive=None) -> bool:
    """True if the normalised ``path`` matches the glob ``pattern``."""
    regex = compile_pattern(pattern, case_sensitive)
    return regex.match(normalize(expand(path))) is not None


def match_any(path: str, patterns, case_sensitive=None) -> bool:
    return any(match(path, p, case_sensitive) for p in patterns)


def filter_paths(paths, pattern: str, case_sensitive=None) -> list:
    """The paths (as given) that match ``pattern``, in their original order."""
    regex = compile_pattern(pattern, case_sensitive)
    return [p for p in paths if regex.match(normalize(expand(p)))]
