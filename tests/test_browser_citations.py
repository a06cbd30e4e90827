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
from bs4 import BeautifulSoup

from test_browser import close, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def grouped_page(built_site):
    """The path of the first page with a marker of two or more numbers."""
    for html_file in sorted(Path(built_site).rglob("index.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        if any("," in sup.get_text() for sup in soup.select("article sup.citations")):
            relative = html_file.parent.relative_to(built_site).as_posix()
            return "" if relative == "." else relative + "/"
    pytest.fail("no page has a marker with two or more numbers")


GROUP = "article sup.citations:has(a + a)"
# Each number the first grouped marker shows, with the centre of its digits on screen.
NUMBERS_ON_SCREEN = """() => {
    const sup = [...document.querySelectorAll('article sup.citations')].find(s => s.textContent.includes(','));
    sup.scrollIntoView({block: 'center'});
    const found = [], walker = document.createTreeWalker(sup, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) for (const match of node.data.matchAll(/\\d+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const box = range.getBoundingClientRect();
        found.push([Number(match[0]), (box.left + box.right) / 2, (box.top + box.bottom) / 2]);
    }
    return found;
}"""
# The start of reference N in the page's reference list, as a tooltip shows it.
REFERENCE = """n => document.querySelectorAll('.footnote > ol > li')[n - 1].querySelector('p')
    .textContent.replace(/\\s+/g, ' ').trim().slice(0, 40)"""
ACTIVE_TOOLTIP_SHOWS = """expected => [...document.querySelectorAll('.md-tooltip2--active')]
    .some(t => t.textContent.replace(/\\s+/g, ' ').includes(expected))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pointing_at_each_number_of_a_group_shows_its_reference(browser, base_url, grouped_page, scheme):
    page = open_page(browser, base_url + grouped_page, scheme)
    numbers = page.evaluate(NUMBERS_ON_SCREEN)
    assert len(numbers) >= 2
    for number, x, y in numbers:
        page.mouse.move(0, 0)
        page.mouse.move(x, y)
        page.wait_for_function(ACTIVE_TOOLTIP_SHOWS, arg=page.evaluate(REFERENCE, number), timeout=3000)
    close(page)


def test_tabbing_through_a_group_shows_each_of_its_references(browser, base_url, grouped_page):
    page = open_page(browser, base_url + grouped_page)
    missing = {page.evaluate(REFERENCE, number) for number, _, _ in page.evaluate(NUMBERS_ON_SCREEN)}
    # Start on whatever can take focus just before the marker, then Tab as a keyboard user does.
    page.evaluate("""() => {
        const sup = [...document.querySelectorAll('article sup.citations')].find(s => s.textContent.includes(','));
        const all = [...document.querySelectorAll('a[href], button, input')];
        all[all.indexOf(sup.querySelector('a[href]')) - 1].focus();
    }""")
    for _ in range(len(missing)):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('sup.citations') !== null"), (
            f"the marker has no keyboard stop for {missing}")
        shown = page.wait_for_function("""missing => missing.find(text =>
            [...document.querySelectorAll('.md-tooltip2--active')]
                .some(t => t.textContent.replace(/\\s+/g, ' ').includes(text)))""", arg=sorted(missing),
            timeout=3000).json_value()
        missing.discard(shown)
    close(page)
    assert missing == set()


# How far, in pixels, each marker's first digit is from the text before it,
# and the text after it from its last digit (0 where nothing comes before or
# after on the same line).
GAPS = """() => [...document.querySelectorAll('article sup.citations')].filter(s => s.checkVisibility()).map(sup => {
    const edge = (node, side) => {
        const range = document.createRange(); range.selectNodeContents(node);
        const rects = range.getClientRects();
        return side === 'right' ? rects[rects.length - 1].right : rects[0].left;
    };
    const before = sup.previousSibling, after = sup.nextSibling;
    const first = sup.querySelector('a').firstChild, last = sup.querySelector('a:last-of-type').firstChild;
    const sameLine = after && after.nodeType === 3 && after.data.trim() && edge(after, 'left') >= edge(last, 'right') - 1;
    return {marker: sup.textContent + ' after ' + (before ? before.textContent.slice(-30) : ''),
            before: before && before.textContent.trim() ? edge(first, 'left') - edge(before, 'right') : 0,
            after: sameLine ? edge(after, 'left') - edge(last, 'right') : 0};
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_markers_sit_tight_against_the_word_and_the_punctuation(browser, base_url, site_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    loose, markers = [], 0
    for path in site_pages:
        page.goto(base_url + path, wait_until="load")
        gaps = page.evaluate(GAPS)
        markers += len(gaps)
        loose += [f"/{path}: {gap}" for gap in gaps if gap["before"] > 3 or gap["after"] > 3]
    context.close()
    assert markers > 100 and loose == []


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
            const points = links.length === 1 ? [[-11.5, -11.5], [0, -11.5], [11.5, -11.5], [-11.5, 0], [11.5, 0],
                                                [-11.5, 11.5], [0, 11.5], [11.5, 11.5]] : [];
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
    return {markers: markers.length, problems};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_each_number_is_a_comfortable_tap_target(browser, base_url, site_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems, markers = [], 0
    for path in site_pages:
        page.goto(base_url + path, wait_until="load")
        found = page.evaluate(TAP_TARGET_PROBLEMS)
        markers += found["markers"]
        problems += [f"/{path} ({width}px): {problem}" for problem in found["problems"]]
    context.close()
    assert markers > 100 and problems == []


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
