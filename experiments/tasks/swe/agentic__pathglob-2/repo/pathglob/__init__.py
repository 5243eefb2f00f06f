"""pathglob: glob-pattern matching and lexical path helpers."""
from .match import compile_pattern, filter_paths, match, match_any, translate
from .paths import expand, join, normalize, relative_to, split_ext

__all__ = [
    "compile_pattern",
    "expand",
    "filter_paths",
    "join",
    "match",
    "match_any",
    "normalize",
    "relative_to",
    "split_ext",
    "translate",
]

__version__ = "0.2.0"
