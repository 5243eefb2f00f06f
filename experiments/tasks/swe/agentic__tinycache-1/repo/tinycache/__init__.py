"""tinycache: an LRU cache with TTL support and an injectable clock."""
from .cache import CacheStats, LRUCache
from .clock import FakeClock, SystemClock
from .decorators import cached

__all__ = ["CacheStats", "FakeClock", "LRUCache", "SystemClock", "cached"]

__version__ = "0.3.1"
