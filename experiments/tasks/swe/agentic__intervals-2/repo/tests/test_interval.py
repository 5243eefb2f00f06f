import pytest

from intervals import Interval


def test_length_and_empty():
    assert Interval(2, 7).length == 5
    assert Interval(3, 3).is_empty()
    assert not Interval(3, 4).is_empty()


def test_reversed_bounds_rejected():
    with pytest.raises(ValueError):
        Interval(5, 1)


def test_contains_start_and_inside():
    interval = Interval(1, 5)
    assert 1 in interval
    assert 2.5 in interval
    assert 0.999 not in interval
    assert 7 not in interval


def test_overlapping_intervals():
    assert Interval(1, 5).overlaps(Interval(4, 8))
    assert Interval(4, 8).overlaps(Interval(1, 5))
    assert Interval(1, 10).overlaps(Interval(3, 4))


def test_disjoint_intervals():
    assert not Interval(1, 2).overlaps(Interval(5, 8))
    assert Interval(1, 2).intersection(Interval(5, 8)) is None


def test_empty_interval_overlaps_nothing():
    assert not Interval(3, 3).overlaps(Interval(1, 5))


def test_touches():
    assert Interval(1, 3).touches(Interval(3, 5))
    assert not Interval(1, 3).touches(Interval(4, 5))


def test_intersection():
    assert Interval(1, 5).intersection(Interval(3, 9)) == Interval(3, 5)
    assert Interval(1, 10).intersection(Interval(2, 4)) == Interval(2, 4)


def test_span_and_shift():
    assert Interval(1, 2).span(Interval(5, 8)) == Interval(1, 8)
    assert Interval(1, 2).shift(10) == Interval(11, 12)


def test_ordering_and_hashing():
    assert sorted([Interval(3, 4), Interval(1, 9), Interval(1, 2)]) == [
        Interval(1, 2), Interval(1, 9), Interval(3, 4),
    ]
    assert len({Interval(1, 2), Interval(1, 2), Interval(1, 3)}) == 2
    assert repr(Interval(1, 2.5)) == "Interval(1, 2.5)"
