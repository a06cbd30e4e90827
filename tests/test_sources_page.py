"""The Sources page shows references as a reader should see them: no LaTeX, names kept whole.

BibTeX values hold LaTeX (`\\&`, `--`, `~`, `{\\'e}`); the page decodes them with
latexcodec, the decoder pybtex itself uses, rather than a table of our own.
"""

import re
import sys

import pytest

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
