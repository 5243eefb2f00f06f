# Run once, before the agent starts, while the environment is still as the task built it.
# Finds what the test runner will depend on: the Python interpreters on PATH with their
# site-packages, sys.path, standard library and the modules pytest imports, and the tools the
# listing script uses. Output: one "kind<TAB>value" line per finding.
# The tools are looked up on a fixed PATH (no /usr/local), as the listing looks them up.
CONTAINER_PATH=$PATH
for py in python3 python; do
  p=$(PATH=$CONTAINER_PATH command -v "$py" 2>/dev/null) || continue
  printf 'python\t%s\n' "$(readlink -f "$p")"
  "$p" - 2>/dev/null <<'PY'
import sys
try:
    import site
    dirs = list(site.getsitepackages()) + [site.getusersitepackages()]
except Exception:
    dirs = []
for d in dirs:
    print("sitedir\t" + d)
for d in sys.path:
    if d:
        print("syspath\t" + d)
try:
    import sysconfig
    print("stdlib\t" + sysconfig.get_paths()["stdlib"])
except Exception:
    pass
try:
    import pytest
except Exception:
    pass
std = set(getattr(sys, "stdlib_module_names", ()))
for name in sorted(set(n.split(".")[0] for n in list(sys.modules))):
    print("module\t" + name + ("\tstd" if name in std else ""))
PY
done
PATH=/usr/sbin:/usr/bin:/sbin:/bin
for t in bash sh sleep find md5sum sort xargs cat awk grep readlink cut dirname tr head; do
  p=$(command -v "$t" 2>/dev/null) || continue
  r=$(readlink -f "$p")
  printf 'tool\t%s\t%s\n' "$r" "$(sha256sum "$r" 2>/dev/null | cut -d' ' -f1)"
done
# read through the engine like the tools: a library it names would run inside every tool above
printf 'tool\t/etc/ld.so.preload\t\n'
true
