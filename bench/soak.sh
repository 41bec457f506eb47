#!/usr/bin/env bash
# A soak: the release server under mixed traffic for a set time, with a
# reload every 30 s, checked for failed calls and for memory or descriptors
# that keep growing.
#
#   bench/soak.sh [--minutes N | --seconds N] [--interval S]
#
# Defaults: 10 minutes, a row per minute (per 10 s when a run is shorter
# than 2 minutes, for quick checks). The server runs pinned to core 0 on
# 127.0.0.1; `loadgen soak` (bench/loadgen.rs) drives it from core 1:
# Recommend from 8 workers over six profiles, RecommendBatch streams of 20,
# ListPrograms paging, plain TCP and gRPC connections opened and dropped,
# and a bad request every 2 s. This script sends SIGHUP every 30 s (at 15 s,
# 45 s, ... so that no reload falls on a sample) and, one second before the
# end of each interval, samples the server's RSS, open descriptors and CPU
# from /proc. At the end the server gets SIGTERM and must exit 0.
#
# Writes bench/results/soak.{md,csv,png} and fails (exit 1, saying why) if
# any good call failed, any bad request got another code than its own, any
# reload failed, the server did not exit 0, or after the warm-up (the first
# minute) RSS grew by more than RSS_GROWTH_MB (20) or RSS_GROWTH_PCT (25)
# percent of its reading at the end of the warm-up, whichever is smaller,
# or the open descriptors by more than FD_GROWTH (16).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: bench/soak.sh [--minutes N | --seconds N] [--interval S]"
}

DURATION=600
INTERVAL=
RELOAD_EVERY=30
RSS_GROWTH_MB=${RSS_GROWTH_MB:-20}
RSS_GROWTH_PCT=${RSS_GROWTH_PCT:-25}
FD_GROWTH=${FD_GROWTH:-16}
while [ $# -gt 0 ]; do
  case $1 in
    --minutes)
      [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "error: --minutes takes whole minutes" >&2; exit 2; }
      DURATION=$(( $2 * 60 )); shift 2 ;;
    --seconds) DURATION=${2:?--seconds needs a number}; shift 2 ;;
    --interval) INTERVAL=${2:?--interval needs a number}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$INTERVAL" ]; then
  if (( DURATION >= 120 )); then INTERVAL=60; else INTERVAL=10; fi
fi
for v in "$DURATION" "$INTERVAL"; do
  if ! [[ $v =~ ^[0-9]+$ ]] || (( v < 2 )); then
    echo "error: durations are whole seconds, at least 2 (got $v)" >&2
    exit 2
  fi
done
INTERVALS=$(( (DURATION + INTERVAL - 1) / INTERVAL ))
# Growth is judged after the warm-up: the first minute, or the first 20 s
# (one reload in) of a run shorter than 2 minutes.
if (( DURATION >= 120 )); then WARMUP=60; else WARMUP=20; fi

OUT=bench/results
WORK=target/soak
mkdir -p "$OUT" "$WORK"
LOADGEN_CSV=$WORK/loadgen.csv
SAMPLES=$WORK/samples.csv
RELOADS=$WORK/reloads.txt
SERVER_LOG=$WORK/server.log
rm -f "$LOADGEN_CSV" "$SAMPLES" "$RELOADS" "$WORK/metrics.txt"

VENV=target/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
  echo "installing matplotlib into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q matplotlib
fi

cargo build --release --locked
cargo build --release --locked --example loadgen
LOADGEN=target/release/examples/loadgen

# Two free ports on loopback, from 50077 up: the server's and its metrics'.
free_port() {
  python3 - "$1" <<'PY'
import socket, sys
for port in range(int(sys.argv[1]), int(sys.argv[1]) + 100):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit("no free port")
PY
}
PORT=$(free_port 50077)
METRICS_PORT=$(free_port $(( PORT + 1 )))
ADDR=127.0.0.1:$PORT

SERVER=
LG=
cleanup() {
  for pid in $LG $SERVER; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

start_ns=$(date +%s%N)
# RUST_LOG would win over log.level; per-call events at debug would flood the log.
env -u RUST_LOG taskset -c 0 target/release/himrec serve --addr "$ADDR" \
  --metrics-addr "127.0.0.1:$METRICS_PORT" --set log.format=json 2>"$SERVER_LOG" &
SERVER=$!
startup_ms=$(taskset -c 1 "$LOADGEN" wait-serving --addr "$ADDR" --since-ns "$start_ns")
echo "server $SERVER on $ADDR (metrics on $METRICS_PORT): SERVING after ${startup_ms} ms"
echo "soak: ${DURATION} s, a row per ${INTERVAL} s, SIGHUP every ${RELOAD_EVERY} s"

now_ms() { date +%s%3N; }
sleep_until_ms() {
  local d=$(( $1 - $(now_ms) ))
  if (( d > 0 )); then sleep "$(( d / 1000 )).$(printf %03d $(( d % 1000 )))"; fi
}
alive() {
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "error: the server exited during the soak; its log: $SERVER_LOG" >&2
    tail -n 5 "$SERVER_LOG" >&2
    exit 1
  fi
  kill -0 "$LG" 2>/dev/null
}
TICKS=$(getconf CLK_TCK)
# interval,seconds since the load started,RSS kB,open descriptors,CPU ticks
sample() {
  local rss fds ticks
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status")
  fds=$(ls "/proc/$SERVER/fd" | wc -l)
  ticks=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
  echo "$1,$2,$rss,$fds,$ticks" >>"$SAMPLES"
  echo "soak: interval $1 at $2 s: RSS $(( rss / 1024 )) MB, $fds descriptors"
}

loadavg_start=$(cut -d' ' -f1 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
echo "interval,seconds,rss_kb,fds,cpu_ticks" >"$SAMPLES"
sample 0 0
T0=$(now_ms)
taskset -c 1 "$LOADGEN" soak --addr "$ADDR" --seconds "$DURATION" --interval "$INTERVAL" \
  --profile examples/profile.json --out "$LOADGEN_CSV" >"$WORK/loadgen.out" 2>"$WORK/loadgen.log" &
LG=$!

# Reloads at 15 s, 45 s, ...; samples one second before each interval ends.
k=1
next_reload=$(( RELOAD_EVERY / 2 ))
while (( k <= INTERVALS )); do
  end=$(( k * INTERVAL < DURATION ? k * INTERVAL : DURATION ))
  sample_at=$(( end * 1000 - 1000 ))
  if (( next_reload < DURATION && next_reload * 1000 < sample_at )); then
    sleep_until_ms $(( T0 + next_reload * 1000 ))
    alive || break
    kill -HUP "$SERVER"
    echo "$next_reload" >>"$RELOADS"
    next_reload=$(( next_reload + RELOAD_EVERY ))
  else
    sleep_until_ms $(( T0 + sample_at ))
    alive || break
    sample "$k" "$(( sample_at / 1000 ))"
    k=$(( k + 1 ))
  fi
done
touch "$RELOADS"

loadavg_end=$(cut -d' ' -f1 /proc/loadavg)
lg_rc=0
wait "$LG" || lg_rc=$?
LG=
cat "$WORK/loadgen.log"
if (( lg_rc != 0 )); then
  echo "error: loadgen soak exited $lg_rc" >&2
fi

# The server's own counts, then a clean stop.
"$VENV/bin/python" -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' \
  "http://127.0.0.1:$METRICS_PORT/metrics" >"$WORK/metrics.txt" || echo "error: cannot read the metrics" >&2
kill -TERM "$SERVER"
for _ in $(seq 300); do
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$SERVER" 2>/dev/null; then
  echo "error: the server did not stop within 30 s of SIGTERM" >&2
  kill -KILL "$SERVER"
fi
server_rc=0
wait "$SERVER" || server_rc=$?
SERVER=
echo "server exited $server_rc after SIGTERM"

verdict=0
"$VENV/bin/python" bench/soak_plot.py \
  --loadgen "$LOADGEN_CSV" --loadgen-exit "$lg_rc" --samples "$SAMPLES" \
  --reloads "$RELOADS" --metrics "$WORK/metrics.txt" --server-log "$SERVER_LOG" \
  --server-exit "$server_rc" --startup-ms "$startup_ms" --ticks "$TICKS" \
  --duration "$DURATION" --interval "$INTERVAL" --reload-every "$RELOAD_EVERY" --warmup "$WARMUP" \
  --loadavg-start "$loadavg_start" --loadavg-end "$loadavg_end" --started "$started" \
  --rss-growth-mb "$RSS_GROWTH_MB" --rss-growth-pct "$RSS_GROWTH_PCT" --fd-growth "$FD_GROWTH" \
  --out "$OUT" || verdict=$?
echo "results: $OUT/soak.md, $OUT/soak.csv, $OUT/soak.png (work files in $WORK)"
exit "$verdict"
