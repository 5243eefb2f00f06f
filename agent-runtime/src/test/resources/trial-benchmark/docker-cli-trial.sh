#!/bin/bash
# One Terminal-Bench oracle trial done by hand with the docker CLI, the baseline of TrialBenchmark:
# create a container (network none, an init process, the trial's limits), copy the reference
# solution in and run it, copy the tests in and run them, remove the container.
# Arguments: image, working directory, task folder, cpus, memory bytes, process limit.
# Prints one "<step> <ms>" line per step and "resolved yes|no"; exits non-zero when a docker command fails.
set -euo pipefail
image=$1 workdir=$2 task=$3 cpus=$4 memory=$5 pids=$6
last=${EPOCHREALTIME/./}
step() {
  local now=${EPOCHREALTIME/./}
  echo "$1 $(( (now - last) / 1000 ))"
  last=$now
}

id=$(docker run -d --network none --init --cpus "$cpus" --memory "$memory" --memory-swap "$memory" --pids-limit "$pids" \
  -w "$workdir" "$image" sleep infinity)
trap 'docker rm -f "$id" >/dev/null 2>&1 || true' EXIT
step start

docker cp "$task/solution.sh" "$id:/solution.sh"
docker exec "$id" bash /solution.sh >/dev/null
step agent

docker exec "$id" mkdir -p /tests
docker cp "$task/tests/." "$id:/tests"
docker cp "$task/run-tests.sh" "$id:/tests/run-tests.sh"
status=0
out=$(docker exec -e TEST_DIR=/tests "$id" bash /tests/run-tests.sh 2>&1) || status=$?
step tests

docker rm -f "$id" >/dev/null
trap - EXIT
step removal

if [ "$status" -eq 0 ] && grep -q ' passed' <<<"$out" && ! grep -qE '(FAILED|ERROR) ' <<<"$out"; then
  echo "resolved yes"
else
  echo "resolved no"
  printf '%s\n' "$out" >&2
fi
