#!/bin/bash
# Reference solution: find the lost commit in the reflog by its subject and cherry-pick it onto main.
set -euo pipefail
cd /app/repo
git checkout -q main
lost=$(git log -g --format='%H %s' HEAD | awk '!found && $0 ~ / Add rate limiter configuration$/ {print $1; found = 1}')
test -n "$lost"
git cherry-pick "$lost"
git log --oneline main
