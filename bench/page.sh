#!/usr/bin/env bash
# The page's weight and time to first result on localhost: the release
# binary serves the bundled data (pinned to core 0), headless Chromium
# (Debian's, driven by Playwright from tests/browser/requirements.txt)
# loads it from core 1. Beside it, in the same run, the bare Recommend
# call the page makes, so the page's own cost reads as a ratio.
#
# Writes bench/results/page.md and prints it. Installs Chromium when
# missing and Playwright into a virtualenv under target/. Takes about a
# minute after the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-50152}
RUNS=${RUNS:-20}
OUT=bench/results
VENV=target/bench/browser-venv
mkdir -p "$OUT" target/bench

if ! command -v chromium >/dev/null; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
if ! "$VENV/bin/python" -c "import playwright" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r tests/browser/requirements.txt
fi

cargo build --release --locked --bin himrec
taskset -c 0 target/release/himrec serve --addr "127.0.0.1:$PORT" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done

taskset -c 1 "$VENV/bin/python" bench/page.py --base "http://127.0.0.1:$PORT" --runs "$RUNS" | tee "$OUT/page.md"
