"""The LRU cache."""
from collections import OrderedDict
from dataclasses import dataclass

from .clock import SystemClock

_MISSING = object()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0
    expirations: int = 0

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class _Entry:
    __slots__ = ("value", "expires_at")

    def __init__(self, value, expires_at):
        self.value = value
        self.expires_at = expires_at


def _check_ttl(ttl):
    if ttl is not None and ttl <= 0:
        raise ValueError("ttl must be positive or None")


class LRUCache:
    """A mapping of at most ``maxsize`` live entries, least recently used out first."""

    def __init__(self, maxsize: int = 128, ttl=None, clock=None):
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        _check_ttl(ttl)
        self.maxsize = maxsize
        self.ttl = ttl
        self.clock = clock if clock is not None else SystemClock()
        self.stats = CacheStats()
        self._data = OrderedDict()  # least recently used first

    # -- internals ------------------------------------------------------
    @staticmethod
    def _expired(entry, now) -> bool:
        return entry.expires_at is not None and now >= entry.expires_at

    def _live_entry(self, key):
        """Return the entry for ``key``, dropping it if it has expired."""
        entry = self._data.get(key)
        if entry is not None and self._expired(entry, self.clock.now()):
            del self._data[key]
            self.stats.expirations += 1
            return None
        return entry

    # -- reading --------------------------------------------------------
    def get(self, key, default=None):
        entry = self._live_entry(key)
        if entry is None:
            self.stats.misses += 1
            return default
        self._data.move_to_end(key, last=False)
        self.stats.hits += 1
        return entry.value

    def peek(self, key, default=None):
        """Like ``get`` but leaves recency and statistics untouched."""
        entry = self._data.get(key)
        if entry is None or self._expired(entry, self.clock.now()):
            return default
        return entry.value

    def __contains__(self, key) -> bool:
        entry = self._data.get(key)
        return entry is not None and not self._expired(entry, self.clock.now())

    def __len__(self) -> int:
        now = self.clock.now()
        return sum(1 for e in self._data.values() if not self._expired(e, now))

    def keys(self) -> list:
        """Live keys, least recently used first."""
        now = self.clock.now()
        return [k for k, e in self._data.items() if not self._expired(e, now)]

    def ttl_remaining(self, key):
        """Seconds until ``key`` expires, None if it never does; KeyError if absent."""
        entry = self._live_entry(key)
        if entry is None:
            raise KeyError(key)
        if entry.expires_at is None:
            return None
        return entry.expires_at - self.clock.now()

    # -- writing --------------------------------------------------------
    def set(self, key, value, ttl=_MISSING) -> None:
        ttl = self.ttl if ttl is _MISSING else ttl
        _check_ttl(ttl)
        expires_at = None if ttl is None else self.clock.now() + ttl
        if key in self._data:
            self._data[key] = _Entry(value, expires_at)
            self._data.move_to_end(key)
            return
        if len(self._data) >= self.maxsize:
            self.purge_expired()
        while len(self._data) >= self.maxsize:
            self._data.popitem(last=False)
            self.stats.evictions += 1
        self._data[key] = _Entry(value, expires_at)

    def get_or_set(self, key, factory, ttl=_MISSING):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            value = factory()
            self.set(key, value, ttl)
        return value

    def delete(self, key) -> bool:
        return self._data.pop(key, None) is not None

    def pop(self, key, default=_MISSING):
        entry = self._live_entry(key)
        if entry is None:
            if default is _MISSING:
                raise KeyError(key)
            return default
        del self._data[key]
        return entry.value

    def purge_expired(self) -> int:
        """Drop every expired entry; return how many were dropped."""
        now = self.clock.now()
        stale = [k for k, e in self._data.items() if self._expired(e, now)]
        for key in stale:
            del self._data[key]
        self.stats.expirations += len(stale)
        return len(stale)

    def clear(self) -> None:
        self._data.clear()
