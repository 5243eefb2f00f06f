"""Parsing INI text into nested dictionaries."""

import re

from .errors import ParseError

_SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]$")
_OPTION = re.compile(r"^(?P<key>[^=:]+?)\s*[=:]\s*(?P<value>.*)$")
_INLINE_COMMENT = re.compile(r"\s[#;].*$")


def parse(text, source="<string>"):
    """Parse INI *text* into ``{section: {key: value}}``.

    * ``[name]`` starts a section; a section that appears twice is merged.
    * ``key = value`` or ``key: value`` sets an option. Keys are lower-cased,
      keys and values are stripped, and a later value replaces an earlier one.
    * Lines starting with ``#`` or ``;`` are comments, and so is the rest of a
      line after whitespace followed by ``#`` or ``;``.
    * An indented line continues the value of the previous option (the parts
      are joined with a newline).

    Raises :class:`ParseError` for an option outside any section or a line
    that is neither a section, an option nor a comment.
    """
    data = {}
    section = None
    key = None
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if raw[0].isspace() and key is not None:
            value = _INLINE_COMMENT.sub("", stripped)
            current = data[section][key]
            data[section][key] = f"{current}\n{value}" if current else value
            continue
        match = _SECTION.match(stripped)
        if match:
            section = match.group("name").strip()
            data.setdefault(section, {})
            key = None
            continue
        match = _OPTION.match(stripped)
        if not match:
            raise ParseError(f"cannot parse line {stripped!r}", source, number)
        if section is None:
            raise ParseError("option outside of any section", source, number)
        key = match.group("key").strip().lower()
        data[section][key] = _INLINE_COMMENT.sub("", match.group("value")).strip()
    return data
