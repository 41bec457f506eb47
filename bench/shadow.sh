#!/usr/bin/env bash
# What shadow scoring costs the caller: Recommend (FULL) on a server with a
# candidate model and shadow.share = 0.1, beside the same server with
# shadow.share = 0, in the same run.
#
# Both servers run pinned to core 0 (the shadow worker shares that core
# with the serving threads, the harder case) and h2load drives them from
# core 1, at 1x1 (idle time between calls, so the worker compares) and
# 16x8 (the core saturated, so the worker waits and the queue drops). The
# two configurations alternate for ROUNDS rounds; each round's p99 and
# req/s ratios (shadow / plain) are reported with their median, and the
# shadow server's metrics say how many answers it compared and dropped.
#
# Writes bench/results/shadow.{json,md}. Installs h2load (Debian
# nghttp2-client) when missing. Takes about 3 minutes after the release
# build.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-50161}
METRICS_PORT=${METRICS_PORT:-50162}
ADDR=127.0.0.1:$PORT
OUT=bench/results
WORK=target/bench-shadow
mkdir -p "$OUT" "$WORK"

. bench/lib.sh
need_h2load

cargo build --release --locked --bin himrec --example loadgen
LOADGEN=target/release/examples/loadgen
"$LOADGEN" frame --method recommend --profile examples/profile.json --out "$WORK/recommend.bin"

# A candidate that answers differently: the committed model with its
# weights negated.
python3 - models/career_model.json "$WORK/candidate.json" <<'PY'
import json, sys
model = json.load(open(sys.argv[1]))
model["model_version"] = "career-lr-bench-candidate"
model["model"]["params"]["data"] = [-x for x in model["model"]["params"]["data"]]
json.dump(model, open(sys.argv[2], "w"))
PY

TICKS=$(getconf CLK_TCK)
RESULTS="$WORK/runs.jsonl"
: >"$RESULTS"
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null || true' EXIT

# run LABEL SHARE: one server, each concurrency once, then its metrics.
run() {
  local label=$1 share=$2
  local start_ns
  start_ns=$(date +%s%N)
  taskset -c 0 target/release/himrec serve --addr "$ADDR" \
    --set "candidate_model=$WORK/candidate.json" --set "shadow.share=$share" \
    --set "metrics.addr=127.0.0.1:$METRICS_PORT" \
    --set limits.max_concurrent_calls=1024 2>"$WORK/server-$label.log" &
  SERVER=$!
  taskset -c 1 "$LOADGEN" wait-serving --addr "$ADDR" --since-ns "$start_ns" >/dev/null
  for conc in "1 1" "16 8"; do
    set -- $conc
    local clients=$1 streams=$2
    local log="$WORK/$label-${clients}x${streams}.tsv"
    local ticks0 ticks1 t0 t1 rss
    ticks0=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    t0=$(date +%s%N)
    taskset -c 1 h2load -D "$SECONDS_PER_RUN" --warm-up-time=1 -c "$clients" -m "$streams" \
      -H 'content-type: application/grpc' -H 'te: trailers' -d "$WORK/recommend.bin" \
      --log-file "$log" "http://$ADDR/himrec.v1.Recommender/Recommend" >"$WORK/h2load.out" 2>&1
    t1=$(date +%s%N)
    ticks1=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
    python3 bench/h2load_summary.py "$label" "$clients" "$streams" "$log" "$WORK/h2load.out" \
      "$(( ticks1 - ticks0 ))" "$TICKS" "$(( t1 - t0 ))" "$rss" >>"$RESULTS"
  done
  python3 - "$METRICS_PORT" "$label" >>"$RESULTS" <<'PY'
import json, re, sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics").read().decode()
def total(name):
    return sum(float(m.group(1)) for m in re.finditer(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, re.M))
print(json.dumps({"tool": "metrics", "method": sys.argv[2],
                  "compared": total("himrec_shadow_comparisons_total"),
                  "dropped": total("himrec_shadow_dropped_total")}))
PY
  kill "$SERVER"
  wait "$SERVER" || true
  SERVER=
}

for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  run plain 0
  run shadow 0.1
done

python3 - "$RESULTS" "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
runs_path, out, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
runs = [json.loads(l) for l in open(runs_path)]
loads = [r for r in runs if r["tool"] == "h2load"]
metrics = [r for r in runs if r["tool"] == "metrics" and r["method"] == "shadow"]
failed = sum(r["failed"] for r in loads)
summary = {"rounds": rounds, "failed": failed, "concurrency": {}}
lines = ["| concurrency | round | plain p99 ms | shadow p99 ms | p99 shadow / plain | req/s shadow / plain |",
         "|---|---|---|---|---|---|"]
for conc in ["1x1", "16x8"]:
    plain = [r for r in loads if r["method"] == "plain" and r["concurrency"] == conc]
    shadow = [r for r in loads if r["method"] == "shadow" and r["concurrency"] == conc]
    p99 = [s["p99_ms"] / p["p99_ms"] for p, s in zip(plain, shadow)]
    rps = [s["rps"] / p["rps"] for p, s in zip(plain, shadow)]
    for i, (p, s) in enumerate(zip(plain, shadow)):
        lines.append(f"| {conc} | {i + 1} | {p['p99_ms']:.3f} | {s['p99_ms']:.3f} | {p99[i]:.2f} | {rps[i]:.2f} |")
    summary["concurrency"][conc] = {"p99_ratio_median": statistics.median(p99),
                                    "rps_ratio_median": statistics.median(rps)}
    lines.append(f"| {conc} | median | | | **{statistics.median(p99):.2f}** | {statistics.median(rps):.2f} |")
compared = sum(m["compared"] for m in metrics)
dropped = sum(m["dropped"] for m in metrics)
answered = sum(r["requests"] for r in loads if r["method"] == "shadow")
summary.update({"shadow_answered": answered, "shadow_compared": compared, "shadow_dropped": dropped})
lines += ["", f"Shadow server, all rounds: {answered} calls answered, {compared:.0f} compared, "
          f"{dropped:.0f} dropped (queue full); failed calls in all runs: {failed}."]
md = "\n".join(lines) + "\n"
open(f"{out}/shadow.md", "w").write(md)
json.dump(summary, open(f"{out}/shadow.json", "w"), indent=2)
print(md)
if failed:
    sys.exit("error: some calls failed")
PY
