"""Lexical path helpers: nothing here touches the filesystem."""
import os
import re

_VAR_RE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


def normalize(path: str) -> str:
    """Collapse repeated slashes, drop ``.`` segments and resolve ``..``.

    ``..`` above the root of an absolute path is dropped; in a relative path
    it is kept.  The empty path normalises to ``.``.
    """
    absolute = path.startswith("/")
    parts = []
    for seg in path.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not absolute:
                parts.append("..")
            continue
        parts.append(seg)
    body = "/".join(parts)
    if absolute:
        return "/" + body
    return body or "."


def expand(path: str, env=None) -> str:
    """Expand a leading ``~`` (from ``HOME``) and ``$VAR`` / ``${VAR}``.

    Only ``~`` alone or followed by ``/`` is expanded; ``~name`` is left as
    it is, and so is everything when ``HOME`` is unset or empty.  Unknown
    variables are left as they are.
    """
    env = os.environ if env is None else env
    if path == "~" or path.startswith("~/"):
        home = env.get("HOME", "")
        if home:
            home = home.rstrip("/")
            path = (home or "/") if path == "~" else home + path[1:]

    def repl(m):
        name = m.group(1) or m.group(2)
        return env.get(name, m.group(0))

    return _VAR_RE.sub(repl, path)


def join(*parts: str) -> str:
    """Join segments; a segment starting with ``/`` restarts the path."""
    out = ""
    for part in parts:
        if part.startswith("/") or not out:
            out = part
        elif part:
            out = out.rstrip("/") + "/" + part
    return normalize(out) if out else "."


def split_ext(path: str):
    """``('dir/archive.tar', '.gz')`` for ``'dir/archive.tar.gz'``; dotfiles have no extension."""
    head, _, name = path.rpartition("/")
    stem = name.lstrip(".")
    if "." not in stem:
        return path, ""
    dot = name.rfind(".")
    prefix = head + "/" if head or path.startswith("/") else ""
    return prefix + name[:dot], name[dot:]


def relative_to(path: str, base: str) -> str:
    """``path`` relative to ``base``; ValueError if it is not below it."""
    path, base = normalize(path), normalize(base)
    if base == ".":
        return path
    if path == base:
        return "."
    prefix = base if base.endswith("/") else base + "/"
    if not path.startswith(prefix):
        raise ValueError(f"{path!r} is not below {base!r}")
    return path[len(prefix):]
