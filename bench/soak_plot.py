"""Joins a soak's figures (bench/soak.sh), writes its table and plot, and
judges it: exit 1, saying why, when a good call failed, a bad request got
another code than its own, a reload failed or was missed, the server did not
exit 0 after SIGTERM, or RSS or descriptors grew past their bounds after the
first interval (the warm-up)."""

import argparse
import csv
import json
import os
import platform
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

p = argparse.ArgumentParser()
for name in ["loadgen", "samples", "reloads", "metrics", "server-log", "out", "loadavg-start", "loadavg-end",
             "started"]:
    p.add_argument(f"--{name}", required=True)
for name in ["loadgen-exit", "server-exit", "ticks", "duration", "interval", "reload-every", "fd-growth",
             "warmup"]:
    p.add_argument(f"--{name}", type=int, required=True)
for name in ["startup-ms", "rss-growth-mb", "rss-growth-pct"]:
    p.add_argument(f"--{name}", type=float, required=True)
a = p.parse_args()

problems = []
notes = []

# The load generator's intervals.
rows = []
if os.path.exists(a.loadgen):
    rows = list(csv.DictReader(open(a.loadgen)))
else:
    problems.append(f"the load generator wrote no figures ({a.loadgen})")
if a.loadgen_exit != 0:
    problems.append(f"the load generator exited {a.loadgen_exit} (see target/soak/loadgen.log)")

# The sampler's readings of the server: interval 0 is just before the load.
samples = {}
for r in csv.DictReader(open(a.samples)):
    samples[int(r["interval"])] = {
        "seconds": int(r["seconds"]),
        "rss_mb": int(r["rss_kb"]) / 1024,
        "fds": int(r["fds"]),
        "ticks": int(r["cpu_ticks"]),
    }
reloads = [int(x) for x in open(a.reloads).read().split()]

intervals = -(-a.duration // a.interval)
per_minute = a.interval == 60


def bad_codes(text):
    """'INVALID_ARGUMENT=26;item INVALID_ARGUMENT=6' as a dict."""
    return {k: int(v) for k, v in (kv.split("=") for kv in text.split(";") if kv)}


table = []
for r in rows:
    k = int(r["minute"])
    s = samples.get(k)
    prev = samples.get(k - 1)
    cpu = None
    if s and prev and s["seconds"] > prev["seconds"]:
        cpu = (s["ticks"] - prev["ticks"]) / a.ticks / (s["seconds"] - prev["seconds"])
    table.append({
        "interval": k,
        "end_s": int(r["seconds"]),
        "calls": int(r["calls"]),
        "calls_per_s": float(r["calls_per_s"]),
        "p50_ms": float(r["p50_ms"]),
        "p99_ms": float(r["p99_ms"]),
        "failed": int(r["failed"]),
        "bad_ok": int(r["bad_ok"]),
        "bad_wrong": int(r["bad_wrong"]),
        "bad_codes": bad_codes(r["bad_codes"]),
        "recommend": int(r["recommend"]),
        "batch_streams": int(r["batch_streams"]),
        "batch_items": int(r["batch_items"]),
        "pages": int(r["pages"]),
        "page_walks": int(r["page_walks"]),
        "tcp_connections": int(r["tcp_connections"]),
        "grpc_connections": int(r["grpc_connections"]),
        "rss_mb": s["rss_mb"] if s else None,
        "fds": s["fds"] if s else None,
        "server_cpu": cpu,
    })

if len(table) < intervals:
    problems.append(f"figures for {len(table)} of {intervals} intervals")
for t in table:
    if t["failed"]:
        problems.append(f"{t['failed']} good calls failed in interval {t['interval']} (see target/soak/loadgen.log)")
    if t["bad_wrong"]:
        problems.append(f"{t['bad_wrong']} bad requests got the wrong code in interval {t['interval']}: {t['bad_codes']}")
    if t["recommend"] == 0:
        problems.append(f"no Recommend call succeeded in interval {t['interval']}")
    if t["rss_mb"] is None:
        problems.append(f"no RSS and descriptor sample for interval {t['interval']}")
if table and sum(t["bad_ok"] for t in table) == 0:
    problems.append("no bad request was answered at all")

# Reloads: every SIGHUP must have reloaded, by the metrics and by the log.
metrics = {}
if os.path.exists(a.metrics):
    for line in open(a.metrics):
        m = re.match(r'^(himrec_[a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$', line.strip())
        if m:
            metrics[m.group(1) + (m.group(2) or "")] = float(m.group(3))
reload_ok = metrics.get('himrec_reloads_total{outcome="success"}')
reload_failed = metrics.get('himrec_reloads_total{outcome="failure"}', 0)
if reload_ok is None:
    problems.append("no himrec_reloads_total in the server's metrics")
else:
    if reload_failed:
        problems.append(f"{reload_failed:.0f} reloads failed (himrec_reloads_total{{outcome=\"failure\"}})")
    if reload_ok != len(reloads):
        problems.append(f"{reload_ok:.0f} reloads succeeded for {len(reloads)} SIGHUPs sent")
# The server's own count of the calls it answered, by code: every code but
# OK must be a bad request's, as many as the load generator counted.
server_codes = {}
for key, value in metrics.items():
    m = re.match(r'himrec_calls_total\{.*code="([A-Z_]+)"', key)
    if m:
        server_codes[m.group(1)] = server_codes.get(m.group(1), 0) + int(value)
client_codes = {}
for t in table:
    for c, n in t["bad_codes"].items():
        if not c.startswith("item "):
            client_codes[c] = client_codes.get(c, 0) + n
for code in sorted(set(server_codes) | set(client_codes)):
    if code != "OK" and server_codes.get(code, 0) != client_codes.get(code, 0):
        problems.append(f"the server answered {server_codes.get(code, 0)} calls {code}, "
                        f"the bad requests {client_codes.get(code, 0)}")

log_reloaded = 0
log_warnings = []
for line in open(a.server_log):
    try:
        event = json.loads(line)
    except ValueError:
        continue
    message = event.get("fields", {}).get("message", "")
    if message == "reloaded":
        log_reloaded += 1
    if event.get("level") in ("WARN", "ERROR"):
        log_warnings.append(f"{event.get('level')} {message} {event.get('fields', {}).get('error', '')}".strip())
if log_reloaded != len(reloads):
    problems.append(f"the server logged {log_reloaded} reloads for {len(reloads)} SIGHUPs sent")
for w in log_warnings:
    # A failed reload is a failure; other warnings are shown for a look.
    if w.startswith("ERROR") or "reload" in w:
        problems.append(f"the server logged: {w}")
    else:
        notes.append(f"the server logged: {w}")
if a.server_exit != 0:
    problems.append(f"the server exited {a.server_exit} after SIGTERM, not 0")

# Growth after the warm-up: the last reading in the warm-up against every
# reading after it.
in_warmup = [k for k in sorted(samples) if 0 < samples[k]["seconds"] <= a.warmup]
warm = in_warmup[-1] if in_warmup else None
after = [samples[k] for k in sorted(samples) if samples[k]["seconds"] > a.warmup]
rss_bound = min(a.rss_growth_mb, a.rss_growth_pct / 100 * samples[warm]["rss_mb"]) if warm else None
growth = {}
if warm and after:
    base = samples[warm]
    rss_max = max(s["rss_mb"] for s in after)
    fds_max = max(s["fds"] for s in after)
    growth = {"rss_mb": rss_max - base["rss_mb"], "fds": fds_max - base["fds"]}
    if growth["rss_mb"] > rss_bound:
        problems.append(
            f"RSS grew {growth['rss_mb']:.1f} MB after warm-up ({base['rss_mb']:.1f} to {rss_max:.1f} MB), "
            f"more than the bound of {rss_bound:.1f} MB")
    if growth["fds"] > a.fd_growth:
        problems.append(
            f"descriptors grew by {growth['fds']} after warm-up ({base['fds']} to {fds_max}), more than {a.fd_growth}")
else:
    notes.append("no reading both in and after the warm-up: growth not judged")

# Totals.
def total(key):
    return sum(t[key] for t in table)


codes = {}
for t in table:
    for c, n in t["bad_codes"].items():
        codes[c] = codes.get(c, 0) + n

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                     capture_output=True, text=True).stdout.strip()
machine = f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
when = a.started
length = f"{a.duration // 60} minutes" if a.duration % 60 == 0 else f"{a.duration} s"


def codes_text(c):
    calls = [f"{k} {v}" for k, v in sorted(c.items()) if not k.startswith("item ")]
    items = [f"{k[5:]} {v}" for k, v in sorted(c.items()) if k.startswith("item ")]
    text = ", ".join(calls) or "none"
    if items:
        text += "; batch items " + ", ".join(items)
    return text


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def fmt(v, f):
    return "-" if v is None else format(v, f)


first_col = "minute" if per_minute else "interval (s)"
lines = [
    f"| {first_col} | calls/s | Recommend p50 ms | Recommend p99 ms | server CPU | RSS MB | fds | failed | bad requests answered |",
    "|---|---|---|---|---|---|---|---|---|",
]
if 0 in samples:
    lines.append(f"| 0 (start) | - | - | - | - | {samples[0]['rss_mb']:.1f} | {samples[0]['fds']} | - | - |")
for t in table:
    label = str(t["interval"]) if per_minute else f"{t['end_s'] - a.interval}-{t['end_s']}"
    lines.append(
        f"| {label} | {t['calls_per_s']:,.0f} | {t['p50_ms']:.2f} | {t['p99_ms']:.2f} | "
        f"{fmt(t['server_cpu'], '.2f')} | {fmt(t['rss_mb'], '.1f')} | {fmt(t['fds'], 'd')} | "
        f"{t['failed']} | {codes_text(t['bad_codes'])} |")

verdict = "**passed**" if not problems else "**failed**: " + "; ".join(problems)
md = "\n".join([
    f"Soak of {length} ({when}) on {machine}; server pinned to core 0, load from core 1, "
    f"on 127.0.0.1; a row per {a.interval} s, RSS and descriptors sampled one second before "
    f"each row ends; SIGHUP every {a.reload_every} s ({plural(len(reloads), 'reload')}).",
    "",
    *lines,
    "",
    f"- startup to SERVING: {a.startup_ms:.1f} ms",
    f"- calls: {total('calls'):,} ({total('recommend'):,} Recommend, {total('batch_streams'):,} RecommendBatch "
    f"streams of 20 ({total('batch_items'):,} items), {total('pages'):,} ListPrograms pages in "
    f"{total('page_walks'):,} complete walks, {total('grpc_connections')} health checks on fresh connections); "
    f"{total('tcp_connections')} plain TCP connections opened and dropped",
    f"- failed calls: {total('failed')}; bad requests answered: {codes_text(codes)}; "
    f"with the wrong code: {total('bad_wrong')}",
    "- the server's count of calls answered (`himrec_calls_total`): "
    + (", ".join(f"{c} {n:,}" for c, n in sorted(server_codes.items())) or "none"),
    f"- reloads: {plural(len(reloads), 'SIGHUP')}, {fmt(reload_ok, '.0f')} succeeded and {reload_failed:.0f} failed "
    f"by the metrics, {log_reloaded} logged; the server exited {a.server_exit} after SIGTERM",
    f"- growth after the {a.warmup} s warm-up (the largest reading after it against the last in it, "
    f"at {samples[warm]['seconds'] if warm else '-'} s): "
    + (f"RSS {growth['rss_mb']:+.1f} MB (bound {rss_bound:.1f} MB: the smaller of {a.rss_growth_mb:.0f} MB "
       f"and {a.rss_growth_pct:.0f}% of {samples[warm]['rss_mb']:.1f} MB), descriptors {growth['fds']:+d} "
       f"(bound {a.fd_growth})" if growth else "not judged"),
    f"- load average (1 min) of the whole machine, which other work may share: {a.loadavg_start} at the "
    f"start, {a.loadavg_end} at the end",
    *[f"- note: {n}" for n in notes],
    f"- verdict: {verdict}",
    "",
])
os.makedirs(a.out, exist_ok=True)
open(f"{a.out}/soak.md", "w").write(md)
with open(f"{a.out}/soak.csv", "w", newline="") as f:
    keys = [k for k in (table[0] if table else {}) if k != "bad_codes"] + ["bad_codes"]
    w = csv.writer(f)
    w.writerow(keys)
    for t in table:
        w.writerow([";".join(f"{c}={n}" for c, n in t["bad_codes"].items()) if k == "bad_codes" else t[k]
                    for k in keys])

# The plot: throughput and latency above, memory and descriptors below.
fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6.5), sharex=True)
unit = 60 if a.duration >= 120 else 1
xs = [t["end_s"] / unit for t in table]
top.plot(xs, [t["calls_per_s"] for t in table], "o-", color="tab:blue", label="calls/s")
top.set_ylabel("calls/s", color="tab:blue")
top.set_ylim(bottom=0)
lat = top.twinx()
lat.plot(xs, [t["p99_ms"] for t in table], "s-", color="tab:red", label="Recommend p99")
lat.plot(xs, [t["p50_ms"] for t in table], "s--", color="tab:red", alpha=0.5, label="Recommend p50")
lat.set_ylabel("latency (ms)", color="tab:red")
lat.set_ylim(bottom=0)
handles = top.get_legend_handles_labels()[0] + lat.get_legend_handles_labels()[0]
top.legend(handles, [h.get_label() for h in handles], fontsize=8, loc="lower right")
top.set_title(f"himrec soak: {length}, SIGHUP reload every {a.reload_every} s (dotted), warm-up shaded")
sx = [samples[k]["seconds"] / unit for k in sorted(samples)]
bottom.plot(sx, [samples[k]["rss_mb"] for k in sorted(samples)], "o-", color="tab:green", label="RSS")
bottom.set_ylabel("RSS (MB)", color="tab:green")
bottom.set_ylim(bottom=0)
fd_ax = bottom.twinx()
fd_ax.plot(sx, [samples[k]["fds"] for k in sorted(samples)], "^-", color="tab:purple", label="open descriptors")
fd_ax.set_ylabel("open descriptors", color="tab:purple")
fd_ax.set_ylim(bottom=0)
bottom.set_xlabel("minutes" if unit == 60 else "seconds")
if warm:
    rss_top = samples[warm]["rss_mb"] + rss_bound
    fds_top = samples[warm]["fds"] + a.fd_growth
    bottom.axhline(rss_top, color="tab:green", linestyle="--", linewidth=0.8, label="RSS bound")
    fd_ax.axhline(fds_top, color="tab:purple", linestyle="--", linewidth=0.8, label="descriptor bound")
    bottom.set_ylim(0, 1.1 * max(rss_top, *(s["rss_mb"] for s in samples.values())))
    # Scaled apart so that the two bounds do not draw over each other.
    fd_ax.set_ylim(0, 1.3 * max(fds_top, *(s["fds"] for s in samples.values())))
    bottom.annotate(f"RSS bound {rss_top:.0f} MB", (0, rss_top), xycoords=("axes fraction", "data"),
                    xytext=(4, 3), textcoords="offset points", fontsize=8, color="tab:green")
    fd_ax.annotate(f"descriptor bound {fds_top}", (0, fds_top), xycoords=("axes fraction", "data"),
                   xytext=(4, 3), textcoords="offset points", fontsize=8, color="tab:purple")
    for ax in (top, bottom):
        ax.axvspan(0, a.warmup / unit, color="grey", alpha=0.08)
for ax in (top, bottom):
    for r in reloads:
        ax.axvline(r / unit, color="grey", linestyle=":", linewidth=0.8)
    ax.grid(True, alpha=0.3)
handles = bottom.get_legend_handles_labels()[0] + fd_ax.get_legend_handles_labels()[0]
bottom.legend(handles, [h.get_label() for h in handles], fontsize=8, loc="lower right")
fig.tight_layout()
fig.savefig(f"{a.out}/soak.png", dpi=110)

print(md)
if problems:
    print("soak failed:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    sys.exit(1)
