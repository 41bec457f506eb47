"""Measures the page (bench/page.sh runs it): the bytes a first visit
fetches, raw and as sent gzipped, and the time from navigation to the
first career path on screen, for a shared address (the profile in it:
load, catalog calls, Recommend, drawing) and after pressing the button
on a loaded form, beside the bare Recommend call in the same run.
Prints a Markdown table."""

import argparse
import json
import platform
import statistics
import subprocess
import time
import urllib.request

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROFILE = {"goal": "advance", "currentOccupation": "29-2072.00", "yearsExperience": 4,
           "highestEducation": "associate", "state": "OH", "credentials": ["RHIT"]}
HASH = "goal=advance&occ=29-2072.00&years=4&edu=associate&state=OH&cred=RHIT&lang=en"


def fetched(base, path, gzip):
    headers = {"accept-encoding": "gzip"} if gzip else {}
    with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)) as r:
        return len(r.read())


def recommend_ms(base):
    body = json.dumps({"profile": PROFILE, "language": "en"}).encode()
    request = urllib.request.Request(f"{base}/himrec.v1.Recommender/Recommend", data=body,
                                     headers={"content-type": "application/json", "accept-encoding": "gzip"})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as r:
        size = len(r.read())
    return (time.perf_counter() - start) * 1000, size


def quantiles(values):
    values = sorted(values)
    return statistics.median(values), values[int(0.9 * (len(values) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    base = args.base

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        files = []
        page = browser.new_page()
        page.on("response", lambda r: files.append(r.url.replace(base, "")) if r.request.method == "GET" else None)
        page.goto(f"{base}/")
        page.wait_for_selector("form.hr-form")
        page.close()
        raw = sum(fetched(base, f, False) for f in files)
        gz = sum(fetched(base, f, True) for f in files)

        shared, pressed, bare = [], [], []
        answer_bytes = 0
        for _ in range(args.runs):
            context = browser.new_context()  # a first visit: nothing cached
            page = context.new_page()
            page.goto(f"{base}/#{HASH}")
            page.wait_for_selector(".hr-path")
            shared.append(page.evaluate("performance.now()"))
            # Marks the results shown, so the next ones are told apart.
            page.evaluate("document.querySelector('.hr-results').dataset.old = '1'")
            t0 = time.perf_counter()
            page.click("button.hr-submit")
            page.wait_for_selector(".hr-results:not([data-old]) .hr-path")
            pressed.append((time.perf_counter() - t0) * 1000)
            context.close()
            ms, answer_bytes = recommend_ms(base)
            bare.append(ms)
        browser.close()

    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    s50, s90 = quantiles(shared)
    p50, p90 = quantiles(pressed)
    b50, b90 = quantiles(bare)
    print(f"Page on localhost, {args.runs} runs, release binary on core 0, Chromium on core 1 "
          f"({cpu}, {platform.system()} {platform.release()}).\n")
    print(f"First visit fetches {len(files)} files: {raw / 1024:.1f} KiB, "
          f"{gz / 1024:.1f} KiB as sent gzipped; the Recommend answer it shows is "
          f"{answer_bytes / 1024:.1f} KiB gzipped.\n")
    print("| measure | median ms | p90 ms |")
    print("|---|---:|---:|")
    print(f"| shared address, first visit: navigation to the first path on screen | {s50:.0f} | {s90:.0f} |")
    print(f"| button pressed to the first path on screen | {p50:.1f} | {p90:.1f} |")
    print(f"| the bare Recommend call it makes (Python client, same answer) | {b50:.1f} | {b90:.1f} |")


if __name__ == "__main__":
    main()
