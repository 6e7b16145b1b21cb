"""What every browser test uses: Debian's Chromium, driven by Playwright's sync API, one browser for
the session (a second Playwright instance cannot start inside the first one's event loop) and a
fresh page per test."""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started

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


class ServerActivity:
    """Counts the requests the live server is answering. Its threads share the test's in-memory
    SQLite connection, so the test's data cannot be flushed while one of them still runs a query;
    the browser alone cannot say when that is (a request it abandoned is still being answered)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = 0
        self.last_change = time.monotonic()

    def started(self, **kwargs):
        with self.lock:
            self.running += 1
            self.last_change = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.running = max(0, self.running - 1)
            self.last_change = time.monotonic()

    def wait_until_idle(self, quiet: float = 0.3, timeout: float = 15.0):
        """Return once no request has run for `quiet` seconds: a request the browser sent just
        before its page closed may still be waiting to be picked up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.running and time.monotonic() - self.last_change >= quiet:
                    return
            time.sleep(0.05)


@pytest.fixture(scope="session")
def server_activity():
    activity = ServerActivity()
    request_started.connect(activity.started, dispatch_uid="browser-server-activity-started")
    request_finished.connect(activity.finished, dispatch_uid="browser-server-activity-finished")
    yield activity
    request_started.disconnect(dispatch_uid="browser-server-activity-started")
    request_finished.disconnect(dispatch_uid="browser-server-activity-finished")


@pytest.fixture(autouse=True)
def _server_idle_before_flush(_live_server_helper, server_activity, request):
    """Set up after the test database, so torn down before it is flushed."""
    yield
    if "live_server" in request.fixturenames:
        server_activity.wait_until_idle()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
