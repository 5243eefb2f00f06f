#!/bin/bash
# Nightly reporting job. The scheduler starts it in a fresh login shell:
#   env -i HOME=/root bash -lc /app/run.sh
# It relies on the application environment (see /app/.env) being loaded by the login shell.
set -euo pipefail
mkdir -p /app/out
reportgen /app/data/metrics.txt > /app/out/report.txt
echo "report written to /app/out/report.txt"
