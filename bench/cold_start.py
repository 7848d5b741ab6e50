"""Cold start: from launching the CLI or the app to the first answer, index and model already built.

    .venv/bin/python bench/cold_start.py [--repeat 3]

* `rag ask`: wall clock of `python -m rag ask --json QUESTION` in a new process (interpreter,
  imports, embedder, index, model load, the answer).
* the app: headless Chromium (Debian's, via Playwright) is started first, as a reader's browser
  already is; then the clock starts, `streamlit run app.py` is launched, the page is opened as soon
  as the server answers, the question is asked, and the clock stops when the answer's timings line
  is on the page.
Medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, no install

from tests.conftest import free_port  # noqa: E402

QUESTION = "How many Russian troops are stationed in Armenia?"


def cli_once() -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "rag", "ask", "--json", QUESTION], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0 or "5,000" not in done.stdout:
        raise SystemExit(f"rag ask failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started


def app_once() -> float:
    from playwright.sync_api import sync_playwright

    port = free_port()
    with sync_playwright() as p:
        # The reader's browser is already open: start Chromium before the clock, then launch the app.
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page()
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ),
        )  # fmt: skip
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            page.goto(f"http://127.0.0.1:{port}")
            box = page.get_by_placeholder("Ask about the articles…")
            box.fill(QUESTION)
            box.press("Enter")
            page.get_by_text("first token").wait_for(timeout=300_000)
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
            browser.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cli_once()  # make sure the index and model are built and the OS file cache is warm
    cli = [cli_once() for _ in range(args.repeat)]
    app = [app_once() for _ in range(args.repeat)]
    print(
        f"rag ask, launch to answer:   median {statistics.median(cli):.1f} s  (runs: {', '.join(f'{t:.1f}' for t in cli)})"
    )
    print(
        f"chat app, launch to answer:  median {statistics.median(app):.1f} s  (runs: {', '.join(f'{t:.1f}' for t in app)})"
    )


if __name__ == "__main__":
    main()
