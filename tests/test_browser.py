"""What a reader actually gets: the built site, served locally, in headless Chromium.

Accessibility (axe-core), keyboard use, privacy, search, print and page
weight are checked on every page in both colour schemes. Automated checks
find only part of WCAG; the README lists the manual checks for a release.
"""

import io
import re
import sys
from pathlib import Path

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_config

sys.path.insert(0, str(ROOT / "tools"))
from browser import first_visit, is_local  # noqa: E402

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules switched off, each with the reason (as GOV.UK's design system lists them).
DISABLED_AXE_RULES = {}
SCHEMES = {"light": "default", "dark": "slate"}
FIRST_VISIT_BUDGET_BYTES = 120 * 1024


def open_page(browser, url, scheme="light"):
    """A page in a fresh context, in the given colour scheme, with its requests recorded."""
    context = browser.new_context(color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url, wait_until="load")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{SCHEMES[scheme]}'")
    return page


def close(page):
    page.context.close()


# -----------------------------------------------------------------------------
# Accessibility
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, base_url, site_pages, report, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe, failures = Axe(), []
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS},
               "rules": {rule: {"enabled": False} for rule in DISABLED_AXE_RULES}}
    for path in site_pages:
        page = open_page(browser, base_url + path, scheme)
        violations = axe.run(page, options=options).response["violations"]
        close(page)
        report.setdefault("pages", {}).setdefault(path, {})[f"violations_{scheme}"] = len(violations)
        failures += [f"/{path} ({scheme}): {v['id']} on {len(v['nodes'])} element(s): "
                     f"{v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:200]}"
                     for v in violations]
    assert failures == []


# -----------------------------------------------------------------------------
# Keyboard
# -----------------------------------------------------------------------------

def test_skip_link_moves_focus_past_the_navigation(browser, base_url):
    page = open_page(browser, base_url + "case/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')"), "focus did not land in the content"
    close(page)


def test_focus_is_always_visible(browser, base_url):
    page = open_page(browser, base_url + "case/")
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
            const el = document.activeElement, s = getComputedStyle(el);
            return {html: el.outerHTML.slice(0, 80), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    shadow: s.boxShadow};
        }""")
        if (style["outline"] == "none" or style["width"] < 2) and style["shadow"] == "none":
            invisible.append(style["html"])
    close(page)
    assert invisible == []


def test_search_works_with_the_keyboard_alone(browser, base_url):
    page = open_page(browser, base_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("tolerance")
    page.wait_for_selector(".md-search-result__link", timeout=5000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result')")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.querySelector('[data-md-toggle=search]').checked")
    close(page)


def test_citation_tooltip_opens_on_keyboard_focus(browser, base_url):
    page = open_page(browser, base_url + "case/")
    page.keyboard.press("Tab")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
            break
    else:
        pytest.fail("no citation could be reached with Tab")
    tooltip = page.wait_for_selector(".md-tooltip2--active", timeout=3000)
    assert "Casiraghi" in tooltip.text_content() or len(tooltip.text_content()) > 20
    close(page)


# -----------------------------------------------------------------------------
# Privacy
# -----------------------------------------------------------------------------

def test_no_request_leaves_the_local_server(browser, base_url, site_pages, report):
    foreign = []
    for path in site_pages:
        page = open_page(browser, base_url + path)
        page.wait_for_timeout(300)
        # Interactions that could call out: search, a citation, the palette toggle.
        page.keyboard.press("/")
        page.keyboard.type("rejection")
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
        citation = page.query_selector("a.footnote-ref")
        if citation:
            citation.hover()
            citation.focus()
            page.wait_for_timeout(200)
        page.click("label.md-header__button[for^='__palette']:visible")
        page.wait_for_timeout(200)
        report.setdefault("pages", {}).setdefault(path, {})["requests"] = len(page.requests)
        foreign += [f"/{path}: {url}" for url in page.requests if not is_local(url, base_url)]
        close(page)
    assert foreign == []


# -----------------------------------------------------------------------------
# Links
# -----------------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(built_site, report):
    # The 404 page links from the site's root path, because it is served at any address.
    site_path = urlparse(build_site_url()).path
    broken, external = [], set()
    ids = {}
    for html_file in Path(built_site).rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        ids[html_file] = {tag["id"] for tag in soup.select("[id]")}
    for html_file in ids:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href]"):
            href = link["href"]
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
                if href.startswith("http"):
                    external.add(href.split("#")[0])
                continue
            target, _, anchor = href.partition("#")
            target = target.split("?")[0]
            if target.startswith(site_path):
                target_file = _resolve(Path(built_site) / "index.html", target[len(site_path):] or ".")
            else:
                target_file = _resolve(html_file, target) if target else html_file
            if target_file is None or not target_file.exists():
                broken.append(f"{html_file.relative_to(built_site)}: {href}")
            elif anchor and target_file in ids and anchor not in ids[target_file]:
                broken.append(f"{html_file.relative_to(built_site)}: {href} (no such anchor)")
    report["external_links"] = sorted(external)
    assert broken == []


def build_site_url():
    return fixture_config(ROOT / "docs")["site_url"]


def _resolve(html_file, target):
    path = (html_file.parent / target).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path


# -----------------------------------------------------------------------------
# Search
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("tolerance", ["basics/rejection-and-tolerance/", "case/"]),
    ("rejection", ["basics/rejection-and-tolerance/", "living/medicines/"]),
])
def test_search_finds_the_right_pages(browser, base_url, query, expected):
    page = open_page(browser, base_url)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__link", timeout=5000)
    # Material shows a few results and the rest on demand; ask for all of them.
    for more in page.query_selector_all(".md-search-result__more summary"):
        more.click()
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    close(page)
    for path in expected:
        assert any(href.split("?")[0].rstrip("/").endswith(path.rstrip("/")) for href in hrefs), (path, hrefs)


# -----------------------------------------------------------------------------
# Print
# -----------------------------------------------------------------------------

def test_pages_print_cleanly(browser, base_url, site_pages):
    from pypdf import PdfReader

    problems = []
    for path in site_pages:
        page = open_page(browser, base_url + path)
        page.emulate_media(media="print")
        shown = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
            '.md-search', '.md-footer'].filter(s => { const el = document.querySelector(s);
            return el && getComputedStyle(el).display !== 'none'; })""")
        problems += [f"/{path}: {selector} is shown in print" for selector in shown]
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
        width = pdf.pages[0].mediabox.width
        title = page.title().split(" - ")[0]
        if title.split()[0] not in text:
            problems.append(f"/{path}: title missing from the PDF")
        # The evidence label after each reference, in the page's language (hooks/interface_text.py).
        label = "证据：" if path.startswith("zh/") else "Evidence:"
        if page.query_selector("div.footnote") and label not in text:
            problems.append(f"/{path}: references missing from the PDF")
        overflow = page.evaluate("""() => Array.from(document.querySelectorAll('article *'))
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(el => el.tagName + '.' + el.className).slice(0, 3)""")
        problems += [f"/{path}: {element} runs past the page edge" for element in overflow]
        close(page)
        assert width > 0
    assert problems == []


# -----------------------------------------------------------------------------
# Page weight
# -----------------------------------------------------------------------------

def test_first_visit_stays_within_the_weight_budget(browser, base_url, site_pages, report):
    over = []
    for path in site_pages:
        resources = first_visit(browser, base_url + path)
        total = sum(gzip_bytes for _, _, gzip_bytes in resources)
        entry = report.setdefault("pages", {}).setdefault(path, {})
        entry["gzip_kb"] = round(total / 1024, 1)
        entry["resources"] = {url.replace(base_url, "/"): gz for url, _, gz in resources}
        if total > FIRST_VISIT_BUDGET_BYTES:
            over.append(f"/{path}: {total / 1024:.0f} KB gzip")
        # The index loads when a reader opens search (tests/test_browser_lazy_search.py), not before.
        assert not any("search_index.json" in url for url, _, _ in resources), "search index loaded on a first visit"
    assert over == []


# -----------------------------------------------------------------------------
# The home page's main message
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("width, height", [(360, 740), (1280, 800)])
def test_main_message_is_visible_without_scrolling(browser, base_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    box = page.query_selector("article div.admonition.danger").bounding_box()
    context.close()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
