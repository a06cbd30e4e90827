"""Content rules from issue 9: news citations, rates on one base, the help box on every page
that needs it, the decision aid's structure and reading grade, and the evidence date.

Each rule is tested twice: on a small example that must fail, and on the real site.
"""

import datetime
import re
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_BIB, ROOT, lenient_build, strict_build

sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.bibliography import read_bibliography  # noqa: E402
from claimcheck.metadata import check_metadata  # noqa: E402
from content_rules import mixed_base_problems, news_citation_problems  # noqa: E402
from interface_text import checked_on  # noqa: E402
from readability import grade  # noqa: E402
from site_text import article, body_text  # noqa: E402

HELP_SNIPPET = "get-help.md"
HELP_LINE = re.compile(r'^[ \t]*-{1,2}8<-{1,2}[ \t]+"get-help\.md"[ \t]*$', re.M)
# Pages about treatment, tolerance, trials and the Italian case show the shared help box.
HELP_PAGES = ["basics/rejection-and-tolerance.md", "basics/what-are-mscs.md", "case/index.md",
              "evidence/wider-evidence.md", "evidence/where-the-field-is-now.md", "evidence/benefits-risks.md",
              "living/medicines.md", "living/trials-and-clinics.md", "living/decision-aid.md",
              "living/help-and-support.md"]
DECISION_AID = "living/decision-aid.md"
DECISION_AID_SECTIONS = ["The decision", "Your options", "Benefits and harms of each option",
                         "What taking part involves", "Who can usually take part", "What matters most to you",
                         "Questions to take to your team", "About this decision aid"]
# The decision aid and help boxes are for readers who may be unwell or worried.
MAX_EASY_GRADE = 6
FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: 2026-11-26\n"
         "next_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")


def markdown_sources():
    """Every page and every shared snippet with prose, as (name, text)."""
    files = sorted(ROOT.glob("docs/**/*.md")) + sorted(p for p in (ROOT / "includes").glob("*.md")
                                                     if p.name != "abbreviations.md")
    return [(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")) for path in files]


def evidence_kinds(bib_path=ROOT / "refs.bib"):
    return {entry.key: entry.fields.get("evidence", "").lower() for entry in read_bibliography(bib_path).entries}


def html_of(site, page):
    return (Path(site) / page.removesuffix(".md").removesuffix("index") / "index.html").read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# a. What the news said is cited to a news report, and the press article only to that
# -----------------------------------------------------------------------------

NEWS_KINDS = {"zhongshan_press": "news report", "casiraghi2020tolerance": "case report"}


@pytest.mark.parametrize("text", [
    "News reports said the cells were given the day before [@casiraghi2020tolerance].",
    "The dose was reported in the news [@casiraghi2020tolerance].",
    "Local news reports said she went home early.",
    "The cells were given the day before the transplant [@zhongshan_press].",
])
def test_news_rule_flags_examples(text):
    assert news_citation_problems("docs/x.md", FRONT + text + "\n", NEWS_KINDS)


@pytest.mark.parametrize("text", [
    "News reports said the cells were given the day before the transplant [@zhongshan_press].",
    "A press article from the hospital said more [@zhongshan_press; @casiraghi2020tolerance].",
    "The paper reported the dose [@casiraghi2020tolerance].",
])
def test_news_rule_passes_examples(text):
    assert news_citation_problems("docs/x.md", FRONT + text + "\n", NEWS_KINDS) == []


def test_news_rule_names_file_line_and_sentence():
    text = FRONT + "Intro.\n\nNews reports said it.\nIt was new [@casiraghi2020tolerance].\n"
    assert news_citation_problems("docs/x.md", text, NEWS_KINDS) == [
        "docs/x.md:10: says what the news reported but cites no news report: News reports said it."]


def test_what_the_news_said_cites_a_news_report_and_only_there():
    kinds = evidence_kinds()
    assert kinds.get("zhongshan_press") == "news report"
    problems = [p for name, text in markdown_sources() for p in news_citation_problems(name, text, kinds)]
    assert problems == []


# -----------------------------------------------------------------------------
# b. Rates compared on one base
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "About 1 in 13 against about 1 in 5 [@a].",
    "- About one in five people, against 1 in 13 [@a].",
    "| Rejection | 1 in 13 | 1 in 5 |",
    "Rejection: about 8 in 100.\nDeath: about 1 in 1,000.",
])
def test_mixed_bases_are_flagged(text):
    assert mixed_base_problems("docs/x.md", FRONT + text + "\n")


@pytest.mark.parametrize("text", [
    "About 8 in 100 against about 22 in 100 [@a].",
    "About 1 in 5 people had it [@a].\n\nAbout 1 in 13 others had it [@a].",
    "In 2020, 12 patients took part [@a].",
])
def test_same_base_passes(text):
    assert mixed_base_problems("docs/x.md", FRONT + text + "\n") == []


def test_mixed_bases_message_names_page_and_text():
    [problem] = mixed_base_problems("docs/x.md", FRONT + "About 1 in 13 against about 1 in 5 [@a].\n")
    assert problem == ('docs/x.md:8: rates on different bases ("1 in 13", "1 in 5"): '
                       "About 1 in 13 against about 1 in 5 [@a].")


def test_no_page_compares_rates_on_different_bases():
    assert [p for name, text in markdown_sources() for p in mixed_base_problems(name, text)] == []


# -----------------------------------------------------------------------------
# c. The shared help box on every page that needs it, with working references
# -----------------------------------------------------------------------------

def pages_without_help(docs_dir, pages):
    return [page for page in pages if not HELP_LINE.search((Path(docs_dir) / page).read_text(encoding="utf-8"))]


def test_missing_help_box_is_found(tmp_path):
    (tmp_path / "a.md").write_text(FRONT + '!!! note "Help"\n    --8<-- "get-help.md"\n', encoding="utf-8")
    (tmp_path / "b.md").write_text(FRONT + 'Text --8<-- "get-help.md" inline.\n', encoding="utf-8")
    (tmp_path / "c.md").write_text(FRONT + '--8<-- "safety-box.md"\n', encoding="utf-8")
    assert pages_without_help(tmp_path, ["a.md", "b.md", "c.md"]) == ["b.md", "c.md"]


def test_help_snippet_is_on_every_page_that_needs_it():
    assert (ROOT / "includes" / HELP_SNIPPET).is_file()
    assert pages_without_help(ROOT / "docs", HELP_PAGES) == []


def help_box_problems(html, snippet_text, kinds_in_bib):
    """What is missing from a built page that should show the help snippet."""
    content = article(html)
    titles = {t.get_text(" ", strip=True) for t in content.select(".admonition-title, summary")}
    problems = [f"no box titled {title!r}" for title in re.findall(r'^[!?]{3}\+?\s+\w+\s+"([^"]+)"', snippet_text, re.M)
                if title not in titles]
    if "[@" in content.get_text():
        problems.append("a citation was not turned into a reference")
    for key in sorted(set(re.findall(r"@([A-Za-z0-9_-]+)", snippet_text)) & set(kinds_in_bib)):
        if not content.select_one(f'[id="fn:{key}"]'):
            problems.append(f"no reference for {key}")
    return problems


def test_help_box_check_fails_without_references(fixture_site):
    snippet = '!!! warning "Get help"\n    Rejection is an attack on the kidney [@smith2020example].\n'
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nAsk your team.\n"})
    assert lenient_build(config, site).returncode == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    assert help_box_problems(html, snippet, {"smith2020example"}) == ["no box titled 'Get help'",
                                                                      "no reference for smith2020example"]


@pytest.mark.parametrize("page", HELP_PAGES)
def test_built_pages_show_the_help_box_with_references(built_site, page):
    snippet = (ROOT / "includes" / HELP_SNIPPET).read_text(encoding="utf-8")
    assert help_box_problems(html_of(built_site, page), snippet, evidence_kinds()) == []


# -----------------------------------------------------------------------------
# d. The decision aid: its sections, in order, and easy reading
# -----------------------------------------------------------------------------

def sections_out_of_order(markdown, wanted):
    """The wanted level-2 headings missing, or not in the wanted order, in a page's Markdown."""
    headings = [re.sub(r"\s*\{[^}]*\}\s*$", "", h).strip() for h in re.findall(r"^## (.+)$", markdown, re.M)]
    found = [h for h in headings if h in wanted]
    missing = [h for h in wanted if h not in headings]
    return missing + ([] if found == [h for h in wanted if h in found] else [f"order: {found}"])


def test_section_check_finds_missing_and_misordered_headings():
    text = "## The decision\n\n## Who can usually take part\n\n## Your options\n"
    problems = sections_out_of_order(text, DECISION_AID_SECTIONS)
    assert "Benefits and harms of each option" in problems
    assert problems[-1] == "order: ['The decision', 'Who can usually take part', 'Your options']"


def test_decision_aid_has_its_sections_in_order():
    markdown = (ROOT / "docs" / DECISION_AID).read_text(encoding="utf-8")
    assert sections_out_of_order(markdown, DECISION_AID_SECTIONS) == []


def test_hard_text_fails_the_easy_reading_limit():
    hard = ("Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring "
            "of haematological and biochemical parameters by multidisciplinary transplantation specialists.")
    assert grade(hard) > MAX_EASY_GRADE


def test_decision_aid_is_easy_to_read(built_site):
    text = body_text(html_of(built_site, DECISION_AID))
    assert grade(text) <= MAX_EASY_GRADE, round(grade(text), 1)


def test_help_snippet_is_easy_to_read(fixture_site, tmp_path):
    # A page that holds only the snippet, built with the real bibliography, shows
    # exactly the snippet's rendered text, whatever state the other pages are in.
    config, site = fixture_site({"index.md": FRONT + f'# Help\n\n--8<-- "{HELP_SNIPPET}"\n'},
                                bib_file=ROOT / "refs.bib")
    result = lenient_build(config, site)
    assert result.returncode == 0, result.stderr
    text = body_text((site / "index.html").read_text(encoding="utf-8"))
    assert len(text.split()) > 50
    assert grade(text) <= MAX_EASY_GRADE, round(grade(text), 1)


# -----------------------------------------------------------------------------
# e. evidence_checked: required, a real date, not in the future, not stale
# -----------------------------------------------------------------------------

TODAY = datetime.date(2026, 11, 29)


def front(evidence_line):
    return ("---\ntitle: A page\ndescription: About a page.\nlast_reviewed: 2026-11-29\n"
            f"next_review: 2027-11-29\n{evidence_line}---\n# A page\n")


@pytest.mark.parametrize("evidence_line, message", [
    ("", "docs/x.md:1:1: META001 missing-page-detail The front matter has no `evidence_checked`. Add a line `evidence_checked: …` "
         "between the `---` lines at the top of the page (see CONTRIBUTING.md, “Page details”)."),
    ("evidence_checked:\n", "docs/x.md:1:1: META001 missing-page-detail The front matter has no `evidence_checked`. Add a line "
                            "`evidence_checked: …` between the `---` lines at the top of the page (see "
                            "CONTRIBUTING.md, “Page details”)."),
    ("evidence_checked: 2026-02-30\n", "docs/x.md:6:1: META002 bad-date `evidence_checked: 2026-02-30` is not a date. "
                                       "Write it as YYYY-MM-DD, for example 2026-11-26."),
    ("evidence_checked: 29/11/2026\n", "docs/x.md:6:1: META002 bad-date `evidence_checked: 29/11/2026` is not a date. "
                                       "Write it as YYYY-MM-DD, for example 2026-11-26."),
    ("evidence_checked: 2026-11-30\n", "docs/x.md:6:1: META006 evidence-date-in-future `evidence_checked: 2026-11-30` is in the future "
                                       "(today is 2026-11-29). Set it to the day you last searched for new evidence."),
    ("evidence_checked: 2025-11-28\n", "docs/x.md:6:1: META007 evidence-check-too-old `evidence_checked: 2025-11-28` is more than 12 "
                                       "months before `last_reviewed: 2026-11-29`. Search for new evidence on this "
                                       "page's topic, then set `evidence_checked` to that day (on or after 2025-11-29)."),
])
def test_evidence_date_messages(evidence_line, message):
    assert [f.as_text() for f in check_metadata("docs/x.md", front(evidence_line), TODAY)] == [message]


@pytest.mark.parametrize("evidence_line", ["evidence_checked: 2026-11-29\n", "evidence_checked: 2025-11-29\n",
                                           "evidence_checked: 2026-11-01\n"])
def test_evidence_dates_that_pass(evidence_line):
    assert check_metadata("docs/x.md", front(evidence_line), TODAY) == []


def test_stale_evidence_date_fails_the_build_and_names_the_line(fixture_site):
    text = FRONT.replace("evidence_checked: 2026-11-26", "evidence_checked: 2024-01-01") + "# Test page\n\nAsk your team.\n"
    config, site = fixture_site({"index.md": text})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert ("WARNING -  claims: docs/index.md:6:1: META007 evidence-check-too-old `evidence_checked: 2024-01-01` is more than 12 months "
            "before `last_reviewed: 2026-11-26`.") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_date_that_is_not_a_date_is_located_without_a_traceback(fixture_site):
    # YAML reads 26/11/2026 as text; the footer must show it rather than crash the build.
    text = FRONT.replace("evidence_checked: 2026-11-26", "evidence_checked: 26/11/2026") + "# Test page\n\nAsk your team.\n"
    config, site = fixture_site({"index.md": text})
    result = strict_build(config, site)
    assert "WARNING -  claims: docs/index.md:6:1: META002 bad-date `evidence_checked: 26/11/2026` is not a date." in result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr


def test_every_page_has_a_current_evidence_date():
    findings = []
    for path in sorted(ROOT.glob("docs/**/*.md")):
        findings += [f.as_text() for f in check_metadata(path.relative_to(ROOT).as_posix(),
                                                         path.read_text(encoding="utf-8"), datetime.date.today())
                     if "evidence_checked" in f.message]
    assert findings == []


# -----------------------------------------------------------------------------
# The news report evidence kind, as readers see it
# -----------------------------------------------------------------------------

NEWS_ENTRY = """
@misc{press2020story,
  evidence = {news report},
  author = {{Example Hospital press office}},
  title = {A story about a patient},
  howpublished = {Post on the hospital's public social-media account},
  year = {2020}
}
"""


def _page_and_sources(fixture_site, tmp_path, entry, sentence):
    """Build a page citing `entry` (added to the fixture bibliography) and a Sources page.

    Returns the HTML of both pages.
    """
    bib = tmp_path / "extra.bib"
    bib.write_text(FIXTURE_BIB.read_text(encoding="utf-8") + entry, encoding="utf-8")
    pages = {"index.md": FRONT + "# Test page\n\n" + sentence + "\n",
             "sources.md": FRONT.replace("Test page", "Sources") + "# Sources\n\n<!-- sources-list -->\n"}
    config, site = fixture_site(pages, nav=[{"Home": "index.md"}, {"Sources": "sources.md"}], bib_file=bib)
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    return ((site / "index.html").read_text(encoding="utf-8"),
            (site / "sources" / "index.html").read_text(encoding="utf-8"))


def test_news_reports_are_labelled_on_the_sources_page_and_in_footnotes(fixture_site, tmp_path):
    page, sources = _page_and_sources(fixture_site, tmp_path, NEWS_ENTRY,
                                      "News reports said the patient went home [@press2020story].")
    assert '<span class="evidence-label">Evidence: News report.</span>' in page
    assert re.search(r"<h2[^>]*>News reports", sources)
    reference = sources[sources.index('id="ref-press2020story"'):]
    reference = reference[:reference.index("</div>")]
    assert "Kind of evidence: News report" in reference
    assert "Find it: Post on the hospital&#x27;s public social-media account" in reference


def test_the_press_article_is_listed_as_a_news_report(built_site):
    sources = (built_site / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    reference = sources[sources.index('id="ref-zhongshan_press"'):]
    assert "Kind of evidence: News report" in reference[:reference.index("</div>")]


def test_sources_page_links_to_a_heading_with_its_own_id(fixture_site):
    pages = {"index.md": FRONT + "# Test page\n\n## Report a side effect { #report }\n\n"
                                 "Side effects can be reported [@smith2020example].\n",
             "sources.md": FRONT.replace("Test page", "Sources") + "# Sources\n\n<!-- sources-list -->\n"}
    config, site = fixture_site(pages, nav=[{"Home": "index.md"}, {"Sources": "sources.md"}])
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../#report">Report a side effect</a>' in sources
    assert 'id="report"' in (site / "index.html").read_text(encoding="utf-8")


WEB_PAGE_ENTRY = """
@misc{charity_page,
  evidence = {regulator or patient information},
  author = {{Example Charity}},
  title = {Living with a transplant},
  year = {n.d.},
  urldate = {2026-11-29},
  url = {https://example.org/living}
}
"""


def test_an_undated_web_page_shows_the_day_we_checked_it(fixture_site, tmp_path):
    page, sources = _page_and_sources(fixture_site, tmp_path, WEB_PAGE_ENTRY,
                                      "Most kidneys work for years [@charity_page].")
    assert ("Evidence: Regulator or patient information. Checked 29 November 2026.</span>") in page
    reference = sources[sources.index('id="ref-charity_page"'):]
    assert "<li>We last checked this page on 29 November 2026.</li>" in reference[:reference.index("</div>")]


def test_every_undated_web_source_on_the_site_says_when_we_checked_it():
    entries = read_bibliography(str(ROOT / "refs.bib")).entries
    undated = [entry.key for entry in entries
               if entry.fields.get("year") == "n.d." and entry.fields.get("url")
               and not checked_on(entry, "en")]
    # The ISSCR page is the one source no stored copy could be found for on the review day.
    assert undated == ["isscr_whattoask"]


def test_reading_text_keeps_an_editor_s_footnote_but_not_the_reference_list(fixture_site):
    page = (FRONT + "# Test page\n\nMSCs are cells [@smith2020example].[^more]\n\n"
            "[^more]: Your team can tell you more about them.\n")
    config, site = fixture_site({"index.md": page})
    result = lenient_build(config, site)
    assert result.returncode == 0, result.stderr
    text = body_text((site / "index.html").read_text(encoding="utf-8"))
    assert "Your team can tell you more about them." in text
    assert "MSCs are cells" in text and "Evidence:" not in text and "Smith" not in text
