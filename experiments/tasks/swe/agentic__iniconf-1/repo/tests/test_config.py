import pytest

from iniconf import Config, ConfigError

TEXT = """
[server]
host = 0.0.0.0
port = 8080
debug = yes
ratio = 0.75
tags = web, api ,  internal

[database]
url = sqlite:///app.db
pool_size = five
"""


@pytest.fixture
def config():
    return Config.from_string(TEXT)


def test_get(config):
    assert config.get("server", "host") == "0.0.0.0"
    assert config.get("server", "HOST") == "0.0.0.0"


def test_get_missing_option_with_default(config):
    assert config.get("server", "timeout", default="30") == "30"
    assert config.get("server", "timeout", default=None) is None


def test_get_missing_option_without_default(config):
    with pytest.raises(ConfigError):
        config.get("server", "timeout")


def test_get_int(config):
    assert config.get_int("server", "port") == 8080
    assert config.get_int("server", "workers", default=4) == 4


def test_get_int_invalid(config):
    with pytest.raises(ConfigError) as info:
        config.get_int("database", "pool_size")
    assert "pool_size" in str(info.value)


def test_get_float(config):
    assert config.get_float("server", "ratio") == 0.75


def test_get_bool(config):
    assert config.get_bool("server", "debug") is True
    assert config.get_bool("server", "verbose", default=False) is False
    with pytest.raises(ConfigError):
        config.get_bool("server", "host")


@pytest.mark.parametrize("word, expected", [
    ("1", True), ("Yes", True), ("TRUE", True), ("on", True),
    ("0", False), ("no", False), ("False", False), ("OFF", False),
])
def test_bool_words(word, expected):
    assert Config.from_string(f"[a]\nflag = {word}\n").get_bool("a", "flag") is expected


def test_get_list(config):
    assert config.get_list("server", "tags") == ["web", "api", "internal"]
    assert config.get_list("server", "missing", default=[]) == []


def test_get_list_multiline():
    config = Config.from_string("[paths]\nsearch =\n    /usr/lib\n    /opt/lib, /srv/lib\n")
    assert config.get_list("paths", "search") == ["/usr/lib", "/opt/lib", "/srv/lib"]


def test_defaults_fill_gaps(config):
    config = Config.from_string(TEXT, defaults={"server": {"port": 80, "workers": 2}})
    assert config.get_int("server", "port") == 8080
    assert config.get_int("server", "workers") == 2


def test_sections_options_and_as_dict(config):
    assert config.sections() == ["server", "database"]
    assert config.options("database") == ["url", "pool_size"]
    assert config.has_option("server", "Port")
    assert not config.has_option("nowhere", "port")
    assert config.as_dict()["database"]["url"] == "sqlite:///app.db"
