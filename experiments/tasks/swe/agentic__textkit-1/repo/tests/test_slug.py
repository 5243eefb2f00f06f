import pytest

from textkit import slugify


def test_basic():
    assert slugify("Hello World") == "hello-world"


def test_punctuation_is_collapsed():
    assert slugify("Hello, World!") == "hello-world"
    assert slugify("  spaces -- and   dashes  ") == "spaces-and-dashes"


def test_accents_are_stripped():
    assert slugify("Crème brûlée à la carte") == "creme-brulee-a-la-carte"


def test_digits_are_kept():
    assert slugify("Top 10 tips for 2024") == "top-10-tips-for-2024"


def test_custom_separator():
    assert slugify("Hello World", separator="_") == "hello_world"


def test_empty_separator_rejected():
    with pytest.raises(ValueError):
        slugify("Hello", separator="")


def test_only_symbols_gives_empty_slug():
    assert slugify("!!! ???") == ""


def test_max_length_cuts_at_word_boundary():
    assert slugify("The quick brown fox", max_length=12) == "the-quick"


def test_max_length_exact_boundary():
    assert slugify("The quick brown fox", max_length=15) == "the-quick-brown"


def test_max_length_single_long_word():
    assert slugify("Supercalifragilistic", max_length=5) == "super"
