"""Fixtures for the browser suite: the built site on 127.0.0.1 and Debian's Chromium.

Without Chromium the suite is skipped with a message saying how to install
it; with CI=true a missing browser is a failure, because CI must run it.
"""

import json
import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from browser import INSTALL_HINT, chromium_path, launch  # noqa: E402
from local_server import serve  # noqa: E402

REPORT_DIR = ROOT / "reports"


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if chromium_path() is None:
        message = f"Chromium is not installed, so the browser tests cannot run. {INSTALL_HINT}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_pages(built_site):
    """Every page's path below the site root, such as "" or "case/"."""
    pages = []
    for path in sorted(Path(built_site).rglob("index.html")):
        relative = path.parent.relative_to(built_site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.fixture(scope="session")
def report():
    """Per-page figures that the tests collect, written to reports/ at the end."""
    data = {}
    yield data
    if data:
        REPORT_DIR.mkdir(exist_ok=True)
        (REPORT_DIR / "browser-report.json").write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
        (REPORT_DIR / "browser-report.md").write_text(_markdown_report(data))


def _markdown_report(data):
    lines = ["# Browser report", "", "| Page | axe violations (light/dark) | Requests | First visit (gzip KB) "
             "| FK grade | SMOG |", "| --- | --- | --- | --- | --- | --- |"]
    for page in sorted(data.get("pages", {})):
        row = data["pages"][page]
        lines.append(f"| /{page} | {row.get('violations_light', '-')}/{row.get('violations_dark', '-')} "
                     f"| {row.get('requests', '-')} | {row.get('gzip_kb', '-')} | {row.get('grade', '-')} "
                     f"| {row.get('smog', '-')} |")
    if data.get("external_links"):
        lines += ["", "## External links (listed, not fetched)", ""]
        lines += [f"- {url}" for url in data["external_links"]]
    return "\n".join(lines) + "\n"
