#!/bin/bash
# Runs the tally test suite with the project's virtualenv (.venv).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

source .venv/bin/activate

py="$(command -v python || true)"
if [ "$py" != "$PWD/.venv/bin/python" ]; then
    echo "run_tests.sh: 'python' is '${py:-not found}', expected the virtualenv's $PWD/.venv/bin/python" >&2
    exit 1
fi

python - <<'PY'
import sys
if sys.prefix == sys.base_prefix:
    sys.exit("run_tests.sh: python is not running inside the virtualenv")
PY

python -m unittest discover -s tests -v
