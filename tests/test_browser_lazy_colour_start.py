"""Opening a page without a needless "switching colours" mark, and switching colours as before, in Chromium.

overrides/assets/javascripts/colour-scheme-at-start.js leaves out Material's
data-md-color-switching mark on <body> while a page opens in the scheme it
already shows (each mark and its removal restyle the whole page). These tests
check that no such mark is made then; that it is still made when the page
opens in another scheme than it shows, or when a reader switches colours;
and that switching works by mouse, by a tap and by keyboard.
"""

import pytest

pytestmark = pytest.mark.browser

PAGE = "case/"
# Counts every change of the mark on <body>, from before Material's script runs.
COUNT_MARKS = """
window.__marks = 0;
new MutationObserver(records => { window.__marks += records.length; })
    .observe(document, {subtree: true, attributes: true, attributeFilter: ['data-md-color-switching']});
"""
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
# Material sets the browser's theme colour from the header's background.
THEME_COLOUR_MATCHES_HEADER = """() => {
    const rgb = getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g);
    const hex = '#' + rgb.slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('');
    return document.querySelector('meta[name=theme-color]').content === hex;
}"""


def opened(context, base_url, path=PAGE):
    page = context.new_page()
    page.add_init_script(COUNT_MARKS)
    page.goto(base_url + path, wait_until="load")
    page.wait_for_timeout(300)  # Material removes its mark a moment after making it
    return page


def test_a_page_opening_in_the_scheme_it_shows_makes_no_mark(browser, base_url):
    context = browser.new_context(color_scheme="light")
    page = opened(context, base_url)
    assert page.evaluate(SCHEME) == "default" and page.evaluate("window.__marks") == 0
    assert page.evaluate(THEME_COLOUR_MATCHES_HEADER)
    # A reader's saved choice, put on <body> by Material's first lines, makes no mark either.
    page.click("label.md-header__button[for^='__palette']:visible")
    page.wait_for_function(f"{SCHEME} === 'slate'")
    again = opened(context, base_url, "zh/" + PAGE)
    assert again.evaluate(SCHEME) == "slate" and again.evaluate("window.__marks") == 0
    assert again.evaluate(THEME_COLOUR_MATCHES_HEADER)
    context.close()


def test_a_page_opening_in_another_scheme_than_it_shows_is_marked_as_before(browser, base_url):
    # A first visit with a dark system: the page arrives light and Material switches it.
    context = browser.new_context(color_scheme="dark")
    page = opened(context, base_url)
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("window.__marks") == 2  # made, then removed
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False
    context.close()


def switch_by_mouse(page):
    page.click("label.md-header__button[for^='__palette']:visible")


def switch_by_tap(page):
    page.tap("label.md-header__button[for^='__palette']:visible")


def switch_by_keyboard(page):
    """Tab to the colour switch (unless it has focus already, after a switch), then press Enter."""
    for _ in range(30):
        if page.evaluate("document.activeElement.name === '__palette'"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the colour switch could not be reached with Tab")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("switch", [switch_by_mouse, switch_by_tap, switch_by_keyboard])
def test_a_reader_can_switch_colours_and_back(browser, base_url, switch):
    context = browser.new_context(color_scheme="light", has_touch=switch is switch_by_tap)
    page = opened(context, base_url)
    for scheme in ["slate", "default"]:
        marks = page.evaluate("window.__marks")
        switch(page)
        page.wait_for_function(f"{SCHEME} === '{scheme}'", timeout=3000)
        # Marked while switching (so nothing animates), and unmarked after.
        page.wait_for_function(f"window.__marks === {marks + 2}", timeout=3000)
        assert page.evaluate(THEME_COLOUR_MATCHES_HEADER)
    context.close()
