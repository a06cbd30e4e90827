"""Search on the Chinese edition, in Chromium: Chinese words find the right Chinese pages.

The site has one search index for both languages. At build time Material's
search plugin cuts Chinese text into words with jieba and marks each cut with
\u200b, which the `separator:` in mkdocs.yml splits at; in the browser a
reader's query is matched against those words. With Material's default
settings 耐受 and 间充质 find nothing, so these tests guard that setup.
English search on the English site must keep working beside it.
"""

import pytest

from test_browser import close, open_page

pytestmark = pytest.mark.browser

CHINESE_SEARCHES = [
    ("排斥", ["zh/basics/rejection-and-tolerance/", "zh/living/medicines/"]),   # rejection
    ("耐受", ["zh/basics/rejection-and-tolerance/", "zh/case/"]),               # tolerance
    ("间充质", ["zh/basics/what-are-mscs/", "zh/case/"]),                       # mesenchymal
    # Indexed as 免疫 + 耐受 (hooks/search_words_zh.txt): the whole term must still be found.
    ("免疫耐受", ["zh/", "zh/evidence/where-the-field-is-now/"]),               # immune tolerance
]

SEARCH_READY = """() => {
    const placeholder = JSON.parse(document.getElementById('__config').textContent)
        .translations['search.result.placeholder'];
    return document.querySelector('.md-search-result__meta').textContent.trim() === placeholder;
}"""


def search(browser, base_url, start, query):
    """The pages (paths below the site root, such as "zh/case/") that searching `query` from the page
    `start` lists, and the line that counts the results."""
    page = open_page(browser, base_url + start)
    page.keyboard.press("/")
    # Wait until the index has loaded (the box says "Type to start searching" in
    # the page's own language), so one finished search gives the results.
    page.wait_for_function(SEARCH_READY, timeout=10000)
    # An input method hands over a whole Chinese word at once (insert_text), then
    # a key is released; Material reads the query on that keyup.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__link", timeout=5000)
    # Material shows a few results and the rest on demand; ask for all of them.
    for more in page.query_selector_all(".md-search-result__more summary"):
        more.click()
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    summary = page.text_content(".md-search-result__meta")
    close(page)
    return sorted({href.split("?")[0].split("#")[0].removeprefix(base_url) for href in hrefs}), summary


@pytest.mark.parametrize("query, expected", CHINESE_SEARCHES)
def test_chinese_search_finds_the_right_chinese_pages(browser, base_url, query, expected):
    pages, summary = search(browser, base_url, "zh/", query)
    assert [path for path in expected if path not in pages] == [], pages
    # A Chinese reader is sent only to Chinese pages, and told the count in Chinese.
    assert [path for path in pages if not path.startswith("zh/")] == []
    assert "个符合条件的结果" in summary, summary


def test_english_search_still_finds_the_english_pages(browser, base_url):
    pages, _ = search(browser, base_url, "", "tolerance")
    assert [path for path in ["basics/rejection-and-tolerance/", "case/"] if path not in pages] == [], pages


def test_a_word_inside_a_longer_word_is_found(browser, base_url):
    pages, _ = search(browser, base_url, "zh/", "耐受")
    assert [path for path in ["zh/", "zh/evidence/where-the-field-is-now/"] if path not in pages] == [], pages
