#!/usr/bin/env bash
# `npm test` on a busy machine: one `yes > /dev/null` per core runs beside it.
# Fails when the tests fail, or when a process started from the checkout
# (its working folder or its command line in it) outlives them.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)

# Processes of the checkout, by pid; this script's own ancestors are not the tests'.
checkout_processes() {
  local p pid cwd cmd
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    if [[ "$cwd" == "$root" || "$cwd" == "$root"/* || "$cmd" == *"$root"* ]]; then echo "$pid"; fi
  done | sort
}

before=$(checkout_processes)
hogs=()
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  hogs+=("$!")
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

(cd "$root" && npm test)
status=$?

kill "${hogs[@]}" 2>/dev/null
wait "${hogs[@]}" 2>/dev/null
# Two scans a second apart: the scan's own short-lived commands (run from the
# checkout too) are in one at most, a process left running is in both.
first=$(checkout_processes)
sleep 1
second=$(checkout_processes)
left=$(comm -12 <(echo "$first") <(echo "$second") | comm -13 <(echo "$before") - | grep -vx "$$" || true)
if [[ -n "$left" ]]; then
  echo "error: processes left running after the tests:" >&2
  for pid in $left; do echo "  $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" >&2; done
  exit 1
fi
echo "npm test exited $status beside $(nproc) CPU hogs; no process left running"
exit "$status"
