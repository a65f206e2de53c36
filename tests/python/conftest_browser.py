"""pytest side of the browser harness (browser.py).

A test module takes the fixtures by importing them:

    from conftest_browser import browser, chromium_session  # noqa: F401

and marks its tests `@pytest.mark.browser`. Without Chromium or
websocket-client those tests skip, unless DIGESTCORE_REQUIRE_BROWSER is set
(to anything but "" or "0"): CI sets it, so a missing browser fails there
instead of passing unseen.
"""
from __future__ import annotations

import os
import re

import pytest

from browser import CDP_TIMEOUT, REQUIRE_ENV, Browser, BrowserError, artifact_path, websocket


def require_browser() -> None:
    """Skip the calling test when no browser is usable, or fail it when CI
    asked for one."""
    if Browser.available():
        return
    why = ("websocket-client is not installed (pip install '.[test]')" if websocket is None
           else "chromium is not installed (scripts/install-deps installs it)")
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{REQUIRE_ENV} is set but {why}", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def chromium_session():
    """One Chromium for the session: starting one costs about a second, and
    stopping one as long again (init reaps its helpers)."""
    require_browser()
    with Browser() as b:
        yield b


@pytest.fixture
def browser(request, chromium_session):
    """The session's Chromium on a blank page with empty records, restarted if
    an earlier test left it unusable (hung or crashed). The last page a test
    showed is kept as the artefact <test name>.png (see artifact_path)."""
    b = chromium_session
    b.timeout = CDP_TIMEOUT  # undo what an earlier test may have set
    try:
        if b.healthy:
            b.open("about:blank")
    except BrowserError:
        pass
    if not b.healthy:
        b.close()
        b.start()
    yield b
    if b.healthy:  # a hung page would only time out again
        try:
            if b.evaluate("location.href") != "about:blank":
                b.screenshot(artifact_path(re.sub(r"[^\w.-]+", "_", request.node.name) + ".png"))
        except BrowserError:
            pass  # whatever broke has been reported by the test itself
