"""Start Debian's Chromium under Playwright, and measure what a page fetches.

Playwright's own browser download does not work here, so the system browser
is launched by path. The flags stop Chromium from calling Google services,
which this machine's closed network refuses.
"""

import gzip
import shutil
from urllib.parse import urlparse

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic",
                  "--disable-default-apps", "--disable-domain-reliability"]
INSTALL_HINT = "Install it with `sudo apt-get install chromium` (Debian/Ubuntu), then run `make test` again."


def chromium_path():
    """Path of the system Chromium, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)


def first_visit(browser, url, settle_ms=1500):
    """Every resource a first visit to `url` fetches: (url, bytes, gzip bytes).

    A fresh context has an empty cache, as a new reader's browser would. The
    wait lets the search index load, which counts towards the page weight.
    """
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    resources = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        resources.append((response.url, len(body), len(gzip.compress(body, mtime=0))))
    context.close()
    return resources


def is_local(url, base):
    """Whether a request goes to the local test server (or needs no network at all)."""
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.netloc == urlparse(base).netloc
