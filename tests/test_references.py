"""The reference list at the foot of each page: a heading, short author lists, links named in words.

mkdocs-bibtex writes every author and prints web addresses in full, such as a
long PubMed search address; hooks/mkdocs_references.py rewrites each
reference's text from refs.bib in the Sources page's short style
(hooks/sources_page.py), through the plugin's HTML as bibtex_bridge.py knows it.
"""

import datetime
import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE_BIB, ROOT, fixture_config, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
import bibtex_bridge  # noqa: E402
from claimcheck.bibliography import parse_bibtex  # noqa: E402
from sources_page import reference_html  # noqa: E402

TODAY = datetime.date.today()
FRONT = (f"---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: {TODAY}\n"
         f"next_review: {TODAY + datetime.timedelta(days=300)}\nevidence_checked: {TODAY}\n---\n")
PUBMED_SEARCH = "https://pubmed.ncbi.nlm.nih.gov/?term=An+example+title"


def one_entry(**fields):
    fields = {"evidence": "case report", "title": "An example title", "journal": "A Journal", "year": "2020",
              **fields}
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value is not None)
    (entry,) = parse_bibtex("refs.bib", f"@article{{example2020,\n{body}\n}}\n")
    return entry


def text_of(html):
    return BeautifulSoup(html, "html.parser").get_text()


# -----------------------------------------------------------------------------
# One reference's text
# -----------------------------------------------------------------------------

def test_a_long_author_list_shows_the_first_three_then_et_al():
    entry = one_entry(author="Casiraghi, Federica and Perico, Norberto and Gotti, Eliana and Todeschini, Marta",
                      doi="10.1000/x1")
    assert text_of(reference_html(entry)).startswith("Casiraghi F, Perico N, Gotti E, et al. An example title. ")


def test_doi_and_pubmed_are_links_named_by_their_identifiers():
    html = reference_html(one_entry(author="Smith, Ann", doi="10.1000/x1", pmid="123456"))
    links = BeautifulSoup(html, "html.parser").select("a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("DOI 10.1000/x1", "https://doi.org/10.1000/x1"),
        ("PubMed 123456", "https://pubmed.ncbi.nlm.nih.gov/123456/")]


def test_a_pubmed_search_address_is_shown_as_words_only():
    html = reference_html(one_entry(author="Smith, Ann", url=PUBMED_SEARCH))
    assert f'<a href="{PUBMED_SEARCH}">search PubMed for this title</a>' in html
    assert "pubmed.ncbi.nlm.nih.gov" not in text_of(html)


def test_an_organisation_ending_in_a_full_stop_gets_no_second_one():
    html = reference_html(one_entry(author="{Talaris Therapeutics Inc.}", url="https://example.org/"))
    assert text_of(html).startswith("Talaris Therapeutics Inc. An example title.")


# -----------------------------------------------------------------------------
# The plugin's HTML, as bibtex_bridge.py knows it
# -----------------------------------------------------------------------------

LIST = ('<div class="footnote">\n<hr />\n<ol>\n'
        '<li id="fn:example2020">\n<p>Ann Smith. An example title. URL: <a href="https://x.org/">https://x.org/'
        '</a>.&#160;<span class="evidence-label">Evidence: Case report.</span> '
        '<a class="footnote-backref" href="#fnref:example2020" title="Jump back">&#8617;</a></p>\n</li>\n'
        '<li id="fn:1">\n<p>An editor\'s own note.&#160;<a class="footnote-backref" href="#fnref:1" '
        'title="Jump back">&#8617;</a></p>\n</li>\n</ol>\n</div>')


def test_only_a_reference_s_own_text_is_replaced():
    html = bibtex_bridge.replace_reference_text(LIST, lambda key: "NEW TEXT." if key == "example2020" else "")
    assert ('<li id="fn:example2020">\n<p>NEW TEXT.&#160;<span class="evidence-label">Evidence: Case report.'
            '</span> <a class="footnote-backref" href="#fnref:example2020"') in html
    assert "<p>An editor's own note.&#160;<a class=\"footnote-backref\"" in html


def test_the_heading_goes_just_above_the_list():
    html = bibtex_bridge.add_reference_list_heading("<p>Text</p>\n" + LIST, "<h2>References</h2>")
    assert html.startswith('<p>Text</p>\n<h2>References</h2>\n<div class="footnote">')
    assert bibtex_bridge.reference_keys(LIST) == ["example2020", "1"]


# -----------------------------------------------------------------------------
# A built page
# -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """A strict build of two pages: one citing a source and with an editor's note, one citing nothing."""
    docs = tmp_path_factory.mktemp("references") / "docs"
    (docs / "other").mkdir(parents=True)
    (docs / "index.md").write_text(FRONT + "# Test page\n\n## Facts\n\nMSCs are cells [@smith2020example].\n\n"
                                   "Ask your team about it.[^note]\n\n[^note]: Ask your doctor too.\n",
                                   encoding="utf-8")
    other = FRONT + "# Other page\n\nAsk your team.[^x]\n\n[^x]: Ask your nurse too.\n"
    (docs / "other" / "index.md").write_text(other, encoding="utf-8")
    config = fixture_config(docs, nav=[{"Home": "index.md"}, {"Other": "other/index.md"}])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            plugin["bibtex"]["bib_file"] = str(FIXTURE_BIB)
    config_file = docs.parent / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = strict_build(config_file, docs.parent / "site")
    assert result.returncode == 0, result.stderr
    return docs.parent / "site"


def soup_of(site, page):
    return BeautifulSoup((Path(site) / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_reference_list_has_a_heading_listed_in_the_page_contents(small_site):
    soup = soup_of(small_site, "")
    heading = soup.select_one("article div.footnote").find_previous_sibling()
    assert heading.name == "h2" and heading["id"] == "references"
    assert heading.get_text(strip=True).removesuffix("¶") == "References"
    contents = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary nav.md-nav--secondary a")]
    assert contents == ["Facts", "References"]


def test_the_reference_reads_in_the_short_style_and_keeps_its_label_and_back_link(small_site):
    item = soup_of(small_site, "").select_one('li[id="fn:smith2020example"]')
    assert item.p.get_text(" ", strip=True).startswith(
        "Smith A, Jones B. An example case report. Journal of Examples , 2020. DOI 10.1000/example.2020 .")
    assert item.select_one("a[href='https://doi.org/10.1000/example.2020']") is not None
    assert "Evidence: Case report (1 patient)." in item.select_one("span.evidence-label").get_text()
    assert item.select_one("a.footnote-backref") is not None


def test_an_editor_s_own_notes_are_left_alone(small_site):
    soup = soup_of(small_site, "")
    assert soup.select_one('li[id="fn:note"] p').get_text(" ", strip=True).startswith("Ask your doctor too.")
    other = soup_of(small_site, "other")
    assert other.select_one("#references") is None  # only notes, no references: no "References" heading
    assert other.select_one('li[id="fn:x"] p').get_text(" ", strip=True).startswith("Ask your nurse too.")


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------

def test_every_reference_list_of_the_real_site_reads_well(built_site):
    checked = 0
    for html_file in sorted(Path(built_site).rglob("index.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        references = soup.select("article div.footnote li:has(span.evidence-label)")
        if not references:
            continue
        checked += 1
        assert soup.select_one("article div.footnote").find_previous_sibling("h2")["id"] == "references", html_file
        for item in references:
            for link in item.select("a:not(.footnote-backref)"):
                assert not re.match(r"https?://", link.get_text()), f"{html_file}: a raw address {link.get_text()}"
    assert checked > 5
    home = soup_of(built_site, "")
    case_report = home.select_one('li[id="fn:casiraghi2020tolerance"] p').get_text(" ", strip=True)
    assert case_report.startswith("Casiraghi F, Perico N, Gotti E, et al. Kidney transplant tolerance")
    assert "search PubMed for this title" in case_report


def test_a_title_keeps_its_capitals_without_braces(fixture_site, tmp_path):
    # The plugin's own style would print "Kdigo guideline for italy"; ours prints the title as typed.
    bib = tmp_path / "refs.bib"
    bib.write_text(FIXTURE_BIB.read_text(encoding="utf-8").replace(
        "title = {An example case report}", "title = {The KDIGO guideline for MSCs in Italy}"), encoding="utf-8")
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"},
                                bib_file=bib)
    assert strict_build(config, site).returncode == 0
    reference = soup_of(site, "").select_one('li[id="fn:smith2020example"]').get_text(" ", strip=True)
    assert "The KDIGO guideline for MSCs in Italy." in reference


def test_no_page_of_either_language_shows_a_raw_footnote_mark(built_site):
    # mkdocs-static-i18n rejoins a page's lines without the final newline; a page that
    # ends with a table (the glossary) then showed "[^key]" marks instead of references.
    raw = [str(path.relative_to(built_site)) for path in sorted(Path(built_site).rglob("index.html"))
           if "[^" in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text()]
    assert raw == []


# -----------------------------------------------------------------------------
# On a Chinese page
# -----------------------------------------------------------------------------

def test_links_are_named_in_the_page_s_language_and_the_reference_stays_as_written():
    entry = one_entry(author="Smith, Ann", doi="10.1000/x1", pmid="123456", url=PUBMED_SEARCH)
    english, chinese = reference_html(entry), reference_html(entry, "zh")
    assert [a.get_text() for a in BeautifulSoup(chinese, "html.parser").select("a")] == [
        "DOI 10.1000/x1", "PubMed 123456", "在PubMed中搜索这个标题"]
    assert chinese.replace("在PubMed中搜索这个标题", "search PubMed for this title") == english
    web_page = reference_html(one_entry(author="Smith, Ann", url="https://www.nhs.uk/a/b"), "zh")
    assert '<a href="https://www.nhs.uk/a/b">网页（nhs.uk）</a>' in web_page


def test_the_heading_in_each_language():
    import mkdocs_references  # noqa: PLC0415  (imports MkDocs, which only this test needs)

    assert mkdocs_references.heading_html("参考文献", "zh") == (
        '<h2 id="references">参考文献<a class="headerlink" href="#references" title="永久链接">&para;</a></h2>')
    assert mkdocs_references.heading_html("References", "en") == (
        '<h2 id="references">References<a class="headerlink" href="#references" title="Permanent link">&para;</a></h2>')
