"""What every browser test uses: Debian's Chromium, driven by Playwright's sync API, one browser for
the session (a second Playwright instance cannot start inside the first one's event loop) and a
fresh page per test."""

import os
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def require(path: Path | str, what: str):
    if not Path(path).exists() and not shutil.which(str(path)):
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing at {path}: CI must run the browser tests")
        pytest.skip(f"{what} is not installed at {path}")


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM, "Chromium")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    in_flight, abandoned = set(), []
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: (in_flight.discard(request), abandoned.append(request)))
    yield page
    # A request still being answered (an HTMX swap or history restore a test did not wait for)
    # would hold a table when the test's data is flushed: let the live server finish first.
    deadline = time.monotonic() + 10
    while in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    if abandoned:
        # A request the page gave up on (HTMX replacing it with a newer one) is still being answered
        # by the server, which the browser no longer sees.
        page.wait_for_timeout(1000)
    context.close()
