"""Citation markers: the numbers of one place as one superscript, tight against the word.

hooks/mkdocs_citation_markers.py rewrites Python-Markdown's footnote references.
These tests check it on small samples, on Python-Markdown's real output, on a
fixture site built with the real configuration, and on every page of the site.
"""

import re
import sys
import time
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_config, strict_build
from test_site import page

sys.path.insert(0, str(ROOT / "hooks"))
from mkdocs_citation_markers import group_citations  # noqa: E402


def ref(key, number, use=""):
    """One footnote reference as Python-Markdown writes it (`use` is "", "2", "3"... for later uses)."""
    return f'<sup id="fnref{use}:{key}"><a class="footnote-ref" href="#fn:{key}">{number}</a></sup>'


def link(key, number, use=""):
    return f'<a id="fnref{use}:{key}" class="footnote-ref" href="#fn:{key}">{number}</a>'


# -----------------------------------------------------------------------------
# Small samples
# -----------------------------------------------------------------------------

def test_one_citation_is_set_tight_against_the_word():
    assert group_citations(f"<p>induction drugs {ref('a', 2)}.</p>") == (
        f'<p>induction drugs<sup class="citations">{link("a", 2)}</sup>.</p>')


def test_citations_of_one_place_become_one_marker_with_ascending_numbers():
    html = f"<p>later patients {ref('b', 6)}{ref('a', 2, '3')} .</p>"
    assert group_citations(html) == (
        f'<p>later patients<sup class="citations">{link("a", 2, "3")},{link("b", 6)}</sup>.</p>')


def test_numbers_sort_as_numbers_not_as_text():
    html = "word " + ref("j", 10) + " " + ref("b", 2) + "\n" + ref("k", 11) + ","
    grouped = group_citations(html)
    assert numbers(grouped) == [[2, 10, 11]]
    assert grouped.endswith("</sup>,")


@pytest.mark.parametrize("punctuation", [".", ",", ";", ":", "!", "?", ")"])
def test_no_space_is_left_before_the_punctuation(punctuation):
    grouped = group_citations(f"word {ref('a', 1)} {punctuation} next")
    assert grouped == f'word<sup class="citations">{link("a", 1)}</sup>{punctuation} next'


def test_a_space_before_the_next_word_is_kept():
    assert group_citations(f"word {ref('a', 1)} and more") == (
        f'word<sup class="citations">{link("a", 1)}</sup> and more')


def test_citations_in_separate_places_stay_separate():
    html = f"<li>One {ref('a', 1)}.</li>\n<li>Two {ref('b', 2)}.</li>"
    assert numbers(group_citations(html)) == [[1], [2]]


def test_a_key_cited_twice_in_one_place_shows_once_and_keeps_both_back_link_targets():
    grouped = group_citations(f"word {ref('a', 1)}{ref('b', 2)}{ref('a', 1, '2')}.")
    assert numbers(grouped) == [[1, 2]]
    assert ids(grouped) == {"fnref:a", "fnref2:a", "fnref:b"}


def test_every_back_link_target_survives():
    html = f"x {ref('c', 3, '4')} {ref('a', 1)}. y {ref('b', 2, '2')}."
    assert ids(group_citations(html)) == ids(html)


def test_other_html_is_left_alone():
    html = ('<p>Plain <sup>2</sup> text, <a href="#fn:a">a link</a>, and '
            '<sup id="other"><a href="#x">1</a></sup>.</p>\n<pre>  spaced  </pre>')
    assert group_citations(html) == html


def test_the_rewrite_takes_linear_time_on_long_input():
    # Measured: about 1 ms for 20,000 spaces; a pattern that rescans each run
    # of spaces from every position in it takes over 3 s on the same text.
    long_texts = [" " * 20_000 + "x", " " * 20_000 + ref("a", 1),
                  ("word " + ref("a", 1) + ref("b", 2) + " . ") * 5_000]
    for text in long_texts:
        start = time.perf_counter()
        group_citations(text)
        assert time.perf_counter() - start < 1, len(text)


def test_it_fits_python_markdowns_footnote_markup():
    # If Python-Markdown ever changes how it writes a footnote reference, this fails.
    text = ("Later patients [^b] [^a] .\n\nInduction drugs [^a].\n\n"
            "[^a]: First reference.\n[^b]: Second reference.\n")
    html = markdown.markdown(text, extensions=["footnotes"],
                             extension_configs={"footnotes": {"USE_DEFINITION_ORDER": False}})
    grouped = group_citations(html)
    assert "Later patients<sup" in grouped and "Induction drugs<sup" in grouped
    assert numbers(grouped) == [[1, 2], [2]]
    assert ids(grouped) == {a["href"][1:] for a in soup(grouped).select("a.footnote-backref")}


# -----------------------------------------------------------------------------
# A fixture site, built with the site's real configuration and hooks
# -----------------------------------------------------------------------------

FIXTURE_BIB = """\
@misc{first2020,
  evidence = {regulator or patient information},
  allow_uncited = {fixture},
  author = {{First Agency}}, title = {First advice}, year = {2020}, url = {https://example.org/1}
}
@misc{second2020,
  evidence = {regulator or patient information},
  allow_uncited = {fixture},
  author = {{Second Agency}}, title = {Second advice}, year = {2020}, url = {https://example.org/2}
}
@misc{third2020,
  evidence = {regulator or patient information},
  allow_uncited = {fixture},
  author = {{Third Agency}}, title = {Third advice}, year = {2020}, url = {https://example.org/3}
}
"""

# A valid page as test_site.py writes one, so front-matter rules stay in step.
FIXTURE_PAGE = page(body="""\
# Test page

Doctors give you medicines before the operation [@first2020].
Some later patients did well [@third2020; @second2020].
Others also did well [@third2020] [@first2020] .

| What | Where |
| --- | --- |
| A table cell | It says so [@second2020; @first2020] |
""")


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory):
    # Module-scoped (conftest's fixture_site is per test), so the site builds once.
    root = tmp_path_factory.mktemp("citations")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(FIXTURE_PAGE, encoding="utf-8")
    (root / "refs.bib").write_text(FIXTURE_BIB, encoding="utf-8")
    config = fixture_config(root / "docs")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            plugin["bibtex"]["bib_file"] = str(root / "refs.bib")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = strict_build(config_file, root / "site")
    assert result.returncode == 0, result.stderr
    return (root / "site" / "index.html").read_text(encoding="utf-8")


def test_fixture_site_groups_and_sorts_its_markers(fixture_page):
    article = str(soup(fixture_page).select_one("article"))
    assert numbers(article) == [[1], [2, 3], [1, 2], [1, 3]]
    assert 'the operation<sup class="citations">' in article
    assert re.search(r"did well<sup class=\"citations\">.*?</sup>\.", article)
    assert 'It says so<sup class="citations">' in article
    assert problems(fixture_page) == []


# -----------------------------------------------------------------------------
# Every page of the real site
# -----------------------------------------------------------------------------

def test_every_page_has_tidy_citation_markers(built_site):
    found, pages_with_markers = [], 0
    for path in sorted(Path(built_site).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        pages_with_markers += 'class="citations"' in html
        found += [f"{path.relative_to(built_site)}: {problem}" for problem in problems(html)]
    assert pages_with_markers >= 5
    assert found == []


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def soup(html):
    return BeautifulSoup(html, "html.parser")


def numbers(html):
    """The numbers of each marker, in page order."""
    return [[int(a.get_text()) for a in sup.select("a.footnote-ref")] for sup in soup(html).select("sup.citations")]


def ids(html):
    return {tag["id"] for tag in soup(html).select("[id^=fnref]")}


def problems(html):
    """What is wrong with the citation markers of one built page."""
    found = []
    page = soup(html)
    for stray in page.select("a.footnote-ref"):
        if stray.parent.name != "sup" or "citations" not in stray.parent.get("class", []):
            found.append(f"footnote reference outside a grouped marker: {stray}")
    for sup in page.select("sup.citations"):
        numbers_ = [int(a.get_text()) for a in sup.select("a.footnote-ref")]
        if numbers_ != sorted(set(numbers_)):
            found.append(f"numbers not ascending: {numbers_}")
        if sup.get_text() != ",".join(map(str, numbers_)):
            found.append(f"marker text is not numbers and commas: {sup.get_text()!r}")
    # On the raw text: no whitespace between a word and its marker, between two
    # markers (they would be one), or between a marker and the punctuation after it.
    for match in re.finditer(r'\s+<sup class="citations">', html):
        found.append(f"whitespace before a marker: {html[max(0, match.start() - 40):match.end()]!r}")
    for match in re.finditer(r'</sup>\s*<sup class="citations">', html):
        found.append(f"two markers side by side: {html[max(0, match.start() - 80):match.end()]!r}")
    for match in re.finditer(r'<sup class="citations">(?:(?!</sup>).)*</sup>(\s+)[.,;:!?)]', html):
        found.append(f"space before punctuation: {match.group(0)[-60:]!r}")
    # Every back-link (↩) in the reference list lands on a marker.
    targets = {tag["id"] for tag in page.select("sup.citations [id]")}
    for backref in page.select("a.footnote-backref"):
        if backref["href"][1:] not in targets:
            found.append(f"back-link with no marker: {backref['href']}")
    return found
