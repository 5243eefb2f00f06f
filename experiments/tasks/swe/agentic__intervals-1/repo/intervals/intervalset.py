"""Sets of disjoint half-open intervals."""

from .interval import Interval


def merge(intervals):
    """Merge *intervals* (any order) into a sorted list of disjoint intervals.

    Overlapping and touching intervals are joined; empty ones are dropped.
    """
    merged = []
    for interval in sorted(i for i in intervals if not i.is_empty()):
        if merged and interval.start <= merged[-1].end:
            merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


class IntervalSet:
    """A set of numbers stored as sorted, disjoint, non-touching intervals."""

    def __init__(self, intervals=()):
        self._items = merge(intervals)

    @classmethod
    def from_pairs(cls, pairs):
        return cls(Interval(start, end) for start, end in pairs)

    @property
    def intervals(self):
        return list(self._items)

    def add(self, interval):
        self._items = merge(self._items + [interval])

    def remove(self, interval):
        """Remove every number of *interval* from the set."""
        if interval.is_empty():
            return
        kept = []
        for item in self._items:
            if not item.overlaps(interval):
                kept.append(item)
                continue
            if item.start < interval.start:
                kept.append(Interval(item.start, interval.start))
            elif item.end > interval.end:
                kept.append(Interval(interval.end, item.end))
        self._items = kept

    def union(self, other):
        return IntervalSet(self._items + other._items)

    def intersection(self, other):
        common = []
        for mine in self._items:
            for theirs in other._items:
                part = mine.intersection(theirs)
                if part is not None and not part.is_empty():
                    common.append(part)
        return IntervalSet(common)

    def difference(self, other):
        result = IntervalSet(self._items)
        for interval in other._items:
            result.remove(interval)
        return result

    def total_length(self):
        return sum(item.length for item in self._items)

    def gaps(self):
        """The intervals between consecutive members, in order."""
        return [Interval(a.end, b.start) for a, b in zip(self._items, self._items[1:])]

    def bounds(self):
        """The smallest interval covering the whole set, or ``None`` if it is empty."""
        if not self._items:
            return None
        return Interval(self._items[0].start, self._items[-1].end)

    def __contains__(self, value):
        if isinstance(value, Interval):
            return any(item.start <= value.start and value.end <= item.end for item in self._items)
        return any(item.contains(value) for item in self._items)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __eq__(self, other):
        if not isinstance(other, IntervalSet):
            return NotImplemented
        return self._items == other._items

    def __repr__(self):
        return f"IntervalSet({self._items!r})"
