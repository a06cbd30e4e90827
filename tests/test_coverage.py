"""Coverage proof: every text a reader sees on a built page was read by the claim checker.

For each page, the text of every prose block inside <article> (paragraph,
list item, table cell, definition, box body, footnote, quote, details and
md_in_html block, shared snippet text) must lie inside a unit the checker
examined: the page's own units, or those of a snippet the page shows,
which the checker reads once, in the snippet file. Text is compared as
lower-case words, so Markdown and HTML markup on either side do not matter.

Exempt, because a rule names them or they are not the editor's prose:
headings (and table column headings), code, pictures with their captions
(each has a text version box, which is checked), box titles, the generated
reference list and Sources list, the evidence labels and citation marks the
hooks add, the review dates and the theme's buttons.
"""

import datetime
import html as html_module
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString

from conftest import FIXTURE_BIB, ROOT, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))
import claims  # noqa: E402
from claimcheck import blocks, checker  # noqa: E402
from claimcheck.bibliography import read_bibliography  # noqa: E402
from claimcheck.sentences import hide_non_prose  # noqa: E402
from claimcheck.snippets import snippet_names  # noqa: E402

EXEMPT = ["h1", "h2", "h3", "h4", "h5", "h6", "th", "pre", "code", "script", "style", "svg", "figure", "img",
          "p.admonition-title", "summary", "sup", "a.footnote-backref", "span.evidence-label",
          "div.reference", "a.headerlink", "a.md-content__button", "p.review-dates", "p.page-feedback",
          "div.claims-notice"]
BLOCKS = {"article", "section", "aside", "div", "details", "blockquote", "p", "ul", "ol", "li", "dl", "dt",
          "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "hr", "form"}
WORD = re.compile(r"[^\W_]+")
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}\n]*\}")


def words(text):
    return " ".join(WORD.findall(text.lower()))


def examined_words(unit_text):
    """A unit's text as the reader gets it: markup, citations and link addresses hidden."""
    plain = hide_non_prose(unit_text)[0]
    plain = ATTRIBUTE_LIST.sub(" ", FOOTNOTE_MARK.sub(" ", plain))
    return words(html_module.unescape(plain))


def prose_blocks(page_html, reference_keys):
    """The words of each prose block in the page's <article>, exempt elements left out."""
    soup = BeautifulSoup(page_html, "html.parser")
    content = soup.select_one("article.md-content__inner")
    for selector in EXEMPT:
        for node in content.select(selector):
            node.decompose()
    for item in content.select('div.footnote li[id^="fn:"]'):
        if item["id"][len("fn:"):] in reference_keys:  # a reference the citation plugin wrote
            item.decompose()
    texts = {}
    for string in content.find_all(string=True):
        if isinstance(string, Comment) or not isinstance(string, NavigableString):
            continue
        block = next(parent for parent in string.parents if parent.name in BLOCKS)
        texts.setdefault(id(block), []).append(str(string))
    return [text for text in (words(" ".join(parts)) for parts in texts.values()) if text]


def examined_by_checker(page_path, includes, known_keys):
    """The words of every unit the checker read for this page: its own and its snippets'."""
    text = page_path.read_text(encoding="utf-8")
    reports = [checker.check_page(str(page_path), text, known_keys)]
    checked_snippets = {path.name: path for path in claims._snippet_files([includes])}
    for name in snippet_names(text):
        if name in checked_snippets:
            path = checked_snippets[name]
            reports.append(checker.check_snippet(str(path), path.read_text(encoding="utf-8"), known_keys))
    return "\n".join(examined_words(unit) for report in reports for unit in report.examined)


def built_folder(relative):
    """case/index.md -> case; glossary.md -> glossary; a Chinese page (.zh.md) under zh/."""
    language = Path("zh") if relative.name.endswith(".zh.md") else Path()
    name = relative.name.removesuffix(".zh.md").removesuffix(".md")
    return language / (relative.parent if name == "index" else relative.parent / name)


def unexamined_text(docs, includes, site, bib_file):
    """{page: [reader-visible text that no examined unit contains]} for every page of a built site."""
    keys = set(read_bibliography(bib_file).by_key())
    missed = {}
    for page in sorted(docs.rglob("*.md")):
        relative = page.relative_to(docs)
        page_html = (site / built_folder(relative) / "index.html").read_text(encoding="utf-8")
        pool = "\n" + examined_by_checker(page, includes, keys) + "\n"
        gaps = [text for text in prose_blocks(page_html, keys)
                if not re.search(r"(?:^|\s)" + re.escape(text) + r"(?:\s|$)", pool, re.M)]
        if gaps:
            missed[str(relative)] = gaps
    return missed


def describe(missed):
    return "Reader-visible text that no rule looked at:\n" + "\n".join(
        f"  {page}: {text!r}" for page, texts in missed.items() for text in texts)


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------

def test_every_reader_visible_text_of_the_real_site_was_examined(built_site):
    missed = unexamined_text(ROOT / "docs", ROOT / "includes", built_site, ROOT / "refs.bib")
    assert not missed, describe(missed)


# -----------------------------------------------------------------------------
# A site with every construct editors may use
# -----------------------------------------------------------------------------

def _front():
    today = datetime.date.today()
    return (f"---\ntitle: Every construct\ndescription: A page with every construct.\n"
            f"last_reviewed: {today}\nnext_review: {today + datetime.timedelta(days=300)}\n"
            f"evidence_checked: {today}\n---\n")


EVERY_CONSTRUCT = """# Every construct

A plain paragraph states a fact with **bold** words and a [link](https://example.org/) [@smith2020example].

<abbr title="Mesenchymal stromal cells">MSCs</abbr> come from bone marrow, says a paragraph led by an abbreviation [@smith2020example].

<span>A paragraph led by a span</span> states a fact [@agency2021advice].

<strong>A paragraph led by strong words</strong> states a fact [@smith2020example].

## Lists

Signs of a problem include [@smith2020example]:

- fever
- swollen ankles

The steps come in this order [@agency2021advice].

1. A numbered item states a fact [@smith2020example].
2. A second numbered item states another fact [@agency2021advice].
    - A nested item states a fact [@smith2020example].
        - A deeper nested item states a fact [@agency2021advice].

Tick each box when it is done.

- [ ] Ask your team about trials.
- [x] Write down your questions.

## A table

| Medicine | What it does |
| --- | --- |
| Tacrolimus | It calms the immune system [@smith2020example]. |
| Prednisolone | It lowers swelling [@agency2021advice]. |

## Boxes

!!! note "A note box"
    A fact inside a note box [@smith2020example].

    - A list item inside the box states a fact [@agency2021advice].

??? info "A box that opens"
    A fact inside a box that opens [@smith2020example].

--8<-- "shared-box.md"

## Quotes

> A quoted sentence states a fact [@smith2020example].
>
> > A quote inside a quote states a fact [@agency2021advice].

## Footnotes

A sentence has a note with more detail [@smith2020example].[^detail]

[^detail]: In 1 in 3 patients the note states a fact [@smith2020example].
    A continuation line of the note states a fact [@agency2021advice].

    A second paragraph of the note states a fact [@smith2020example].

## HTML with Markdown inside

<div markdown>
A fact inside a Markdown div [@smith2020example].

- A list item inside a Markdown div states a fact [@agency2021advice].
</div>

<div markdown="1" class="note">
Another fact inside a div marked with one [@smith2020example].
</div>

<p>Call your team if you feel unwell.</p>

## A picture

<figure markdown="span">
  ![A drawing of a kidney](kidney.svg)
  <figcaption>Picture: a kidney</figcaption>
</figure>

??? info "Text version of the picture"
    The picture shows a kidney with its blood vessels [@smith2020example].

## Code

```python
print("This code is not a claim.")
```

*[MSC]: Mesenchymal stromal cell
"""

SHARED_BOX = ('!!! warning "Shared text"\n'
              "    Shared text from the includes folder states a fact [@smith2020example].\n")
KIDNEY = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><title>Kidney</title>'
          '<rect width="10" height="10" fill="#fff"/></svg>\n')


@pytest.fixture
def every_construct_site(fixture_site, tmp_path):
    config, site = fixture_site({"index.md": _front() + EVERY_CONSTRUCT, "kidney.svg": KIDNEY},
                                includes={"shared-box.md": SHARED_BOX})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    return tmp_path / "docs", tmp_path / "includes", site


def test_the_fixture_shows_every_construct(every_construct_site):
    """Guards the fixture itself: each construct rendered as intended, so the proof below is about them."""
    docs, _, site = every_construct_site
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    for selector, text in [("li#fn\\:detail p", "continuation line of the note"),
                           ("div.admonition.warning p", "Shared text from the includes folder"),
                           ("div.note p", "marked with one"), ("div > ul > li", "inside a Markdown div"),
                           ("p > abbr", "MSCs"), ("p > span", "led by a span"), ("blockquote blockquote p", "inside a quote"),
                           ("details p", "opens"), ("td", "calms"), ("ol li ul li ul li", "deeper nested"),
                           ("figure figcaption", "Picture")]:
        assert any(text in node.get_text() for node in page.select(selector)), (selector, text)


def test_every_reader_visible_text_of_every_construct_was_examined(every_construct_site):
    docs, includes, site = every_construct_site
    missed = unexamined_text(docs, includes, site, FIXTURE_BIB)
    assert not missed, describe(missed)


def _skip_footnotes(lines, index, indent, definition, context, units):
    return blocks._skip_definition(lines, index)


def _skip_markdown_in_html(lines, index, indent, tag, context, units):
    end, _, _ = blocks._element_end(lines, index, indent, tag)
    return end + 1


def _any_tag_starts_a_block(body):
    tag = blocks.HTML_TAG.match(body)
    return tag.group(1).lower() if tag else ""


def _skip_to_blank_line(lines, index, indent, tag, context, units):
    while index < len(lines) and lines[index].text.strip():
        index += 1
    return index


def _snippets_not_read(path, text, known_keys):
    return checker.PageReport(path)


BLIND_SPOTS = {
    "footnote bodies skipped": ([(blocks, "_read_footnote", _skip_footnotes)], "continuation line of the note"),
    "md_in_html skipped": ([(blocks, "_read_html", _skip_markdown_in_html)], "inside a markdown div"),
    "inline-HTML-led paragraph skipped": ([(blocks, "_html_block_tag", _any_tag_starts_a_block),
                                           (blocks, "_read_html", _skip_to_blank_line)], "led by a span"),
    "snippet text skipped": ([(checker, "check_snippet", _snippets_not_read)], "shared text from the includes"),
}


@pytest.mark.parametrize("blind_spot", BLIND_SPOTS)
def test_each_blind_spot_put_back_fails_the_proof(every_construct_site, monkeypatch, blind_spot):
    patches, expected = BLIND_SPOTS[blind_spot]
    for module, name, replacement in patches:
        monkeypatch.setattr(module, name, replacement)
    docs, includes, site = every_construct_site
    missed = unexamined_text(docs, includes, site, FIXTURE_BIB)
    assert any(expected in text for texts in missed.values() for text in texts), describe(missed)
    assert "index.md" in describe(missed)


def test_the_reader_knows_python_markdowns_html_block_tags():
    import markdown
    assert blocks.HTML_BLOCK_TAGS == set(markdown.Markdown().block_level_elements)
