"""Citation tooltips made when a reader first needs them, in Chromium: by mouse, by a tap, by keyboard.

overrides/assets/javascripts/citation-tooltips.js makes a citation's tooltip
(its reference, in Material's own box) when a reader first points at, taps
or focuses it, instead of Material preparing all of a page's citations as it
opens (content.footnote.tooltips is off in mkdocs.yml). These tests check that
nothing is made before it is needed, that each way of reaching a citation
shows exactly its own reference beside it, and that it goes away again.
tests/test_browser_citations.py checks the numbers of grouped markers.
"""

import json

import pytest

from test_browser import close, open_page

pytestmark = pytest.mark.browser

PAGE = "case/"
# Citations in the page's text that can be seen (not in a closed box), and a reference's start.
CITATIONS = "article p a.footnote-ref >> visible=true"
REFERENCE_START = """a => document.getElementById(a.hash.slice(1)).querySelector('p')
    .textContent.replace(/\\s+/g, ' ').trim().slice(0, 40)"""
ACTIVE_TOOLTIPS = """() => [...document.querySelectorAll('.md-tooltip2--active')]
    .map(t => t.textContent.replace(/\\s+/g, ' ').trim())"""
# Where the open box is, against its citation: gap below or above it, and whether it is on screen.
PLACEMENT = """a => {
    const box = document.querySelector('.md-tooltip2--active .md-tooltip2__inner').getBoundingClientRect();
    const at = a.getBoundingClientRect(), tooltip = document.querySelector('.md-tooltip2--active');
    return {below: tooltip.classList.contains('md-tooltip2--bottom'), gapBelow: box.top - at.bottom,
            gapAbove: at.top - box.bottom, left: box.left, right: box.right, width: innerWidth,
            controls: a.getAttribute('aria-controls') === tooltip.id};
}"""


def citation(page, nth=0):
    handle = page.locator(CITATIONS).nth(nth)
    handle.scroll_into_view_if_needed()
    return handle


def shows_only(page, reference):
    """Wait until exactly one tooltip is open and it shows `reference`."""
    page.wait_for_function(f"() => ({ACTIVE_TOOLTIPS})().length === 1 && ({ACTIVE_TOOLTIPS})()[0]"
                           f".includes({json.dumps(reference)})", timeout=3000)


def test_no_tooltip_is_made_before_a_reader_needs_one(browser, base_url):
    page = open_page(browser, base_url + PAGE)
    page.wait_for_timeout(500)
    assert page.locator(".md-tooltip2").count() == 0
    assert page.locator("a.footnote-ref[aria-controls]").count() == 0
    # Material's own, all-at-once set-up is off: it would make a second box for each citation.
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    assert "content.footnote.tooltips" not in features
    close(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pointing_at_a_citation_shows_its_reference_until_the_pointer_leaves(browser, base_url, scheme):
    page = open_page(browser, base_url + PAGE, scheme)
    link = citation(page)
    reference = page.evaluate(REFERENCE_START, link.element_handle())
    link.hover()
    shows_only(page, reference)
    placement = page.evaluate(PLACEMENT, link.element_handle())
    assert placement["controls"]
    assert 0 <= (placement["gapBelow"] if placement["below"] else placement["gapAbove"]) <= 24, placement
    assert 0 <= placement["left"] and placement["right"] <= placement["width"], placement
    # The pointer may move onto the box (to select the reference) without it closing.
    page.hover(".md-tooltip2--active .md-tooltip2__inner p")
    page.wait_for_timeout(600)
    shows_only(page, reference)
    # Away from both, it closes and is taken out of the page.
    page.mouse.move(1, 1)
    page.wait_for_selector(".md-tooltip2", state="detached", timeout=3000)
    assert link.get_attribute("aria-controls") is None
    close(page)


def test_a_citation_low_on_the_screen_opens_its_box_above_it(browser, base_url):
    page = open_page(browser, base_url + PAGE)
    link = citation(page)
    link.evaluate("a => scrollBy(0, a.getBoundingClientRect().top - innerHeight * 0.8)")
    link.hover()
    shows_only(page, page.evaluate(REFERENCE_START, link.element_handle()))
    placement = page.evaluate(PLACEMENT, link.element_handle())
    assert not placement["below"] and 0 <= placement["gapAbove"] <= 24, placement
    close(page)


def test_tapping_a_citation_shows_its_reference_and_still_goes_to_it(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + PAGE, wait_until="load")
    link = citation(page, 2)
    reference = page.evaluate(REFERENCE_START, link.element_handle())
    target = link.get_attribute("href")
    link.tap()
    # As before: the tap makes the citation's box, and the link takes the reader to the reference.
    shows_only(page, reference)
    page.wait_for_function("href => location.hash === href", arg=target, timeout=3000)
    assert page.evaluate("document.querySelector(':target').textContent").replace("\n", " ").find(reference[:20]) >= 0
    context.close()


def test_tabbing_to_a_citation_shows_its_reference_and_escape_hides_it(browser, base_url):
    page = open_page(browser, base_url + PAGE)
    link = citation(page)
    reference = page.evaluate(REFERENCE_START, link.element_handle())
    # Focus whatever comes just before the citation, then Tab as a keyboard user does.
    link.evaluate("""a => { const all = [...document.querySelectorAll('a[href], button, input, summary')]
                                .filter(e => e === a || e.checkVisibility());
                            all[all.indexOf(a) - 1].focus(); }""")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")
    shows_only(page, reference)
    assert page.evaluate(PLACEMENT, link.element_handle())["controls"]
    # Escape hides it (WCAG 1.4.13) while focus stays on the citation.
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => ({ACTIVE_TOOLTIPS})().length === 0", timeout=3000)
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")
    # The next citation shows its own reference; leaving the citations closes every box.
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
        shows_only(page, page.evaluate(REFERENCE_START, page.evaluate_handle("document.activeElement")))
    page.evaluate("document.activeElement.blur()")
    page.wait_for_selector(".md-tooltip2", state="detached", timeout=3000)
    close(page)


def test_chinese_pages_show_their_own_references(browser, base_url):
    page = open_page(browser, base_url + "zh/" + PAGE)
    link = citation(page)
    reference = page.evaluate(REFERENCE_START, link.element_handle())
    link.hover()
    shows_only(page, reference)
    close(page)
