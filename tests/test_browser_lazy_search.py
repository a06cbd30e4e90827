"""The search index downloads only when a reader opens search, and search then works, in Chromium.

overrides/assets/javascripts/search-on-demand.js holds back Material's request
for search/search_index.json (the largest file of the site, both languages in
one) until the reader opens search: by mouse, by a tap, from the keyboard, or
by opening an address that carries a search (?q=) or words to highlight (?h=).
These tests check that a first visit does not download the index, and that
each way of opening search downloads it and finds results in both languages.
"""

import pytest

from test_browser import close, open_page

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
FIRST_VISIT_PAGES = ["", "case/", "glossary/", "zh/", "zh/case/", "zh/glossary/"]
# A word and a page it must find, in each edition.
SEARCHES = {"": ("tolerance", "case/"), "zh/": ("耐受", "zh/case/")}


def record_index_requests(page):
    """A list that fills with every request the page makes for the search index."""
    requests = []
    page.on("request", lambda request: INDEX in request.url and requests.append(request.url))
    return requests


def results_of(page, base_url, query):
    """The pages (paths below the site root) that searching `query` in the open search box lists."""
    # An input method hands over a whole word at once, then a key is released;
    # Material reads the query on that keyup.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__link", timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    return {href.split("?")[0].split("#")[0].removeprefix(base_url) for href in hrefs}


@pytest.mark.parametrize("path", FIRST_VISIT_PAGES)
def test_a_first_visit_does_not_download_the_search_index(browser, base_url, path):
    context = browser.new_context()
    page = context.new_page()
    requests = record_index_requests(page)
    page.goto(base_url + path, wait_until="load")
    page.wait_for_timeout(1500)  # as long as tools/browser.py first_visit waits
    # The reader points at, scrolls and tabs through the page without opening search.
    page.mouse.move(200, 300)
    page.mouse.wheel(0, 600)
    for _ in range(5):
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    context.close()
    assert requests == []


@pytest.mark.parametrize("edition", SEARCHES)
def test_search_opened_from_the_keyboard_downloads_the_index_and_finds_pages(browser, base_url, edition):
    query, expected = SEARCHES[edition]
    page = open_page(browser, base_url + edition)
    requests = record_index_requests(page)
    page.wait_for_timeout(300)
    assert requests == []
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert expected in results_of(page, base_url, query)
    close(page)
    assert len(requests) == 1


@pytest.mark.parametrize("edition", SEARCHES)
def test_search_opened_with_the_mouse_downloads_the_index_and_finds_pages(browser, base_url, edition):
    query, expected = SEARCHES[edition]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests = record_index_requests(page)
    page.goto(base_url + edition, wait_until="load")
    page.wait_for_timeout(300)
    assert requests == []
    page.click(".md-search__input")  # the search box in the header of a wide screen
    assert expected in results_of(page, base_url, query)
    context.close()
    assert len(requests) == 1


@pytest.mark.parametrize("edition", SEARCHES)
def test_search_opened_with_a_tap_downloads_the_index_and_finds_pages(browser, base_url, edition):
    query, expected = SEARCHES[edition]
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests = record_index_requests(page)
    page.goto(base_url + edition, wait_until="load")
    page.wait_for_timeout(300)
    assert requests == []
    page.tap("label.md-header__button[for='__search']")  # the magnifier of a phone's header
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert expected in results_of(page, base_url, query)
    context.close()
    assert len(requests) == 1


def test_an_address_with_a_search_opens_search_with_its_results(browser, base_url):
    page = open_page(browser, base_url + "?q=rejection")
    page.wait_for_selector(".md-search-result__link", timeout=10000)
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    close(page)


def test_an_address_with_words_to_highlight_highlights_them(browser, base_url):
    # A search result link carries ?h=; Material marks those words on the page it opens.
    page = open_page(browser, base_url + "case/?h=tolerance")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10000)
    close(page)
