"""One h2load run as a JSON line: requests, failures, req/s, latency
percentiles from its per-call log, and the server's CPU and peak RSS.

Arguments: label, clients, streams, per-call log, h2load's output, server
CPU ticks used, ticks per second, wall time in ns, peak RSS in kB.
"""
import json, re, sys
method, c, m, log, out, ticks, hz, wall_ns, rss = sys.argv[1:]
text = open(out).read()
req = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout", text)
codes = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text)
# The answers' bytes on the wire (DATA frames), without headers.
data = re.search(r"traffic: .*?, .*?, [^(]*\((\d+)\) data", text)
rps = float(re.search(r"finished in [^,]+, ([\d.]+) req/s", text).group(1))
lat = sorted(int(line.split("\t")[2]) for line in open(log) if line.strip())
def pct(p):
    i = max(1, min(len(lat), -(-len(lat) * p // 1))) - 1
    return lat[int(i)] / 1000.0
done, ok, failed, errored, timeout = (int(req.group(i)) for i in (3, 4, 5, 6, 7))
print(json.dumps({
    "tool": "h2load", "method": method, "concurrency": f"{c}x{m}",
    "requests": done,
    "failed": failed + errored + timeout + sum(int(codes.group(i)) for i in (2, 3, 4)),
    "rps": rps, "p50_ms": pct(0.5), "p90_ms": pct(0.9), "p99_ms": pct(0.99),
    "server_cpu": int(ticks) / int(hz) / (int(wall_ns) / 1e9),
    "peak_rss_mb": int(rss) / 1024,
    "data_bytes_per_call": int(data.group(1)) / max(1, int(req.group(4))),
}))
