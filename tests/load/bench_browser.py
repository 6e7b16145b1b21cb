"""Browser benchmark (the last part of ``make bench``): headless Chromium on the benchmark dataset.

gunicorn serves the dataset on 127.0.0.1 with the production settings, as ``make loadtest`` does, and
Playwright drives Debian's Chromium. One line per measurement, in milliseconds:

BENCH browser_axis_first_card n=<events> p50=<ms> p95=<ms>
    a fresh browser context opens the timeline: from navigation until the axis and the first card are
    in the page and drawn (the second and later navigations: the server has the filter cached)
BENCH browser_filter_change_cold / browser_filter_change n=<events> p50=<ms> p95=<ms>
    the thread select changes (each thread once, then each again): from the change event until HTMX
    has swapped and settled the new results and axis
BENCH browser_search_typed n=<events> p50=<ms> p95=<ms>
    a word typed into the search box, through the box's 400 ms pause, until the results are settled

    DJANGO_SETTINGS_MODULE=timeline.settings.production ... python tests/load/bench_browser.py [--repeat N]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# Set a start mark, change a control, and record when HTMX has settled the swap it caused.
CHANGE = """([selector, value]) => new Promise(resolve => {
  const control = document.querySelector(selector);
  const started = performance.now();
  document.addEventListener("htmx:afterSettle", () => resolve(performance.now() - started), { once: true });
  control.value = value;
  control.dispatchEvent(new Event(selector === "#id_q" ? "input" : "change", { bubbles: true }));
})"""
# Resolves once the axis and the first card exist and a frame has been drawn with them.
DRAWN = """() => new Promise(resolve => {
  const check = () => document.querySelector("#axis .axis__track") && document.querySelector(".card")
    ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check);
  check();
})"""


# gunicorn's workers; each has its own cache unless CACHE_URL names a shared one.
WORKERS = 2


def report(name: str, events: int, timings: list[float]):
    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    print(f"BENCH {name} n={events} p50={p50:.1f} p95={p95:.1f}", flush=True)


def serve(port: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0"}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "timeline.wsgi", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit(f"the server on port {port} did not answer")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8110)))
    options = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is missing at {CHROMIUM} (apt-get install chromium)")

    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    from timeline.models import Event, Thread

    events = Event.objects.count()
    threads = list(Thread.objects.values_list("slug", flat=True))
    server = serve(options.port)
    url = f"http://127.0.0.1:{options.port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
            )
            timings = []
            for i in range(options.repeat + WORKERS):
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url, wait_until="commit")
                page.evaluate(DRAWN)
                if i >= WORKERS:  # the first ones fill each worker's cache (its own memory)
                    timings.append((time.perf_counter() - started) * 1000)
                context.close()
            report("browser_axis_first_card", events, timings)

            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(url)
            for name in ("browser_filter_change_cold", "browser_filter_change"):
                report(name, events, [page.evaluate(CHANGE, ["#id_thread", slug]) for slug in threads])
            page.evaluate(CHANGE, ["#id_thread", ""])
            words = ["shells", "rail", "border", "satellite", "cargo", "train", "summit", "envoy"]
            report("browser_search_typed", events, [page.evaluate(CHANGE, ["#id_q", word]) for word in words])
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
