import hashlib
import os
import stat
import subprocess
import tomllib
from pathlib import Path

CONFIG = Path("/etc/stockroom/conf.d/main.toml")

ORIGINAL_SHA256 = {
    "/app/service.py": "6d3a29a164e04c5bea49d448570e464d316760e5ec9dd33164163b2d53194812",
    "/app/stockroom.env": "1e223593c3f1a64e87dcbcd7dc77cea200f27a899d538353b48bdf77ef98dacc",
    "/app/README.md": "adf7c65acd0100d532da4f462f9d8fc089de5c6124d8ad30aefdfa1b14aa0190",
}

EXPECTED = {
    "service": {"schema": 2, "name": "stockroom-eu1"},
    "server": {"host": "127.0.0.1", "port": 8460, "workers": 4},
    "storage": {"data_dir": "/var/lib/stockroom", "db_file": "stock.sqlite3"},
    "auth": {
        "token_file": "/etc/stockroom/token",
        "allowed_origins": ["https://admin.example.com", "https://shop.example.com"],
    },
    "logging": {"level": "WARNING", "file": "/var/log/stockroom/service.log"},
}


def clean_env():
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "LANG": "C.UTF-8"}
    return env


def check(cwd):
    return subprocess.run(
        ["python3", "/app/service.py", "--check"], capture_output=True, text=True, cwd=cwd, env=clean_env(), timeout=30
    )


def test_check_prints_ok():
    r = check("/")
    assert r.returncode == 0, f"--check failed: {r.stderr}"
    assert r.stdout == "OK\n"


def test_check_prints_ok_from_app_dir():
    r = check("/app")
    assert r.returncode == 0, f"--check failed: {r.stderr}"
    assert r.stdout == "OK\n"


def test_config_has_deployment_settings():
    assert CONFIG.is_file(), f"{CONFIG} (named in /app/stockroom.env) does not exist"
    with CONFIG.open("rb") as f:
        data = tomllib.load(f)
    assert data == EXPECTED


def test_environment_ready():
    assert os.path.isdir("/var/lib/stockroom")
    assert os.path.isdir("/var/log/stockroom")
    token = Path("/etc/stockroom/token")
    assert token.read_text() == "sr_9d41c7e2b85f4a06\n", "the token must keep its contents"
    assert stat.S_IMODE(token.stat().st_mode) & 0o077 == 0


def test_service_files_unchanged():
    for path, digest in ORIGINAL_SHA256.items():
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == digest, f"{path} was modified"
