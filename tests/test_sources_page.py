"""The Sources page shows references as a reader should see them: no LaTeX, names kept whole.

BibTeX values hold LaTeX (`\\&`, `--`, `~`, `{\\'e}`); the page decodes them with
latexcodec, the decoder pybtex itself uses, rather than a table of our own.
"""

import re
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.bibliography import Bibliography, parse_bibtex  # noqa: E402
from sources_page import sources_markdown  # noqa: E402

# What an editor types in refs.bib, and what the reader must see.
DECODED = {
    r"Stem Cell Research \& Therapy": "Stem Cell Research & Therapy",
    "pages 304--313": "pages 304\u2013313",
    "before---after": "before\u2014after",
    "5~mg": "5\u00a0mg",
    r"Podest{\`a}": "Podestà",
    r"Marie-H{\'e}l{\`e}ne": "Marie-Hélène",
    r"Fran{\c{c}}ois": "François",
    r"{\"O}zt{\"u}rk": "Öztürk",
    r"\v{S}koda": "Škoda",
    r"Pe\~{n}a": "Peña",
    r"\ss{}": "ß",
    r"An {MSC} trial": "An MSC trial",
    r"\emph{In vitro} study": "In vitro study",
    "Rejection fell by 50% in a year": "Rejection fell by 50% in a year",
    r"50\% of patients": "50% of patients",
    "Already Unicode: é – ß": "Already Unicode: é – ß",
}
LATEX_LEFT_OVER = re.compile(r"\\|--|~|\{|\}")


def rendered(bibtex):
    """The Sources page HTML for a small bibliography, with its one entry cited nowhere."""
    entries = parse_bibtex("refs.bib", bibtex)
    return sources_markdown(Bibliography("refs.bib", entries), {}, lambda path, heading: path)


def entry(title="A title", author="Smith, Ann", journal="A Journal", **extra):
    fields = {"evidence": "case report", "title": title, "author": author, "journal": journal,
              "year": "2020", "doi": "10.1000/x1", **extra}
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@article{{smith2020example,\n{body}\n}}\n"


def page_text(html):
    """The text a reader sees: tags dropped, the characters of escaped HTML restored."""
    text = re.sub(r"<[^>]+>", "", html)
    return text.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')


@pytest.mark.parametrize("written, shown", list(DECODED.items()))
def test_title_is_decoded(written, shown):
    text = page_text(rendered(entry(title=written)))
    assert shown in text
    assert not LATEX_LEFT_OVER.search(text), text


@pytest.mark.parametrize("written, shown", list(DECODED.items()))
def test_journal_is_decoded(written, shown):
    text = page_text(rendered(entry(journal=written)))
    assert shown in text
    assert not LATEX_LEFT_OVER.search(text), text


def test_authors_are_decoded_and_shortened():
    html = rendered(entry(author=r"Podest{\`a}, Manuel Alfredo and Jouret, Fran{\c{c}}ois"))
    assert "Podestà MA, Jouret F." in page_text(html)


def test_braced_organisation_is_one_author():
    html = rendered(entry(author="{NHS Blood and Transplant}"))
    assert "NHS Blood and Transplant." in page_text(html)
    html = rendered(entry(author="{Guy's and St Thomas' NHS Foundation Trust} and Smith, Ann"))
    assert "Guy's and St Thomas' NHS Foundation Trust, Smith A." in page_text(html)


def test_real_sources_page_shows_no_latex():
    """Every reference of refs.bib, as the page shows it, is free of LaTeX marks."""
    text = (ROOT / "refs.bib").read_text(encoding="utf-8")
    html = rendered(text)
    # Links keep their addresses as written (a URL may hold ~ or --); only the words are checked.
    words = page_text(re.sub(r'href="[^"]*"', "", html))
    words = re.sub(r"https?://\S+|DOI \S+|web page \([^)]*\)", "", words)
    assert not LATEX_LEFT_OVER.search(words), LATEX_LEFT_OVER.search(words).group(0)
    assert "Research & Therapy" in words  # written `Research \& Therapy` in refs.bib
    assert "Podestà MA" in words  # written `Podest{\`a}, Manuel Alfredo`


def test_links_keep_their_addresses_as_written():
    html = rendered(entry(url="https://example.org/~team/a--b"))
    assert 'href="https://example.org/~team/a--b"' in html


def test_undated_source_ends_with_one_full_stop():
    html = rendered(entry(year="n.d."))
    assert "<em>A Journal</em>, n.d.</p>" in html


# -----------------------------------------------------------------------------
# "Find it" links are named in words
# -----------------------------------------------------------------------------

def test_a_pubmed_search_address_is_shown_as_words():
    search = "https://pubmed.ncbi.nlm.nih.gov/?term=An+example+title"
    html = rendered(entry(url=search).replace("  doi = {10.1000/x1},\n", ""))
    assert f'<a href="{search}">search PubMed for this title</a>' in html
    assert "pubmed.ncbi.nlm.nih.gov" not in page_text(html)


# -----------------------------------------------------------------------------
# "Cited on": one link per page, its sections folded beneath
# -----------------------------------------------------------------------------

CITATIONS = [("The case", "The cells", "case/index.md"), ("The case", "What it shows", "case/index.md"),
             ("The case", "The cells", "case/index.md"), ("The case", "The case", "case/index.md"),
             ("Glossary", "", "glossary.md"), ("Home", "Key points", "index.md")]


def cited_on(citations):
    """The "Cited on" item of the one reference, parsed."""
    entries = parse_bibtex("refs.bib", entry())
    html = sources_markdown(Bibliography("refs.bib", entries), {"smith2020example": citations},
                            lambda path, heading: path + (f"#{heading.lower().replace(' ', '-')}" if heading else ""))
    return next(item for item in BeautifulSoup(html, "html.parser").select("li")
                if item.get_text().startswith("Cited on"))


def test_each_page_is_one_link_with_its_sections_folded_beneath():
    pages = cited_on(CITATIONS).select_one("ul.cited-on").find_all("li", recursive=False)
    assert [item.find("a", recursive=False)["href"] for item in pages] == ["case/index.md", "glossary.md", "index.md"]
    assert [item.find("a", recursive=False).get_text() for item in pages] == ["The case", "Glossary", "Home"]
    case, glossary, home = pages
    folded = case.find("details", recursive=False)
    assert folded.summary.get_text() == "In 2 sections of this page"
    # Each section once, in the order the page cites them; the page's own title is not a section.
    assert [(a.get_text(), a["href"]) for a in folded.select("ul a")] == [
        ("The cells", "case/index.md#the-cells"), ("What it shows", "case/index.md#what-it-shows")]
    assert glossary.find("details") is None  # cited outside any section: nothing to fold
    assert home.details.summary.get_text() == "In 1 section of this page"


def test_no_source_shows_a_wall_of_links():
    many = [("The case", f"Section {n}", "case/index.md") for n in range(30)]
    item = cited_on(many)
    shown = [a for a in item.find_all("a") if not a.find_parent("details")]
    assert len(shown) == 1  # the page; its 30 sections wait inside the fold
    assert item.details.summary.get_text() == "In 30 sections of this page"


def test_a_single_page_is_named_in_the_line_itself():
    item = cited_on([("Glossary", "", "glossary.md")])
    assert str(item) == '<li>Cited on: <a href="glossary.md">Glossary</a></li>'


def test_an_uncited_source_says_so():
    assert "Cited on: not cited on any page yet" in page_text(rendered(entry()))


# -----------------------------------------------------------------------------
# The list in the language of its page
# -----------------------------------------------------------------------------

def test_the_list_is_in_english_unless_asked_otherwise():
    html = rendered(entry(url="https://www.example.org/a"))
    assert html.startswith("## Case reports\n")
    assert "<li>Kind of evidence: Case report</li>" in html
    assert '<a href="https://www.example.org/a">web page (example.org)</a>' in html


def test_the_list_in_chinese_keeps_the_reference_as_written():
    bibtex = entry(title="An example title", url="https://pubmed.ncbi.nlm.nih.gov/?term=An+example", participants="4 patients",
                   urldate="2026-11-29")
    html = sources_markdown(Bibliography("refs.bib", parse_bibtex("refs.bib", bibtex)), {},
                            lambda path, heading: path, language="zh")
    # Chinese heading, English anchor: a link to the group works in both languages.
    assert html.startswith("## 病例报告 { #case-reports }\n")
    assert "<strong>An example title</strong><br>\nSmith A. <em>A Journal</em>, 2020.</p>" in html
    assert "<li>证据类型：病例报告（4名患者）</li>" in html
    assert "<li>查找原文：<a href=\"https://doi.org/10.1000/x1\">DOI 10.1000/x1</a> · " in html
    assert ">在PubMed中搜索这个标题</a></li>" in html
    assert "<li>我们最近一次查阅这个网页是在2026年11月29日。</li>" in html
    assert "<li>引用它的页面：目前还没有页面引用它</li>" in html


def test_a_source_without_a_web_address_says_so_in_the_page_s_language():
    bibtex = entry(howpublished="").replace("  doi = {10.1000/x1},\n", "").replace(",\n  doi = {10.1000/x1}", "")
    bibliography = Bibliography("refs.bib", parse_bibtex("refs.bib", bibtex))
    assert "<li>Find it: no web address</li>" in sources_markdown(bibliography, {}, lambda path, heading: path)
    assert "<li>查找原文：没有网址</li>" in sources_markdown(bibliography, {}, lambda path, heading: path, "zh")


def test_cited_on_in_chinese():
    entries = parse_bibtex("refs.bib", entry())
    html = sources_markdown(Bibliography("refs.bib", entries), {"smith2020example": CITATIONS},
                            lambda path, heading: path, language="zh")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("ul.cited-on").parent.contents[0].strip() == "引用它的页面："
    assert [summary.get_text() for summary in soup.select("summary")] == ["在该页的2个章节中", "在该页的1个章节中"]
    one = sources_markdown(Bibliography("refs.bib", entries), {"smith2020example": [("词语解释", "", "glossary.md")]},
                           lambda path, heading: path, language="zh")
    assert '<li>引用它的页面：<a href="glossary.md">词语解释</a></li>' in one
