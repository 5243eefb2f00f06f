"""Exceptions raised by iniconf."""


class ConfigError(Exception):
    """A configuration is missing, incomplete or holds a value of the wrong type."""


class ParseError(ConfigError):
    """The configuration text is not valid INI."""

    def __init__(self, message, source="<string>", line=None):
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
