"""Playwright fixtures driving Debian's Chromium (no browser download)."""

from __future__ import annotations

import os

import pytest

from qa.publish import chromium


def chromium_path() -> str:
    try:
        return chromium.chromium_path()
    except chromium.ChromiumMissing as error:
        pytest.fail(f"{error} (see .ci/run)")


@pytest.fixture(scope="session")
def browser(built_site):
    # the build prints its PDFs with Playwright too, and one thread runs one Playwright:
    # build first
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=chromium.ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site_url)
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
