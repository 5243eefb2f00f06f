import pytest

from textkit import normalize_whitespace, truncate, wrap

FOX = "the quick brown fox jumps over the lazy dog"


def test_wrap_basic():
    assert wrap(FOX, width=15) == ["the quick brown", "fox jumps over", "the lazy dog"]


def test_wrap_lines_never_exceed_width():
    for width in range(8, 30):
        assert all(len(line) <= width for line in wrap(FOX, width=width))


def test_wrap_long_word_on_its_own_line():
    assert wrap("a extraordinarily long word", width=10) == ["a", "extraordinarily", "long word"]


def test_wrap_indent():
    assert wrap(FOX, width=16, indent="  ") == ["  the quick", "  brown fox", "  jumps over the", "  lazy dog"]


def test_wrap_hanging_indent():
    assert wrap(FOX, width=16, indent="- ", subsequent_indent="  ") == [
        "- the quick", "  brown fox", "  jumps over the", "  lazy dog",
    ]


def test_wrap_rejects_width_smaller_than_indent():
    with pytest.raises(ValueError):
        wrap(FOX, width=2, indent="    ")


def test_wrap_empty():
    assert wrap("   ", width=10) == []


def test_normalize_whitespace():
    assert normalize_whitespace("  a \t b\n\nc  ") == "a b c"


def test_truncate_fits():
    assert truncate("short text", 20) == "short text"


def test_truncate_at_word_boundary():
    assert truncate(FOX, 12) == "the quick..."


def test_truncate_custom_placeholder():
    assert truncate(FOX, 16, placeholder=" [more]") == "the quick [more]"
