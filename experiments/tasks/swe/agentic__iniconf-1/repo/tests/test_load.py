import pytest

from iniconf import Config, ConfigError
from iniconf.config import env_var_name

APP_INI = """
[server]
host = 127.0.0.1
port = 8080

[database]
url = sqlite:///app.db
"""


@pytest.fixture
def app_ini(tmp_path):
    path = tmp_path / "app.ini"
    path.write_text(APP_INI, encoding="utf-8")
    return path


def test_load_file(app_ini):
    config = Config.load(app_ini)
    assert config.get_int("server", "port") == 8080
    assert config.get("database", "url") == "sqlite:///app.db"


def test_load_with_defaults(app_ini):
    config = Config.load(app_ini, defaults={"server": {"workers": "4"}})
    assert config.get_int("server", "workers") == 4
    assert config.get("server", "host") == "127.0.0.1"


def test_load_expands_home(app_ini, monkeypatch):
    monkeypatch.setenv("HOME", str(app_ini.parent))
    assert Config.load("~/app.ini").get("server", "host") == "127.0.0.1"


def test_missing_required_file(tmp_path):
    with pytest.raises(ConfigError) as info:
        Config.load(tmp_path / "nope.ini")
    assert "nope.ini" in str(info.value)


def test_missing_optional_file_uses_defaults(tmp_path):
    config = Config.load(tmp_path / "nope.ini", defaults={"server": {"port": "80"}}, required=False)
    assert config.get_int("server", "port") == 80


def test_env_overrides_file_value(app_ini):
    environ = {"APP_SERVER_PORT": "9090", "UNRELATED": "x"}
    config = Config.load(app_ini, env_prefix="APP_", environ=environ)
    assert config.get_int("server", "port") == 9090
    assert config.get("server", "host") == "127.0.0.1"


def test_env_ignored_without_prefix(app_ini):
    config = Config.load(app_ini, environ={"APP_SERVER_PORT": "9090"})
    assert config.get_int("server", "port") == 8080


def test_env_uses_os_environ_by_default(app_ini, monkeypatch):
    monkeypatch.setenv("MYAPP_DATABASE_URL", "postgres://db/app")
    config = Config.load(app_ini, env_prefix="MYAPP_")
    assert config.get("database", "url") == "postgres://db/app"


def test_env_var_name_simple():
    assert env_var_name("APP_", "server", "port") == "APP_SERVER_PORT"
