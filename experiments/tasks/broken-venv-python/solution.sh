#!/bin/bash
set -euo pipefail
V=/app/proj/.venv
cd "$V"
# 1. The interpreter link pointed at a Python 3.9 that does not exist: use the system python3.
ln -sfn "$(readlink -f /usr/bin/python3)" bin/python
pyver=$(bin/python -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
full=$(bin/python -c 'import platform; print(platform.python_version())')
sed -i -e "s#^home = .*#home = /usr/bin#" -e "s#^version = .*#version = $full#" pyvenv.cfg
# 2. A venv interpreter only looks in lib/pythonX.Y/site-packages for its own X.Y.
if [ ! -d "lib/python$pyver" ]; then
    mv lib/python3.9 "lib/python$pyver"
fi
# 3. The editable install of the project still points at the old checkout.
printf '/app/proj/src\n' > "lib/python$pyver/site-packages/__editable__.tally-0.4.0.pth"
# 4. activate hard-codes the virtualenv location.
sed -i 's#^VIRTUAL_ENV=.*#VIRTUAL_ENV="/app/proj/.venv"#' bin/activate
bash /app/proj/run_tests.sh
