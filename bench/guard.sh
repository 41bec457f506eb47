#!/usr/bin/env bash
# What the guard (API keys, admission, deadline, metrics) costs a call:
# GetModelInfo, a call through it that computes nothing, beside
# grpc.health.v1.Health/Check, which skips it (the floor); Recommend BASIC
# beside the floor; and Recommend FULL beside a ListPrograms answer of the
# same size (the same bytes, without the ranking). All at 16x8 with h2load,
# the server pinned to core 0 and the load on core 1.
#
# Usage: bench/guard.sh [BINARY...]   (default: the release build)
# Given several binaries (say, before and after a change), it runs them in
# turn, ROUNDS times, so each ratio is compared within one run; it prints
# each binary's ratios per round and their medians, and writes
# bench/results/guard.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
PORT=${PORT:-50171}
ADDR=127.0.0.1:$PORT
WORK=target/bench-guard
OUT=bench/results
mkdir -p "$WORK" "$OUT"

. bench/lib.sh
need_h2load
cargo build --release --locked --bin himrec --example loadgen
LOADGEN=target/release/examples/loadgen
BINARIES=("$@")
[ ${#BINARIES[@]} -eq 0 ] && BINARIES=(target/release/himrec)

SERVER=
start() {
  local start_ns
  start_ns=$(date +%s%N)
  taskset -c 0 "$1" serve --addr "$ADDR" --set limits.max_concurrent_calls=1024 \
    2>"$WORK/server.log" &
  SERVER=$!
  taskset -c 1 "$LOADGEN" wait-serving --addr "$ADDR" --since-ns "$start_ns" >/dev/null
}
stop() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
}
trap stop EXIT

# The frames, and the ListPrograms page whose answer is closest in size to
# Recommend FULL's.
P=examples/profile.json
"$LOADGEN" frame --method health --out "$WORK/health.bin"
"$LOADGEN" frame --method model-info --out "$WORK/modelinfo.bin"
"$LOADGEN" frame --method basic --profile "$P" --out "$WORK/basic.bin"
"$LOADGEN" frame --method recommend --profile "$P" --out "$WORK/recommend.bin"
start "${BINARIES[0]}"
full=$("$LOADGEN" answer-bytes --addr "$ADDR" --method recommend --profile "$P")
best=1 gap=$full
for size in $(seq 1 100); do
  bytes=$("$LOADGEN" answer-bytes --addr "$ADDR" --method programs --page-size "$size")
  d=$(( bytes > full ? bytes - full : full - bytes ))
  if [ "$d" -lt "$gap" ]; then best=$size gap=$d programs_bytes=$bytes; fi
  [ "$bytes" -gt "$full" ] && break
done
stop
"$LOADGEN" frame --method programs --page-size "$best" --out "$WORK/programs.bin"
echo "Recommend FULL answers $full bytes; ListPrograms of $best programs $programs_bytes bytes"

path_of() {
  case $1 in
    health) echo /grpc.health.v1.Health/Check ;;
    modelinfo) echo /himrec.v1.Recommender/GetModelInfo ;;
    basic | recommend) echo /himrec.v1.Recommender/Recommend ;;
    programs) echo /himrec.v1.Catalog/ListPrograms ;;
  esac
}

RESULTS="$WORK/runs.tsv"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for binary in "${BINARIES[@]}"; do
    start "$binary"
    for method in health modelinfo basic recommend programs; do
      taskset -c 1 h2load -D "$SECONDS_PER_RUN" --warm-up-time=1 -c 16 -m 8 \
        -H 'content-type: application/grpc' -H 'te: trailers' -d "$WORK/$method.bin" \
        "http://$ADDR$(path_of "$method")" >"$WORK/h2load.out" 2>&1
      rps=$(awk '/^finished in/ {print $4}' "$WORK/h2load.out")
      failed=$(awk '/^requests:/ {print $10}' "$WORK/h2load.out")
      ok=$(awk '/^status codes:/ {print $3}' "$WORK/h2load.out")
      if [ "$failed" != 0 ] || [ "$ok" = 0 ]; then
        echo "error: $method on $binary: $failed failed, $ok 2xx" >&2
        cat "$WORK/h2load.out" >&2
        exit 1
      fi
      printf '%s\t%s\t%s\t%s\n' "$round" "$binary" "$method" "$rps" >>"$RESULTS"
    done
    stop
  done
done

python3 - "$RESULTS" "$OUT/guard.md" "$full" "$best" "$programs_bytes" <<'PY'
import collections, statistics, sys, datetime
runs_path, out, full, best, programs_bytes = sys.argv[1:]
rps = collections.defaultdict(dict)
for line in open(runs_path):
    rnd, binary, method, value = line.split("\t")
    rps[(binary, rnd)][method] = float(value)
binaries = list(dict.fromkeys(b for b, _ in rps))
ratios = {
    "GetModelInfo / floor": lambda r: r["modelinfo"] / r["health"],
    "BASIC / floor": lambda r: r["basic"] / r["health"],
    "FULL / same-size ListPrograms": lambda r: r["recommend"] / r["programs"],
}
lines = [f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, h2load 16x8; "
         f"Recommend FULL answers {full} bytes, ListPrograms of {best} programs {programs_bytes}.", "",
         "| binary | round | floor req/s | " + " | ".join(ratios) + " |",
         "|---|---|---:|" + "---:|" * len(ratios)]
for (binary, rnd), r in rps.items():
    lines.append(f"| `{binary}` | {rnd} | {r['health']:.0f} | " +
                 " | ".join(f"{f(r):.2f}" for f in ratios.values()) + " |")
lines += ["", "| binary | " + " | ".join(f"{k}, median" for k in ratios) + " |",
          "|---|" + "---:|" * len(ratios)]
for binary in binaries:
    rounds = [r for (b, _), r in rps.items() if b == binary]
    lines.append(f"| `{binary}` | " +
                 " | ".join(f"{statistics.median(f(r) for r in rounds):.2f}" for f in ratios.values()) + " |")
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
