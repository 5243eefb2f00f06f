"""iniconf: a tiny INI configuration reader."""

from .config import Config
from .errors import ConfigError, ParseError
from .parser import parse

__all__ = ["Config", "ConfigError", "ParseError", "parse"]

__version__ = "0.6.0"
