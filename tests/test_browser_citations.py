"""Grouped citation markers in Chromium: tooltips, tap targets, back-links, tight text.

hooks/mkdocs_citation_markers.py sets the numbers of one place as one
superscript ("drugs1,2."). Each number stays a link, so Material's tooltip
shows its own reference; these tests check that on hover and on keyboard
focus, that the marker sits tight against the word, that its numbers can be
tapped, and that each reference's back-link returns to its marker. Axe runs
on every page in both colour schemes in test_browser.py.
"""

from pathlib import Path

import pytest

from test_browser import close, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def grouped_page(built_site):
    """The path of the first page with a marker of two or more numbers."""
    for html_file in sorted(Path(built_site).rglob("index.html")):
        if '</a>,<a id="fnref' in html_file.read_text(encoding="utf-8"):
            relative = html_file.parent.relative_to(built_site).as_posix()
            return "" if relative == "." else relative + "/"
    pytest.fail("no page has a marker with two or more numbers")


GROUP = "article sup.citations:has(a + a)"
SINGLE = "article sup.citations:not(:has(a + a))"
# The text of reference N in the page's reference list, as the tooltip shows it.
REFERENCE_TEXT = """a => document.getElementById(a.hash.slice(1)).querySelector('p').textContent.trim().slice(0, 40)"""
ACTIVE_TOOLTIP_SHOWS = """expected => [...document.querySelectorAll('.md-tooltip2--active')]
    .some(t => t.textContent.replace(/\\s+/g, ' ').includes(expected.replace(/\\s+/g, ' ')))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovering_each_number_of_a_group_shows_its_reference(browser, base_url, grouped_page, scheme):
    page = open_page(browser, base_url + grouped_page, scheme)
    links = page.query_selector(GROUP).query_selector_all("a.footnote-ref")
    for link in links:
        page.mouse.move(0, 0)
        link.scroll_into_view_if_needed()
        link.hover()
        page.wait_for_function(ACTIVE_TOOLTIP_SHOWS, arg=link.evaluate(REFERENCE_TEXT), timeout=3000)
    close(page)


def test_keyboard_focus_on_each_number_of_a_group_shows_its_reference(browser, base_url, grouped_page):
    page = open_page(browser, base_url + grouped_page)
    links = page.query_selector(GROUP).query_selector_all("a.footnote-ref")
    # Start on the link before the group, then move with Tab as a keyboard user does.
    page.evaluate("""first => {
        const all = [...document.querySelectorAll('a[href], button, input')];
        all[all.indexOf(first) - 1].focus();
    }""", links[0])
    for link in links:
        page.keyboard.press("Tab")
        assert link.evaluate("a => document.activeElement === a")
        page.wait_for_function(ACTIVE_TOOLTIP_SHOWS, arg=link.evaluate(REFERENCE_TEXT), timeout=3000)
    close(page)


@pytest.mark.parametrize("width", [360, 1280])
def test_markers_sit_tight_against_the_word_and_the_punctuation(browser, base_url, grouped_page, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + grouped_page, wait_until="load")
    gaps = page.eval_on_selector_all("article sup.citations", """sups => sups.map(sup => {
        const edge = (node, side) => { const r = document.createRange(); r.selectNodeContents(node);
                                       const rects = r.getClientRects(); return side === 'right'
                                       ? rects[rects.length - 1].right : rects[0].left; };
        const before = sup.previousSibling, after = sup.nextSibling;
        const digits = sup.querySelector('a').firstChild, last = sup.querySelector('a:last-of-type').firstChild;
        return {html: sup.outerHTML.slice(0, 80),
                before: before && before.textContent.trim() ? edge(digits, 'left') - edge(before, 'right') : 0,
                after: after && after.nodeType === 3 && after.textContent.trim()
                    && edge(after, 'left') >= edge(last, 'right') - 1 ? edge(after, 'left') - edge(last, 'right') : 0};
    })""")
    context.close()
    loose = [gap for gap in gaps if gap["before"] > 3 or gap["after"] > 3]
    assert gaps and loose == []


TAP_TARGET_PROBLEMS = """() => {
    const problems = [], markers = [...document.querySelectorAll('article sup.citations')];
    const others = [...document.querySelectorAll('article a:not(.footnote-ref)')].filter(a => a.checkVisibility());
    for (const sup of markers.filter(sup => sup.checkVisibility())) {
        const links = [...sup.querySelectorAll('a.footnote-ref')];
        sup.scrollIntoView({block: 'center', inline: 'center'});
        links.forEach((a, i) => {
            const box = a.getBoundingClientRect(), x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
            const r = document.createRange(); r.selectNodeContents(a); const digit = r.getBoundingClientRect();
            // A one-number marker: the whole 24 by 24 pixel square around its centre taps it.
            const points = links.length === 1 ? [[-11.5, -11.5], [11.5, -11.5], [-11.5, 11.5], [11.5, 11.5]] : [];
            points.push([(digit.left + digit.right) / 2 - x, (digit.top + digit.bottom) / 2 - y]);
            for (const [dx, dy] of points) {
                const hit = document.elementFromPoint(x + dx, y + dy);
                if (hit !== a) problems.push(`${a.id}: ${dx},${dy} from its centre taps ${hit && hit.outerHTML.slice(0, 50)}`);
            }
            if (box.height < 24) problems.push(`${a.id} is ${box.height}px tall`);
            // Numbers of one marker: their areas meet at the comma but do not overlap.
            if (i && links[i - 1].getBoundingClientRect().right > box.left + 0.5)
                problems.push(`${a.id} overlaps the number before it`);
            // Any other link that a marker reaches over keeps at least 24px of its width.
            for (const other of others) {
                let left = 0, covered = false;
                for (const q of other.getClientRects()) {
                    const wide = Math.max(0, Math.min(box.right, q.right) - Math.max(box.left, q.left));
                    const high = Math.min(box.bottom, q.bottom) - Math.max(box.top, q.top);
                    covered ||= wide > 0.5 && high > 0.5;
                    left += high > 0.5 ? q.width - wide : q.width;
                }
                if (covered && left < 24) problems.push(`${a.id} covers the link ${other.outerHTML.slice(0, 50)}`);
            }
        });
    }
    return problems;
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_each_number_is_a_comfortable_tap_target(browser, base_url, site_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for path in site_pages:
        page.goto(base_url + path, wait_until="load")
        problems += [f"/{path} ({width}px): {problem}" for problem in page.evaluate(TAP_TARGET_PROBLEMS)]
    context.close()
    assert problems == []


def test_back_links_return_to_the_marker(browser, base_url, grouped_page):
    page = open_page(browser, base_url + grouped_page)
    second = page.query_selector(GROUP).query_selector_all("a.footnote-ref")[1]
    marker_id = second.get_attribute("id")
    backref = page.query_selector(f'a.footnote-backref[href="#{marker_id}"]')
    backref.scroll_into_view_if_needed()
    backref.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=marker_id)
    assert page.evaluate("() => document.querySelector(':target').matches('sup.citations a.footnote-ref')")
    assert second.is_visible() and page.evaluate(
        "a => { const r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }", second)
    close(page)
