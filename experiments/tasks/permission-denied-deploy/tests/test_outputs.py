import grp
import hashlib
import os
import pwd
import stat
import subprocess
from pathlib import Path

DEPLOY_CMD = ["runuser", "-u", "deploy", "--", "/app/deploy.sh"]

ORIGINAL_SHA256 = {
    "/app/deploy.sh": "35337fc4260b40f182386dbaf41267511070125c52d6511726f527bcc63649b0",
    "/app/bin/render.sh": "242c0370d6abaac29ee8cee24ebdf835df1fa1955203c37568239c4ef3ec841f",
    "/app/config/site.env": "14f7be2ce98ab7784e8593c0de1ce0d5b2aba1b35fcc59e9492c5331606d8e1c",
    "/app/templates/index.html.tmpl": "5ad02a96f56a6a109e59e6e4a1dae6ac2142999e4cf27ed43fca0e28386f5e9c",
}

EXPECTED_INDEX = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Harbor Notes</title></head>
<body>
<h1>Harbor Notes</h1>
<p>Release 2.4.1</p>
</body>
</html>
"""


def deploy():
    return subprocess.run(DEPLOY_CMD, capture_output=True, text=True, timeout=30, cwd="/")


def test_scripts_and_config_unchanged():
    for path, digest in ORIGINAL_SHA256.items():
        p = Path(path)
        assert p.is_file() and not p.is_symlink(), f"{path} is missing or not a regular file"
        assert hashlib.sha256(p.read_bytes()).hexdigest() == digest, f"{path} was modified"


def test_deploy_succeeds_as_deploy_user():
    r = deploy()
    assert r.returncode == 0, f"deploy failed:\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.stdout == "deployed Harbor Notes 2.4.1 to /srv/www/releases/2.4.1\n"
    assert "Permission denied" not in r.stderr


def test_site_published():
    r = deploy()
    assert r.returncode == 0, r.stderr
    current = Path("/srv/www/current")
    assert current.is_symlink(), "/srv/www/current must be a symbolic link"
    assert os.path.realpath(current) == "/srv/www/releases/2.4.1"
    assert (current / "index.html").read_text() == EXPECTED_INDEX


def test_deploy_is_repeatable():
    for _ in range(2):
        r = deploy()
        assert r.returncode == 0, r.stderr
    assert Path("/srv/www/releases/2.4.1/index.html").read_text() == EXPECTED_INDEX


def test_deploy_user_is_unprivileged():
    user = pwd.getpwnam("deploy")
    assert user.pw_uid != 0 and user.pw_gid != 0
    assert 0 not in os.getgrouplist("deploy", user.pw_gid), "deploy must not be in the root group"
    root_members = grp.getgrgid(0).gr_mem
    assert "deploy" not in root_members


def test_secret_not_readable_by_others():
    mode = os.stat("/app/config/site.env").st_mode
    assert mode & stat.S_IRWXO == 0, f"/app/config/site.env has mode {oct(mode & 0o777)}"


def test_nothing_world_writable():
    offenders = []
    for top in ("/app", "/srv/www"):
        for root, dirs, files in os.walk(top):
            for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                st = os.lstat(name)
                if stat.S_ISLNK(st.st_mode):
                    continue
                if st.st_mode & stat.S_IWOTH:
                    offenders.append(f"{name} {oct(st.st_mode & 0o7777)}")
    assert not offenders, "world-writable: " + ", ".join(sorted(set(offenders)))
