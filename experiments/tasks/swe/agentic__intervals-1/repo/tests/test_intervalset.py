from intervals import Interval, IntervalSet, merge


def pairs(interval_set):
    return [(i.start, i.end) for i in interval_set]


def test_merge_overlapping_unsorted():
    assert merge([Interval(5, 8), Interval(1, 3), Interval(2, 4)]) == [Interval(1, 4), Interval(5, 8)]


def test_merge_joins_touching():
    assert merge([Interval(1, 3), Interval(3, 5)]) == [Interval(1, 5)]


def test_merge_drops_empty():
    assert merge([Interval(2, 2), Interval(4, 6)]) == [Interval(4, 6)]


def test_merge_nothing():
    assert merge([]) == []


def test_set_from_pairs():
    s = IntervalSet.from_pairs([(8, 9), (1, 3), (2, 5)])
    assert pairs(s) == [(1, 5), (8, 9)]
    assert len(s) == 2
    assert s.total_length() == 5


def test_add():
    s = IntervalSet.from_pairs([(1, 3)])
    s.add(Interval(10, 12))
    s.add(Interval(2, 6))
    assert pairs(s) == [(1, 6), (10, 12)]


def test_point_membership():
    s = IntervalSet.from_pairs([(1, 3), (5, 7)])
    assert 1 in s
    assert 2 in s
    assert 4 not in s
    assert 6.5 in s


def test_interval_membership():
    s = IntervalSet.from_pairs([(1, 5)])
    assert Interval(2, 4) in s
    assert Interval(1, 5) in s
    assert Interval(4, 6) not in s


def test_remove_from_the_left():
    s = IntervalSet.from_pairs([(1, 10)])
    s.remove(Interval(0, 4))
    assert pairs(s) == [(4, 10)]


def test_remove_from_the_right():
    s = IntervalSet.from_pairs([(1, 10)])
    s.remove(Interval(6, 12))
    assert pairs(s) == [(1, 6)]


def test_remove_whole_interval():
    s = IntervalSet.from_pairs([(1, 3), (5, 7)])
    s.remove(Interval(5, 7))
    assert pairs(s) == [(1, 3)]


def test_union():
    a = IntervalSet.from_pairs([(1, 3)])
    b = IntervalSet.from_pairs([(2, 6), (8, 9)])
    assert pairs(a.union(b)) == [(1, 6), (8, 9)]


def test_intersection():
    a = IntervalSet.from_pairs([(1, 5), (7, 10)])
    b = IntervalSet.from_pairs([(4, 8)])
    assert pairs(a.intersection(b)) == [(4, 5), (7, 8)]


def test_gaps_and_bounds():
    s = IntervalSet.from_pairs([(1, 2), (4, 5), (7, 9)])
    assert pairs(s.gaps()) == [(2, 4), (5, 7)]
    assert s.bounds() == Interval(1, 9)
    assert IntervalSet().bounds() is None
    assert not IntervalSet()
