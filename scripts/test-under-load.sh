#!/usr/bin/env bash
# `npm test` on a busy machine: one `yes > /dev/null` per core runs beside it.
# Fails when the tests fail, or when a process the test run started outlives
# them.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)

# Every process the test run starts inherits this mark in its environment, and
# keeps it when its parent is gone: that is how a descendant of the run is told
# from any other process working in the checkout (a shell someone left there).
mark="PCO_TEST_UNDER_LOAD=$$-$RANDOM"

# Processes of the test run, by pid.
test_run_processes() {
  grep -lzxF "$mark" /proc/[0-9]*/environ 2>/dev/null | sed 's#^/proc/\([0-9]*\)/environ$#\1#' | sort
}

hogs=()
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  hogs+=("$!")
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

(cd "$root" && env "$mark" npm test)
status=$?

kill "${hogs[@]}" 2>/dev/null
wait "${hogs[@]}" 2>/dev/null
# Two scans a second apart: a process on its way out is in one at most, a
# process left running is in both.
first=$(test_run_processes)
sleep 1
second=$(test_run_processes)
left=$(comm -12 <(echo "$first") <(echo "$second") | grep -v '^$' || true)
if [[ -n "$left" ]]; then
  echo "error: processes left running after the tests:" >&2
  for pid in $left; do echo "  $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" >&2; done
  exit 1
fi
echo "npm test exited $status beside $(nproc) CPU hogs; no process left running"
exit "$status"
