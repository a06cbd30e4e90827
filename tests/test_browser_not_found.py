"""The "Page not found" page in Chromium: accessible in both colour schemes, and its search works.

A host serves 404.html at any wrong address, so the page links from the
site's root path (such as /patient-site/). Served from the root, its styles
would not load; so here the built site is served under that path, as the
host does.
"""

import sys
from urllib.parse import urlparse

import pytest

from conftest import ROOT, fixture_config
from test_browser import DISABLED_AXE_RULES, SCHEMES, WCAG_TAGS, close, open_page

sys.path.insert(0, str(ROOT / "tools"))
from local_server import serve  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_root_url(built_site, tmp_path_factory):
    """The address of the site's root on a local server that serves it under site_url's path."""
    path = urlparse(fixture_config(ROOT / "docs")["site_url"]).path.strip("/")
    folder = tmp_path_factory.mktemp("served")
    target = folder / path if path else folder
    if path:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(built_site, target_is_directory=True)
    with serve(folder if path else built_site) as url:
        yield url + (path + "/" if path else "")


def failed_responses(page):
    """Every response of the page that failed, so a test notices a page without its styles."""
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    return failed


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_not_found_page_passes_axe(browser, site_root_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, site_root_url + "404.html", scheme)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", \
        "the page's styles did not load"
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS},
               "rules": {rule: {"enabled": False} for rule in DISABLED_AXE_RULES}}
    violations = Axe().run(page, options=options).response["violations"]
    close(page)
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations] == [], SCHEMES[scheme]


def test_search_box_opens_the_site_search_with_results(browser, site_root_url):
    page = open_page(browser, site_root_url + "404.html")
    failed = failed_responses(page)
    page.fill("#not-found-query", "rejection")
    page.keyboard.press("Enter")
    page.wait_for_selector(".md-search-result__link", timeout=5000)
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert page.input_value(".md-search__input") == "rejection"
    close(page)
    assert failed == []


def test_section_links_open_real_pages(browser, site_root_url):
    page = open_page(browser, site_root_url + "404.html")
    page.click("article a:text-is('The Italian case')")
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('article h1').textContent").startswith("The Italian case")
    close(page)
