import pytest

from pathglob import expand, join, normalize, relative_to, split_ext


@pytest.mark.parametrize(
    "path, expected",
    [
        ("a//b/./c/../d", "a/b/d"),
        ("/../etc//passwd", "/etc/passwd"),
        ("../x/../../y", "../../y"),
        ("./", "."),
        ("", "."),
        ("/", "/"),
        ("a/b/", "a/b"),
    ],
)
def test_normalize(path, expected):
    assert normalize(path) == expected


def test_expand_home(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann")
    assert expand("~/notes.txt") == "/home/ann/notes.txt"
    assert expand("~") == "/home/ann"


def test_expand_leaves_inner_tilde_alone(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann")
    assert expand("backup~/x") == "backup~/x"


def test_expand_variables(monkeypatch):
    monkeypatch.setenv("PROJECT", "/srv/app")
    assert expand("$PROJECT/build") == "/srv/app/build"
    assert expand("${PROJECT}_old/build") == "/srv/app_old/build"


def test_expand_unknown_variable_is_kept(monkeypatch):
    monkeypatch.delenv("NO_SUCH_VAR", raising=False)
    assert expand("$NO_SUCH_VAR/x") == "$NO_SUCH_VAR/x"


def test_expand_with_explicit_env():
    env = {"HOME": "/u/bob", "OUT": "dist"}
    assert expand("~/$OUT/app", env=env) == "/u/bob/dist/app"


def test_join():
    assert join("a", "b/", "c") == "a/b/c"
    assert join("a", "/abs", "x") == "/abs/x"
    assert join("a", "", "..", "b") == "b"


@pytest.mark.parametrize(
    "path, expected",
    [
        ("dir/archive.tar.gz", ("dir/archive.tar", ".gz")),
        ("README", ("README", "")),
        (".bashrc", (".bashrc", "")),
        ("/x/y.py", ("/x/y", ".py")),
    ],
)
def test_split_ext(path, expected):
    assert split_ext(path) == expected


def test_relative_to():
    assert relative_to("/srv/app/src/x.py", "/srv/app") == "src/x.py"
    assert relative_to("a/b", "a/b/") == "."
    with pytest.raises(ValueError):
        relative_to("/srv/application", "/srv/app")


def test_expand_home_with_trailing_slash(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann/")
    assert expand("~/notes.txt") == "/home/ann/notes.txt"
    assert expand("~") == "/home/ann"


def test_expand_home_is_root(monkeypatch):
    monkeypatch.setenv("HOME", "/")
    assert expand("~/notes.txt") == "/notes.txt"
    assert expand("~") == "/"


def test_expand_other_users_home_is_left_alone(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann")
    assert expand("~bob/notes.txt") == "~bob/notes.txt"
    assert expand("~~") == "~~"


def test_expand_without_home(monkeypatch):
    monkeypatch.delenv("HOME", raising=False)
    assert expand("~/notes.txt") == "~/notes.txt"
    assert expand("~/x", env={"HOME": ""}) == "~/x"
