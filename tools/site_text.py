"""The reader-facing text of a built page, for readability scores and word checks.

Measured on the rendered HTML, not the Markdown, because that is what the
reader gets. Headings, the reference list (but not an editor's own footnotes), code, the review dates and the
theme's buttons and feedback links are left out. Each paragraph, list item and table cell is
ended with a full stop if it has none, so a list of short items is not
scored as one very long sentence.
"""

import re

from bs4 import BeautifulSoup

REMOVED = ["h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "svg", "img",
           "div.footnote li:has(span.evidence-label)", "p.review-dates", "p.page-feedback", "a.md-content__button", "a.headerlink",
           "p.admonition-title", "summary", "div.claims-notice"]
BLOCKS = ["p", "li", "td", "th", "dt", "dd", "figcaption"]


def article(html):
    """The page's main content element."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("article.md-content__inner") or soup


def readable_text(element):
    """Plain text of an element, with non-prose removed and blocks ended as sentences."""
    element = BeautifulSoup(str(element), "html.parser")
    for selector in REMOVED:
        for node in element.select(selector):
            node.decompose()
    for node in element.find_all("sup"):  # citation numbers
        node.decompose()
    pieces = []
    for node in element.find_all(BLOCKS):
        if node.find(BLOCKS):
            continue  # its inner blocks are taken on their own
        text = " ".join(node.get_text(" ").split())
        if text:
            pieces.append(text if re.search(r"[.!?:]['\"”’)]*$", text) else text + ".")
    return "\n".join(pieces)


def body_text(html):
    return readable_text(article(html))


def admonitions(html, kinds):
    """(title, readable text) of each admonition box of the given kinds."""
    boxes = []
    for box in article(html).select("div.admonition, details"):
        if set(box.get("class", [])) & set(kinds):
            title = box.select_one(".admonition-title, summary")
            boxes.append((title.get_text(" ", strip=True) if title else "", readable_text(box)))
    return boxes
