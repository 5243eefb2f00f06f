import pytest

from tinycache import LRUCache


def test_set_and_get():
    cache = LRUCache(maxsize=4)
    cache.set("a", 1)
    assert cache.get("a") == 1
    assert cache.get("missing") is None
    assert cache.get("missing", "dflt") == "dflt"


def test_none_values_are_cached():
    cache = LRUCache()
    cache.set("k", None)
    assert "k" in cache
    assert cache.get("k", "dflt") is None


def test_invalid_maxsize():
    with pytest.raises(ValueError):
        LRUCache(maxsize=0)


def test_evicts_oldest_insertion_when_full():
    cache = LRUCache(maxsize=3)
    for key in "abcd":
        cache.set(key, key.upper())
    assert "a" not in cache
    assert cache.keys() == ["b", "c", "d"]
    assert cache.stats.evictions == 1


def test_overwrite_refreshes_recency():
    cache = LRUCache(maxsize=3)
    for key in "abc":
        cache.set(key, 0)
    cache.set("a", 1)
    cache.set("d", 0)
    assert cache.keys() == ["c", "a", "d"]
    assert cache.get("a") == 1


def test_peek_does_not_count():
    cache = LRUCache(maxsize=2)
    cache.set("a", 1)
    assert cache.peek("a") == 1
    assert cache.peek("b", 0) == 0
    assert (cache.stats.hits, cache.stats.misses) == (0, 0)


def test_stats():
    cache = LRUCache(maxsize=2)
    cache.set("a", 1)
    cache.get("a")
    cache.get("a")
    cache.get("b")
    assert (cache.stats.hits, cache.stats.misses) == (2, 1)
    assert cache.stats.hit_rate == pytest.approx(2 / 3)


def test_delete_pop_clear():
    cache = LRUCache()
    cache.set("a", 1)
    cache.set("b", 2)
    assert cache.delete("a") is True
    assert cache.delete("a") is False
    assert cache.pop("b") == 2
    assert cache.pop("b", "gone") == "gone"
    with pytest.raises(KeyError):
        cache.pop("b")
    cache.set("c", 3)
    cache.clear()
    assert len(cache) == 0


def test_get_or_set_calls_factory_once():
    cache = LRUCache()
    calls = []

    def factory():
        calls.append(1)
        return 42

    assert cache.get_or_set("x", factory) == 42
    assert cache.get_or_set("x", factory) == 42
    assert len(calls) == 1
