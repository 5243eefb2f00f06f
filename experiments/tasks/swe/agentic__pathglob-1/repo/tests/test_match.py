import re

import pytest

from pathglob import compile_pattern, filter_paths, match, match_any, translate


@pytest.mark.parametrize(
    "path, pattern",
    [
        ("setup.py", "*.py"),
        ("src/app.py", "src/*.py"),
        ("data1.csv", "data?.csv"),
        ("fileB.txt", "file[ABC].txt"),
        ("fileA.txt", "file[!0-9].txt"),
        ("x-1", "x[-_]1"),
        ("src/pkg/mod.py", "src/**/*.py"),
        ("docs/a/b/c.md", "docs/**"),
        ("anything/at/all", "**"),
        ("a+b(c).txt", "a+b(c).txt"),
        ("[weird", "[weird"),
    ],
)
def test_matches(path, pattern):
    assert match(path, pattern)


@pytest.mark.parametrize(
    "path, pattern",
    [
        ("src/app.py", "*.py"),
        ("data10.csv", "data?.csv"),
        ("fileD.txt", "file[ABC].txt"),
        ("file1.txt", "file[!0-9].txt"),
        ("a/b", "a?b"),
        ("docs", "docs/**"),
    ],
)
def test_does_not_match(path, pattern):
    assert not match(path, pattern)


def test_path_is_normalised_before_matching():
    assert match("./src//pkg/../app.py", "src/*.py")


def test_case_sensitivity(monkeypatch):
    monkeypatch.delenv("PATHGLOB_CASE_INSENSITIVE", raising=False)
    assert not match("README.MD", "*.md")
    assert match("README.MD", "*.md", case_sensitive=False)


@pytest.mark.parametrize("value", ["1", "true", "YES", "on"])
def test_case_insensitive_from_environment(monkeypatch, value):
    monkeypatch.setenv("PATHGLOB_CASE_INSENSITIVE", value)
    assert match("README.MD", "*.md")
    assert not match("README.MD", "*.md", case_sensitive=True)


def test_case_environment_false_values(monkeypatch):
    monkeypatch.setenv("PATHGLOB_CASE_INSENSITIVE", "0")
    assert not match("README.MD", "*.md")


def test_pattern_home_expansion(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann")
    assert match("/home/ann/notes.txt", "~/*.txt")


def test_match_any_and_filter():
    paths = ["a.py", "b.txt", "c/d.py", "e.md"]
    assert match_any("b.txt", ["*.py", "*.txt"])
    assert not match_any("e.md", ["*.py", "*.txt"])
    assert filter_paths(paths, "*.py") == ["a.py"]


def test_translate_is_a_valid_anchored_regex():
    regex = re.compile(translate("src/*.py"))
    assert regex.match("src/a.py")
    assert not regex.match("src/a.pyc")


def test_compile_pattern_returns_regex():
    assert compile_pattern("*.md", case_sensitive=True).match("x.md")
