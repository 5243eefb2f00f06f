"""The Config object: lookups, typed getters, defaults and overrides."""

import os

from .errors import ConfigError
from .parser import parse

_MISSING = object()
_ABSENT = object()
_TRUE = frozenset({"1", "yes", "true", "on"})
_FALSE = frozenset({"0", "no", "false", "off"})


def env_var_name(prefix, section, key):
    """The environment variable that overrides *key* in *section*.

    ``<prefix><SECTION>_<KEY>``: section and key upper-cased, with every
    character other than a letter or a digit replaced by ``_``, so option
    ``log.level`` of section ``my-service`` with prefix ``APP_`` is
    ``APP_MY_SERVICE_LOG_LEVEL``.
    """
    return f"{prefix}{section}_{key}".upper()


def _apply_env(data, prefix, environ):
    for section, options in data.items():
        for key in options:
            name = env_var_name(prefix, section, key)
            if name in environ:
                options[key] = environ[name]


class Config:
    """Options grouped in sections; every value is stored as a string."""

    def __init__(self, data=None):
        self._data = {}
        self._update(data or {})

    def _update(self, data):
        for section, options in data.items():
            self._data.setdefault(section, {}).update(
                {key.lower(): str(value) for key, value in options.items()}
            )

    @classmethod
    def from_string(cls, text, defaults=None, source="<string>"):
        config = cls(defaults)
        config._update(parse(text, source))
        return config

    @classmethod
    def load(cls, path, defaults=None, env_prefix=None, required=True, environ=None):
        """Read the INI file at *path* (``~`` is expanded).

        *defaults* maps sections to ``{key: value}`` used where the file is
        silent. With *env_prefix*, an environment variable named after the
        section and key (see :func:`env_var_name`) overrides the value of any
        option known from the file or from the defaults. *environ* replaces
        ``os.environ``.

        A missing file raises :class:`ConfigError`, unless *required* is false:
        the configuration then holds the defaults and the environment overrides.
        """
        environ = os.environ if environ is None else environ
        path = os.path.expanduser(os.fspath(path))
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            if required:
                raise ConfigError(f"config file not found: {path}") from None
            return cls(defaults)
        data = parse(text, source=path)
        if env_prefix:
            _apply_env(data, env_prefix, environ)
        config = cls(defaults)
        config._update(data)
        return config

    def sections(self):
        return list(self._data)

    def options(self, section):
        return list(self._data.get(section, {}))

    def has_option(self, section, key):
        return key.lower() in self._data.get(section, {})

    def as_dict(self):
        return {section: dict(options) for section, options in self._data.items()}

    def get(self, section, key, default=_MISSING):
        """The string value of *key* in *section*.

        If the option (or the whole section) is missing, *default* is returned
        when given; otherwise :class:`ConfigError` is raised.
        """
        options = self._data[section]
        if key.lower() in options:
            return options[key.lower()]
        if default is _MISSING:
            raise ConfigError(f"missing option {key!r} in section [{section}]")
        return default

    def _typed(self, section, key, default, convert, kind):
        value = self.get(section, key, _ABSENT)
        if value is _ABSENT:
            if default is _MISSING:
                raise ConfigError(f"missing option {key!r} in section [{section}]")
            return default  # defaults are returned as given, not converted
        try:
            return convert(value)
        except ValueError:
            raise ConfigError(f"[{section}] {key} = {value!r} is not {kind}") from None

    def get_int(self, section, key, default=_MISSING):
        return self._typed(section, key, default, int, "an integer")

    def get_float(self, section, key, default=_MISSING):
        return self._typed(section, key, default, float, "a number")

    def get_bool(self, section, key, default=_MISSING):
        return self._typed(section, key, default, _to_bool, "a boolean")

    def get_list(self, section, key, default=_MISSING, separator=","):
        """A comma-separated (or multi-line) value as a list of stripped items."""
        def split(value):
            parts = value.replace("\n", separator).split(separator)
            return [part.strip() for part in parts if part.strip()]
        return self._typed(section, key, default, split, "a list")


def _to_bool(value):
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(value)
