"""Memoisation on top of LRUCache."""
import functools

from .cache import LRUCache


def _make_key(args, kwargs):
    if kwargs:
        return args + (_KWARGS_MARK,) + tuple(sorted(kwargs.items()))
    return args


_KWARGS_MARK = object()


def cached(cache=None, *, key=None):
    """Memoise a function in ``cache`` (a fresh ``LRUCache()`` if omitted).

    ``key`` is an optional function computing the cache key from the
    arguments; by default positional and keyword arguments are used.
    """
    if cache is None:
        cache = LRUCache()

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            k = key(*args, **kwargs) if key is not None else _make_key(args, kwargs)
            return cache.get_or_set(k, lambda: func(*args, **kwargs))

        wrapper.cache = cache
        wrapper.cache_clear = cache.clear
        return wrapper

    return decorator
