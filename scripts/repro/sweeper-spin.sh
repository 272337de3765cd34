#!/usr/bin/env bash
# Reproduces workerd spinning in V8's incremental sweeper under the vitest pool (see README.md here).
# Runs heavy workerd test files the way `npm test` does (vitest + @cloudflare/vitest-pool-workers, the
# project's own config), again and again, on a machine loaded by LOAD busy processes, until a run makes no
# progress for QUIET seconds. Then it prints how long it took, samples workerd's main thread with gdb
# (when installed) and says whether the sweeper is on it.
#
#   bash scripts/repro/sweeper-spin.sh [test files...]      env: LOAD=4 QUIET=300 MAX_RUNS=50
#   WORKERD_V8_FLAGS="--no-concurrent-sparkplug" bash scripts/repro/sweeper-spin.sh   (tries V8 flags)
set -uo pipefail
cd "$(dirname "$0")/../.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(test/bot/photos.test.ts test/workers/api/faults.test.ts test/model/sessions.test.ts)
load=${LOAD:-4} quiet=${QUIET:-300} max_runs=${MAX_RUNS:-50}
# MINIFLARE_WORKERD_PATH=/path/to/workerd tries another binary (e.g. a newer @cloudflare/workerd-linux-64).
workerd_bin=${MINIFLARE_WORKERD_PATH:-$(node -p 'require("workerd").default' 2>/dev/null || echo workerd)}
echo "workerd $("$workerd_bin" --version 2>/dev/null | cut -d' ' -f2), $load busy processes, stall = ${quiet} s quiet," \
  "V8 flags: ${WORKERD_V8_FLAGS:-none}"
if [ -n "${WORKERD_V8_FLAGS:-}" ]; then export MINIFLARE_WORKERD_PATH="$PWD/scripts/repro/workerd-with-v8-flags"; fi

busy=()
for _ in $(seq "$load"); do (while :; do :; done) & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT

# The workerd this run's vitest started (not another checkout's).
workerd_under() {
  local p
  for p in $(pgrep -P "$1"); do
    if grep -q "workerd" "/proc/$p/cmdline" 2>/dev/null; then echo "$p"; return; fi
    workerd_under "$p"
  done
}

start=$(date +%s)
log=$(mktemp)
for run in $(seq "$max_runs"); do
  npx vitest run --project "workerd*" "${files[@]}" >"$log" 2>&1 &
  vitest=$!
  last_size=0 last_change=$(date +%s)
  while kill -0 "$vitest" 2>/dev/null; do
    sleep 5
    size=$(stat -c %s "$log")
    if [ "$size" != "$last_size" ]; then last_size=$size last_change=$(date +%s); continue; fi
    if [ $(($(date +%s) - last_change)) -ge "$quiet" ]; then
      echo "run $run: no output for ${quiet} s, $(($(date +%s) - start)) s after the first run started"
      pid=$(workerd_under "$vitest")
      if [ -n "$pid" ] && command -v gdb >/dev/null; then
        stack=$(timeout 60 gdb -p "$pid" -batch -ex "thread 1" -ex "bt 8" 2>/dev/null | grep '^#')
        echo "$stack"
        if grep -q "Sweeper" <<<"$stack"; then echo "SPIN: workerd's main thread is in cppgc's sweeper"; fi
        ps -o etime=,time= -p "$pid" | awk '{print "workerd: wall " $1 ", cpu " $2 " (still burning: a spin, not a wait)"}'
      fi
      tail -5 "$log"
      [ -n "$pid" ] && kill -9 "$pid"
      pkill -P "$vitest"; kill "$vitest" 2>/dev/null || true
      exit 1
    fi
  done
  wait "$vitest"
  echo "run $run: finished (exit $?) after $(($(date +%s) - start)) s in all"
done
echo "no stall in $max_runs runs"
