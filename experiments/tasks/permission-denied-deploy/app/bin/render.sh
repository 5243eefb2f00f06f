#!/bin/bash
# usage: render.sh TEMPLATE SITE_NAME SITE_VERSION
# Prints TEMPLATE with {{SITE_NAME}} and {{SITE_VERSION}} replaced.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: render.sh TEMPLATE SITE_NAME SITE_VERSION" >&2; exit 2; }
sed -e "s|{{SITE_NAME}}|$2|g" -e "s|{{SITE_VERSION}}|$3|g" "$1"
