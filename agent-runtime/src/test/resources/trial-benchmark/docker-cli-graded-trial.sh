#!/bin/bash
# One Terminal-Bench oracle trial done with the docker CLI in the steps the trial pipeline takes, the
# grader's checks included, a baseline of TrialBenchmark: create the agent's container (network none,
# an init process, the trial's limits, sleep as its main process); copy the reference solution in,
# run it, remove it; ask whether the container still runs; commit it and start a fresh copy of the
# commit; read the grader's tools out of the copy through the engine, a folder at a time, and hash
# them; run the grader's listing in the copy; put the tests in the copy and run them; remove the copy,
# its image and the container. The environment's fingerprints before the agent are taken once per
# environment, as the pipeline takes them once per run, and are not part of a trial.
# Arguments: image, working directory, task folder, cpus, memory bytes, process limit, listing script,
# then the tools' paths. The listing's environment comes in WORKDIR, SITE_DIRS, SYSPATH_DIRS,
# STDLIB_DIRS, RUNNER_MODULES and ALL_MODULES.
# Prints one "<step> <ms>" line per step and "resolved yes|no"; exits non-zero when a docker command fails.
set -euo pipefail
image=$1 workdir=$2 task=$3 cpus=$4 memory=$5 pids=$6 listing=$7
shift 7
last=${EPOCHREALTIME/./}
step() {
  local now=${EPOCHREALTIME/./}
  echo "$1 $(( (now - last) / 1000 ))"
  last=$now
}
container() { # image -> id of a started container as the pipeline starts one
  docker run -d --network none --init --cpus "$cpus" --memory "$memory" --memory-swap "$memory" --pids-limit "$pids" \
    -w "$workdir" --entrypoint /bin/sleep "$1" infinity
}
id= copy= snapshot= staging=$(mktemp -d)
cleanup() {
  [ -n "$copy" ] && docker rm -f "$copy" >/dev/null 2>&1
  [ -n "$snapshot" ] && docker rmi -f "$snapshot" >/dev/null 2>&1
  [ -n "$id" ] && docker rm -f "$id" >/dev/null 2>&1
  rm -rf "$staging"
  true
}
trap cleanup EXIT

id=$(container "$image")
step start

mkdir -p "$staging/oracle"
cp "$task/solution.sh" "$staging/oracle/solution.sh"
tar -C "$staging" -cf - oracle | docker cp - "$id:/"
docker exec "$id" bash /oracle/solution.sh >/dev/null
docker exec -u root "$id" rm -rf /oracle
step agent

[ "$(docker inspect -f '{{.State.Running}}' "$id")" = true ]
snapshot=agentic/snapshot:cli-$$-$RANDOM
docker commit "$id" "$snapshot" >/dev/null
copy=$(container "$snapshot")
step snapshot

declare -A folders=()
for tool in "$@"; do
  folders[${tool%/*}]+="${folders[${tool%/*}]:+ }${tool##*/}"
done
for folder in "${!folders[@]}"; do
  read -r -a names <<<"${folders[$folder]}"
  if [ "${#names[@]}" -gt 1 ]; then
    base=${folder##*/}
    docker cp "$copy:$folder" - | tar -xOf - "${names[@]/#/$base/}" | sha256sum >/dev/null
  else
    { docker cp "$copy:$folder/${names[0]}" - 2>/dev/null | tar -xOf - 2>/dev/null; } | sha256sum >/dev/null || true
  fi
done
docker exec -e WORKDIR -e SITE_DIRS -e SYSPATH_DIRS -e STDLIB_DIRS -e RUNNER_MODULES -e ALL_MODULES "$copy" \
  /bin/bash -c "$(cat "$listing")" >/dev/null
step comparison

docker exec -u root "$copy" bash -c 'rm -rf /tests && mkdir -p /tests'
docker cp "$task/tests/." "$copy:/tests"
docker cp "$task/run-tests.sh" "$copy:/tests/run-tests.sh"
status=0
out=$(docker exec -u root -e TEST_DIR=/tests "$copy" bash /tests/run-tests.sh 2>&1) || status=$?
step tests

docker rm -f "$copy" >/dev/null
copy=
docker rmi -f "$snapshot" >/dev/null
snapshot=
docker rm -f "$id" >/dev/null
id=
step removal

if [ "$status" -eq 0 ] && grep -q ' passed' <<<"$out" && ! grep -qE '(FAILED|ERROR) ' <<<"$out"; then
  echo "resolved yes"
else
  echo "resolved no"
  printf '%s\n' "$out" >&2
fi
