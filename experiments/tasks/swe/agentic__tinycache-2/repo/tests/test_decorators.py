from tinycache import FakeClock, LRUCache, cached


def test_cached_memoises():
    calls = []

    @cached()
    def square(x):
        calls.append(x)
        return x * x

    assert square(3) == 9
    assert square(3) == 9
    assert calls == [3]
    assert square.__name__ == "square"


def test_cached_keyword_arguments_are_part_of_the_key():
    @cached()
    def power(x, exp=2):
        return x**exp

    assert power(2) == 4
    assert power(2, exp=3) == 8
    assert power(2, exp=3) == 8


def test_cached_custom_key():
    @cached(key=lambda user, request_id: user)
    def profile(user, request_id):
        return {"user": user, "first_request": request_id}

    assert profile("ann", 1)["first_request"] == 1
    assert profile("ann", 2)["first_request"] == 1


def test_cached_respects_ttl():
    clock = FakeClock()
    calls = []

    @cached(LRUCache(ttl=60, clock=clock))
    def fetch(url):
        calls.append(url)
        return len(calls)

    assert fetch("u") == 1
    clock.advance(30)
    assert fetch("u") == 1
    clock.advance(30)
    assert fetch("u") == 2


def test_cache_clear():
    calls = []

    @cached()
    def ident(x):
        calls.append(x)
        return x

    ident(1)
    ident.cache_clear()
    ident(1)
    assert calls == [1, 1]
