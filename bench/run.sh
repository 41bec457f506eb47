#!/usr/bin/env bash
# Compares Recommend (the FULL view, and the BASIC view without reasons)
# with the cost of a gRPC call that does nothing
# (grpc.health.v1.Health/Check) on the same server in the same run, and
# Recommend over the HTTP/JSON door (FULL, JSON bodies) with Recommend over
# gRPC; and both compressed (gzip, zstd) as a client that asks gets them,
# at 16x8, with the bytes each answer takes on the wire.
#
# The server runs pinned to core 0; h2load drives it from core 1 at three
# concurrencies (connections x streams per connection); every call's HTTP
# status and one call's grpc-status per configuration are checked; server
# CPU and peak RSS come from /proc. A second load generator built on the
# project's tonic client (bench/loadgen.rs) gives a second opinion.
#
# Writes bench/results/latest.{json,md} and bench/results/latency.png and
# prints the table. Installs h2load (Debian nghttp2-client) and matplotlib
# (in a virtualenv under target/) when missing. Takes about 3 minutes after
# the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
PORT=${PORT:-50151}
ADDR=127.0.0.1:$PORT
OUT=bench/results
WORK=target/bench
mkdir -p "$OUT" "$WORK"

. bench/lib.sh
need_h2load
VENV=target/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
  echo "installing matplotlib into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q matplotlib
fi

cargo build --release --locked --bin himrec --example loadgen
LOADGEN=target/release/examples/loadgen
"$LOADGEN" frame --method health --out "$WORK/health.bin"
"$LOADGEN" frame --method recommend --profile examples/profile.json --out "$WORK/recommend.bin"
"$LOADGEN" frame --method basic --profile examples/profile.json --out "$WORK/basic.bin"
"$LOADGEN" frame --method recommend --profile examples/profile.json --json --out "$WORK/json.bin"

# Start the server on core 0 and time it from exec to SERVING.
start_ns=$(date +%s%N)
# 50x10 keeps 500 calls in flight: above the default concurrency limit,
# which would shed some of them.
taskset -c 0 target/release/himrec serve --addr "$ADDR" \
  --set limits.max_concurrent_calls=1024 2>"$WORK/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
startup_ms=$(taskset -c 1 "$LOADGEN" wait-serving --addr "$ADDR" --since-ns "$start_ns")
rss_start_kb=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER/status")
echo "startup to SERVING: ${startup_ms} ms; RSS after start: ${rss_start_kb} kB"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
TICKS=$(getconf CLK_TCK)

path_of() {
  case $1 in
    health) echo /grpc.health.v1.Health/Check ;;
    *) echo /himrec.v1.Recommender/Recommend ;;
  esac
}

# The request body each configuration sends: the compressed ones send the
# uncompressed ones' bodies.
body_of() { echo "$WORK/${1%_*}.bin"; }

# What a client that takes compressed answers says.
accept_of() {
  case $1 in
    json_gzip) echo 'accept-encoding: gzip' ;;
    json_zstd) echo 'accept-encoding: zstd' ;;
    recommend_gzip) echo 'grpc-accept-encoding: gzip' ;;
    recommend_zstd) echo 'grpc-accept-encoding: zstd' ;;
    *) echo 'x-compression: none' ;;
  esac
}

RESULTS="$WORK/runs.jsonl"
: >"$RESULTS"
content_type_of() {
  case $1 in
    json*) echo application/json ;;
    *) echo application/grpc ;;
  esac
}

for method in health recommend basic json recommend_gzip recommend_zstd json_gzip json_zstd; do
  body=$(body_of "$method")
  accept=$(accept_of "$method")
  url="http://$ADDR$(path_of "$method")"
  content_type=$(content_type_of "$method")
  # One call through nghttp to read the answer: the server answers the
  # same body the same way, so grpc-status 0 (or, on the HTTP/JSON door,
  # HTTP 200) here vouches for the run.
  ok='grpc-status: 0'
  case $method in json*) ok=':status: 200' ;; esac
  if ! nghttp -v -H ':method: POST' -H "content-type: $content_type" -H 'te: trailers' \
      -H "$accept" -d "$body" "$url" 2>&1 | grep -q "$ok"; then
    echo "error: $method did not answer $ok" >&2
    exit 1
  fi
  concurrencies=("1 1" "16 8" "50 10")
  case $method in *_gzip | *_zstd) concurrencies=("16 8") ;; esac
  for conc in "${concurrencies[@]}"; do
    set -- $conc
    clients=$1 streams=$2
    log="$WORK/$method-${clients}x${streams}.tsv"
    ticks0=$(cpu_ticks)
    t0=$(date +%s%N)
    taskset -c 1 h2load -D "$SECONDS_PER_RUN" --warm-up-time=1 -c "$clients" -m "$streams" \
      -H "content-type: $content_type" -H 'te: trailers' -H "$accept" -d "$body" \
      --log-file "$log" "$url" >"$WORK/h2load.out" 2>&1
    t1=$(date +%s%N)
    ticks1=$(cpu_ticks)
    rss_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
    "$VENV/bin/python" bench/h2load_summary.py "$method" "$clients" "$streams" "$log" \
      "$WORK/h2load.out" "$(( ticks1 - ticks0 ))" "$TICKS" "$(( t1 - t0 ))" "$rss_peak_kb" \
      >>"$RESULTS"
    tail -n 1 "$RESULTS"
  done
done

for method in health recommend basic; do
  json=$(taskset -c 1 "$LOADGEN" load --addr "$ADDR" --method "$method" \
    --profile examples/profile.json --connections 16 --streams 8 --seconds "$SECONDS_PER_RUN")
  echo "{\"tool\": \"loadgen\", \"method\": \"$method\", \"concurrency\": \"16x8\", $(echo "$json" | sed 's/^{//')" >>"$RESULTS"
  tail -n 1 "$RESULTS"
done
rss_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")

"$VENV/bin/python" - "$RESULTS" "$OUT" "$startup_ms" "$rss_start_kb" "$rss_peak_kb" <<'PY'
import json, platform, subprocess, sys, datetime
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

runs_path, out, startup_ms, rss_start, rss_peak = sys.argv[1:]
runs = [json.loads(l) for l in open(runs_path)]
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                     capture_output=True, text=True).stdout.strip()
machine = f"{cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, {platform.system()} {platform.release()}"

def find(tool, method, conc):
    return next(r for r in runs if r["tool"] == tool and r["method"] == method and r["concurrency"] == conc)

lines = ["| tool | call | concurrency | req/s | p50 ms | p90 ms | p99 ms | server CPU | peak RSS MB | failed |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for r in runs:
    lines.append("| {tool} | {method} | {concurrency} | {rps:.0f} | {p50_ms:.3f} | {p90_ms:.3f} | {p99_ms:.3f} | {cpu} | {rss} | {failed} |".format(
        cpu=f"{r['server_cpu']:.2f}" if "server_cpu" in r else "-",
        rss=f"{r['peak_rss_mb']:.1f}" if "peak_rss_mb" in r else "-", **r))
ratios = ["| concurrency | Recommend / floor, req/s | Recommend / floor, p99 | BASIC / floor, req/s | BASIC / floor, p99 |",
          "|---|---|---|---|---|"]
summary = {}
for conc in ["1x1", "16x8", "50x10"]:
    h, r, b = (find("h2load", m, conc) for m in ("health", "recommend", "basic"))
    summary[conc] = {"throughput_ratio": r["rps"] / h["rps"], "p99_ratio": r["p99_ms"] / h["p99_ms"],
                     "basic_throughput_ratio": b["rps"] / h["rps"], "basic_p99_ratio": b["p99_ms"] / h["p99_ms"]}
    ratios.append(f"| {conc} | {r['rps'] / h['rps']:.2f} | {r['p99_ms'] / h['p99_ms']:.2f} | "
                  f"{b['rps'] / h['rps']:.2f} | {b['p99_ms'] / h['p99_ms']:.2f} |")
h, r, b = (find("loadgen", m, "16x8") for m in ("health", "recommend", "basic"))
ratios.append(f"| 16x8 (tonic loadgen) | {r['rps'] / h['rps']:.2f} | {r['p99_ms'] / h['p99_ms']:.2f} | "
              f"{b['rps'] / h['rps']:.2f} | {b['p99_ms'] / h['p99_ms']:.2f} |")
door = ["| concurrency | Recommend over JSON / over gRPC, req/s | p99 |", "|---|---|---|"]
for conc in ["1x1", "16x8", "50x10"]:
    g, j = find("h2load", "recommend", conc), find("h2load", "json", conc)
    summary[conc]["json_throughput_ratio"] = j["rps"] / g["rps"]
    summary[conc]["json_p99_ratio"] = j["p99_ms"] / g["p99_ms"]
    door.append(f"| {conc} | {j['rps'] / g['rps']:.2f} | {j['p99_ms'] / g['p99_ms']:.2f} |")
ratios += ["", *door]
packed = ["| call, 16x8 | bytes per answer | req/s | compressed / plain, bytes | compressed / plain, req/s |",
          "|---|---|---|---|---|"]
for plain, label in [("recommend", "gRPC"), ("json", "HTTP/JSON door")]:
    p = find("h2load", plain, "16x8")
    packed.append(f"| {label}, plain | {p['data_bytes_per_call']:,.0f} | {p['rps']:.0f} | | |")
    for encoding in ["gzip", "zstd"]:
        z = find("h2load", f"{plain}_{encoding}", "16x8")
        summary["16x8"][f"{plain}_{encoding}_bytes_ratio"] = z["data_bytes_per_call"] / p["data_bytes_per_call"]
        summary["16x8"][f"{plain}_{encoding}_throughput_ratio"] = z["rps"] / p["rps"]
        packed.append(f"| {label}, {encoding} | {z['data_bytes_per_call']:,.0f} | {z['rps']:.0f} | "
                      f"{z['data_bytes_per_call'] / p['data_bytes_per_call']:.2f} | {z['rps'] / p['rps']:.2f} |")
ratios += ["", *packed]
failed = sum(r["failed"] for r in runs)
md = "\n".join([
    f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine}; "
    "server pinned to core 0, load from core 1.", "",
    f"- startup to SERVING: {float(startup_ms):.1f} ms",
    f"- RSS after start: {int(rss_start) / 1024:.1f} MB; peak RSS over all runs: {int(rss_peak) / 1024:.1f} MB",
    f"- failed calls in all runs: {failed}", "",
    *lines, "", *ratios, ""])
open(f"{out}/latest.md", "w").write(md)
json.dump({"machine": machine, "startup_ms": float(startup_ms), "rss_start_mb": int(rss_start) / 1024,
           "rss_peak_mb": int(rss_peak) / 1024, "failed": failed, "ratios": summary, "runs": runs},
          open(f"{out}/latest.json", "w"), indent=2)

fig, ax = plt.subplots(figsize=(7, 4.5))
for method, style in [("health", "o--"), ("recommend", "s-"), ("basic", "^-."), ("json", "d:")]:  # at 3 concurrencies
    pts = [find("h2load", method, c) for c in ["1x1", "16x8", "50x10"]]
    label = {"health": "Health/Check (floor)", "recommend": "Recommend (FULL)", "basic": "Recommend (BASIC)",
             "json": "Recommend (FULL, HTTP/JSON door)"}[method]
    for q, alpha in [("p50_ms", 0.45), ("p99_ms", 1.0)]:
        ax.plot([p["rps"] for p in pts], [p[q] for p in pts], style, alpha=alpha,
                label=f"{label} {q.split('_')[0]}")
    for p in pts:
        ax.annotate(p["concurrency"], (p["rps"], p["p99_ms"]), fontsize=8,
                    textcoords="offset points", xytext=(4, 4))
ax.set_xlabel("throughput (requests/s, server on one core)")
ax.set_ylabel("latency (ms)")
ax.set_yscale("log")
ax.set_title("himrec: latency vs throughput (h2load)")
ax.grid(True, which="both", alpha=0.3)
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(f"{out}/latency.png", dpi=110)
print(md)
PY
if [ "$(python3 -c "import json; print(json.load(open('$OUT/latest.json'))['failed'])")" != 0 ]; then
  echo "error: some calls failed" >&2
  exit 1
fi
