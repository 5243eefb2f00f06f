import pytest

from tinycache import FakeClock, LRUCache


def make(maxsize=8, ttl=10):
    clock = FakeClock()
    return LRUCache(maxsize=maxsize, ttl=ttl, clock=clock), clock


def test_entry_expires_after_ttl():
    cache, clock = make()
    cache.set("a", 1)
    clock.advance(9.5)
    assert cache.get("a") == 1
    clock.advance(0.5)
    assert cache.get("a") is None
    assert cache.stats.expirations == 1
    assert cache.stats.misses == 1


def test_per_entry_ttl_overrides_default():
    cache, clock = make(ttl=10)
    cache.set("short", 1, ttl=1)
    cache.set("forever", 2, ttl=None)
    clock.advance(100)
    assert cache.get("short") is None
    assert cache.get("forever") == 2


def test_invalid_ttl():
    with pytest.raises(ValueError):
        LRUCache(ttl=0)
    cache, _ = make()
    with pytest.raises(ValueError):
        cache.set("a", 1, ttl=-5)


def test_ttl_remaining():
    cache, clock = make(ttl=10)
    cache.set("a", 1)
    cache.set("b", 2, ttl=None)
    clock.advance(4)
    assert cache.ttl_remaining("a") == pytest.approx(6)
    assert cache.ttl_remaining("b") is None
    clock.advance(6)
    with pytest.raises(KeyError):
        cache.ttl_remaining("a")


def test_peek_ignores_expired_entries():
    cache, clock = make()
    cache.set("a", 1)
    clock.advance(10)
    assert cache.peek("a", "gone") == "gone"


def test_keys_skip_expired_entries():
    cache, clock = make()
    cache.set("a", 1, ttl=1)
    cache.set("b", 2)
    clock.advance(2)
    assert cache.keys() == ["b"]


def test_purge_expired():
    cache, clock = make()
    cache.set("a", 1, ttl=1)
    cache.set("b", 2, ttl=2)
    cache.set("c", 3, ttl=None)
    clock.advance(5)
    assert cache.purge_expired() == 2
    assert cache.keys() == ["c"]
    assert cache.stats.expirations == 2


def test_fake_clock_cannot_go_backwards():
    with pytest.raises(ValueError):
        FakeClock().advance(-1)
