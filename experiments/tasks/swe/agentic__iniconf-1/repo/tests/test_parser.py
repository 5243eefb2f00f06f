import pytest

from iniconf import ParseError, parse


def test_sections_and_options():
    text = "[server]\nhost = localhost\nport=8080\n\n[db]\nurl: sqlite:///x.db\n"
    assert parse(text) == {
        "server": {"host": "localhost", "port": "8080"},
        "db": {"url": "sqlite:///x.db"},
    }


def test_comments_and_blank_lines():
    text = "# top comment\n; another\n\n[a]\n# inside\nx = 1\n"
    assert parse(text) == {"a": {"x": "1"}}


def test_inline_comments():
    assert parse("[a]\nx = 1 # the answer\ny = 2 ; two\nz = a#b\n") == {
        "a": {"x": "1", "y": "2", "z": "a#b"},
    }


def test_keys_are_lowercased_and_stripped():
    assert parse("[a]\n  Max_Size   =  10  \n") == {"a": {"max_size": "10"}}


def test_empty_value():
    assert parse("[a]\nname =\n") == {"a": {"name": ""}}


def test_continuation_lines():
    text = "[paths]\nsearch =\n    /usr/lib\n    /opt/lib\n"
    assert parse(text) == {"paths": {"search": "/usr/lib\n/opt/lib"}}


def test_repeated_section_is_merged_and_later_value_wins():
    text = "[a]\nx = 1\ny = 2\n[b]\nz = 3\n[a]\nx = 10\n"
    assert parse(text) == {"a": {"x": "10", "y": "2"}, "b": {"z": "3"}}


def test_option_outside_section():
    with pytest.raises(ParseError) as info:
        parse("x = 1\n", source="app.ini")
    assert "app.ini:1" in str(info.value)


def test_garbage_line():
    with pytest.raises(ParseError) as info:
        parse("[a]\nx = 1\nthis is not ini\n")
    assert info.value.line == 3
