"""textkit: small, dependency-free text utilities."""

from .case import camel_case, snake_case, title_case
from .slug import slugify
from .wrap import normalize_whitespace, truncate, wrap

__all__ = [
    "camel_case",
    "normalize_whitespace",
    "slugify",
    "snake_case",
    "title_case",
    "truncate",
    "wrap",
]

__version__ = "0.4.1"
