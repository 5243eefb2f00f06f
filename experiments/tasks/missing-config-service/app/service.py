#!/usr/bin/env python3
"""stockroom: a tiny inventory API.

    python3 /app/service.py [--config PATH]            serve
    python3 /app/service.py [--config PATH] --check    validate configuration and environment

See /app/README.md for the configuration file format and where it is looked for.
"""
import argparse
import ipaddress
import json
import os
import re
import stat
import sys
import tomllib
from http.server import BaseHTTPRequestHandler, HTTPServer

ENV_FILE = "/app/stockroom.env"
DEFAULT_CONFIG = "/etc/stockroom/stockroom.toml"

SCHEMA = {
    "service": {"schema": int, "name": str},
    "server": {"host": str, "port": int, "workers": int},
    "storage": {"data_dir": str, "db_file": str},
    "auth": {"token_file": str, "allowed_origins": list},
    "logging": {"level": str, "file": str},
}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(Exception):
    pass


def read_env_file(path):
    values = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip().strip('"').strip("'")
    except FileNotFoundError:
        pass
    return values


def config_path(cli_path):
    if cli_path:
        return cli_path, "--config"
    if os.environ.get("STOCKROOM_CONFIG"):
        return os.environ["STOCKROOM_CONFIG"], "environment variable STOCKROOM_CONFIG"
    from_file = read_env_file(ENV_FILE).get("STOCKROOM_CONFIG")
    if from_file:
        return from_file, ENV_FILE
    return DEFAULT_CONFIG, "default location"


def load(path, origin):
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} (from {origin}) does not exist")
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}")
    for section in data:
        if section not in SCHEMA:
            raise ConfigError(f"{path}: unknown section [{section}]")
    for section, keys in SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: missing section [{section}]")
        for key in table:
            if key not in keys:
                raise ConfigError(f"{path}: unknown key {section}.{key}")
        for key, kind in keys.items():
            if key not in table:
                raise ConfigError(f"{path}: missing key {section}.{key}")
            value = table[key]
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(f"{path}: {section}.{key} must be of type {kind.__name__}, got {value!r}")
    return data


def validate(cfg):
    svc, srv, sto, auth, log = (cfg[s] for s in ("service", "server", "storage", "auth", "logging"))
    if svc["schema"] != 2:
        raise ConfigError(f"service.schema must be 2, got {svc['schema']}")
    if not re.fullmatch(r"[a-z0-9-]{1,32}", svc["name"]):
        raise ConfigError(f"service.name {svc['name']!r} must be 1-32 characters of a-z, 0-9 and '-'")
    try:
        ipaddress.IPv4Address(srv["host"])
    except ValueError:
        raise ConfigError(f"server.host {srv['host']!r} is not an IPv4 address")
    if not 1024 <= srv["port"] <= 65535:
        raise ConfigError(f"server.port {srv['port']} is outside 1024..65535")
    if not 1 <= srv["workers"] <= 16:
        raise ConfigError(f"server.workers {srv['workers']} is outside 1..16")
    data_dir = sto["data_dir"]
    if not os.path.isabs(data_dir) or not os.path.isdir(data_dir):
        raise ConfigError(f"storage.data_dir {data_dir!r} is not an existing directory (absolute path)")
    if not os.access(data_dir, os.W_OK):
        raise ConfigError(f"storage.data_dir {data_dir!r} is not writable")
    if "/" in sto["db_file"] or not sto["db_file"].endswith(".sqlite3") or sto["db_file"] == ".sqlite3":
        raise ConfigError(f"storage.db_file {sto['db_file']!r} must be a bare file name ending in .sqlite3")
    token = auth["token_file"]
    if not os.path.isabs(token) or not os.path.isfile(token):
        raise ConfigError(f"auth.token_file {token!r} is not an existing file (absolute path)")
    if os.path.getsize(token) == 0:
        raise ConfigError(f"auth.token_file {token!r} is empty")
    mode = stat.S_IMODE(os.stat(token).st_mode)
    if mode & 0o077:
        raise ConfigError(f"auth.token_file {token!r} has mode {mode:04o}; it must be accessible by its owner only")
    for origin in auth["allowed_origins"]:
        if not isinstance(origin, str) or not origin.startswith("https://"):
            raise ConfigError(f"auth.allowed_origins entry {origin!r} must be a string starting with https://")
    if log["level"] not in LEVELS:
        raise ConfigError(f"logging.level {log['level']!r} must be one of {', '.join(LEVELS)}")
    if not os.path.isabs(log["file"]) or not os.path.isdir(os.path.dirname(log["file"])):
        raise ConfigError(f"logging.file {log['file']!r}: the directory of this absolute path must exist")


def serve(cfg):
    name = cfg["service"]["name"]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"service": name, "status": "ok"}).encode()
            self.send_response(200 if self.path == "/health" else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

    server = HTTPServer((cfg["server"]["host"], cfg["server"]["port"]), Handler)
    print(f"stockroom {name} listening on {cfg['server']['host']}:{cfg['server']['port']}", flush=True)
    server.serve_forever()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="service.py")
    parser.add_argument("--config", help="path of the TOML configuration file")
    parser.add_argument("--check", action="store_true", help="validate configuration and environment, then exit")
    args = parser.parse_args(argv)
    path, origin = config_path(args.config)
    try:
        cfg = load(path, origin)
        validate(cfg)
    except ConfigError as e:
        print(f"stockroom: configuration error: {e}", file=sys.stderr)
        return 1
    if args.check:
        print("OK")
        return 0
    serve(cfg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
