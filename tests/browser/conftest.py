"""Playwright with Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, which makes Django believe it is called
from async code; the ORM calls made by the tests themselves are ordinary synchronous calls, so
DJANGO_ALLOW_ASYNC_UNSAFE is set — only while a browser module runs, because child processes inherit
the environment (`manage.py check --deploy` rightly warns about the variable).
"""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module", autouse=True)
def _allow_orm_beside_playwright():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(_allow_orm_beside_playwright):
    if not os.path.exists(CHROMIUM):
        message = f"Chromium is not installed at {CHROMIUM} (Debian package `chromium`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """new_page(width=1280, javascript=True) → a page in a fresh browser context (no cookies)."""
    contexts = []

    def make(width=1280, javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="zh-CN", java_script_enabled=javascript
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
