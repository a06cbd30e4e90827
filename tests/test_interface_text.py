"""The words our hooks add around the references, in the page's language, and the Chinese fonts.

hooks/interface_text.py holds every such word in English and in Chinese. On a
Chinese page (under /zh/) the "References" heading, the evidence label after
each reference and the whole Sources page list are in Chinese; the references
themselves stay as refs.bib writes them. Chinese pages name the Chinese fonts
each system already has, and load none.
"""

import datetime
import re
import string
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_config, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
import interface_text  # noqa: E402
from claimcheck import bibliography  # noqa: E402
from claimcheck.bibliography import parse_bibtex  # noqa: E402
from claimcheck.chinese import has_han  # noqa: E402
from claimcheck.terminology import read_terms, term_findings  # noqa: E402
from interface_text import EVIDENCE_GROUPS, EVIDENCE_LABELS, TEXT, checked_on, evidence_note, words  # noqa: E402

CHINESE_FONTS = ['"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"', '"Noto Sans CJK SC"',
                 '"Source Han Sans SC"', '"WenQuanYi Micro Hei"']


def one_entry(**fields):
    fields = {"evidence": "case report", "title": "A title", "journal": "A Journal", "year": "2020", **fields}
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    (entry,) = parse_bibtex("refs.bib", f"@article{{example2020,\n{body}\n}}\n")
    return entry


def all_chinese_words():
    return ([text["zh"] for text in TEXT.values()] + list(EVIDENCE_LABELS["zh"].values())
            + [group["zh"] for group in EVIDENCE_GROUPS.values()])


# -----------------------------------------------------------------------------
# The words
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(TEXT))
def test_every_text_has_chinese_words_with_the_same_parts(name):
    def parts(text):
        return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field)

    assert set(TEXT[name]) == {"en", "zh"}
    assert parts(TEXT[name]["zh"]) == parts(TEXT[name]["en"])
    # No English left, but for the name of a database.
    assert not re.search(r"[A-Za-z]", re.sub(r"\{\w+\}|PubMed", "", TEXT[name]["zh"])), TEXT[name]["zh"]


def test_every_kind_of_evidence_has_a_label_and_a_heading_in_both_languages():
    # The same kinds, in the same order (strongest first), as the vocabulary refs.bib is checked against.
    assert list(EVIDENCE_LABELS["zh"]) == list(bibliography.EVIDENCE_LABELS)
    assert list(EVIDENCE_GROUPS) == list(bibliography.EVIDENCE_LABELS)
    assert EVIDENCE_LABELS["en"] is bibliography.EVIDENCE_LABELS  # one home for the English labels
    assert all(has_han(label) for label in EVIDENCE_LABELS["zh"].values())
    assert all(set(words_for_kind) == {"en", "zh"} and has_han(words_for_kind["zh"])
               for words_for_kind in EVIDENCE_GROUPS.values())


def test_chinese_words_use_the_terms_of_terminology_yml():
    terms = read_terms(ROOT / "terminology.yml")
    sentences = [(1, 1, text, text) for text in all_chinese_words()]
    assert [found.as_text() for found in term_findings("interface_text.py", sentences, terms)] == []
    # A kind of evidence that is also a term ("case report") is called by the term's Chinese.
    named = {term.english.lower(): term.zh[0] for term in terms}
    checked = [kind for kind, label in EVIDENCE_LABELS["en"].items() if label.lower() in named]
    assert {"case report", "case series", "randomised trial", "systematic review"} <= set(checked)
    for kind in checked:
        assert EVIDENCE_LABELS["zh"][kind] == named[EVIDENCE_LABELS["en"][kind].lower()]


def test_an_unknown_language_gets_the_english_words():
    assert words("references", "fr") == "References"


def test_dates_in_each_language():
    entry = one_entry(urldate="2026-11-29")
    assert checked_on(entry, "en") == "29 November 2026"
    assert checked_on(entry, "zh") == "2026年11月29日"
    assert checked_on(one_entry(urldate="2026-02-30"), "zh") == ""


def test_the_evidence_label_in_each_language():
    entry = one_entry(participants="1 patient", urldate="2026-11-29")
    assert evidence_note(entry, "en") == "Evidence: Case report (1 patient). Checked 29 November 2026."
    assert evidence_note(entry, "zh") == "证据：病例报告（1名患者）。查阅日期：2026年11月29日。"
    assert evidence_note(one_entry(evidence="news report"), "zh") == "证据：新闻报道。"
    assert evidence_note(one_entry(evidence="not a kind"), "zh") == ""


@pytest.mark.parametrize("written, chinese", [
    ("1 patient", "1名患者"),
    ("70 patients planned", "计划纳入70名患者"),
    ("36 studies", "36项研究"),
    ("4 trials, 197 patients", "4项试验，197名患者"),
    # Other wording is shown as refs.bib writes it ...
    ("23 patients given MSCs, 30 earlier patients for comparison",
     "23 patients given MSCs, 30 earlier patients for comparison"),
])
def test_participants_in_chinese(written, chinese):
    assert interface_text.participants(one_entry(participants=written), "zh") == chinese
    assert interface_text.participants(one_entry(participants=written), "en") == written


def test_participants_zh_gives_the_chinese_of_other_wording():
    # ... unless the entry gives its own Chinese.
    entry = one_entry(participants="20 patients (11 given Tregs, 9 in a reference group)",
                      participants_zh="20名患者（11名接受调节性T细胞治疗，9名为参照组）")
    assert interface_text.participants(entry, "zh") == "20名患者（11名接受调节性T细胞治疗，9名为参照组）"
    assert interface_text.participants(entry, "en") == "20 patients (11 given Tregs, 9 in a reference group)"


# -----------------------------------------------------------------------------
# A site in two languages
# -----------------------------------------------------------------------------

TODAY = datetime.date.today()
FRONT = (f"---\ntitle: {{title}}\ndescription: A page for tests.\nlast_reviewed: {TODAY}\n"
         f"next_review: {TODAY + datetime.timedelta(days=300)}\nevidence_checked: {TODAY}\n---\n")
BIB = """\
@article{smith2020example,
  evidence = {case report},
  participants = {1 patient},
  author = {Smith, Ann and Jones, Bob},
  title = {An example of one person},
  journal = {Journal of Examples},
  year = {2020},
  url = {https://pubmed.ncbi.nlm.nih.gov/?term=An+example+of+one+person}
}

@misc{agency2021advice,
  evidence = {regulator or patient information},
  author = {{Example Agency}},
  title = {Advice for people},
  year = {n.d.},
  url = {https://example.org/advice},
  urldate = {2026-11-29}
}
"""
PAGES = {
    "index.md": FRONT.format(title="Test page") + "# Test page\n\n## Facts\n\nMSCs are cells [@smith2020example].\n\n"
                "The agency gives advice [@agency2021advice].\n",
    "index.zh.md": FRONT.format(title="测试页") + "# 测试页\n\n## 事实 { #facts }\n\n"
                   "间充质基质细胞是一类细胞[@smith2020example]。\n\n该机构提供建议[@agency2021advice]。\n",
    "sources.md": FRONT.format(title="Sources") + "# Sources\n\nThis page lists every source that this site cites.\n\n"
                  "<!-- sources-list -->\n",
    "sources.zh.md": FRONT.format(title="参考资料") + "# 参考资料\n\n本页列出本网站引用的所有资料。\n\n"
                     "<!-- sources-list -->\n",
}
# Every word of the English interface, as a Chinese page must no longer show it.
ENGLISH_WORDS = re.compile(r"References|Evidence:|Checked|Kind of evidence|Find it|Cited on|not cited|"
                           r"We last checked|search PubMed|web page|sections? of this page|Case report|"
                           r"Regulator|November")


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory):
    """A strict build of a page and a Sources page, each in English and Chinese."""
    folder = tmp_path_factory.mktemp("two-languages")
    for name, text in PAGES.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    config = fixture_config(folder / "docs", nav=[{"Home": "index.md"}, {"Sources": "sources.md"}], languages=True)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            plugin["bibtex"]["bib_file"] = str(folder / "refs.bib")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = strict_build(folder / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stderr
    return folder / "site"


def page(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_chinese_page_s_references_are_introduced_in_chinese(two_languages):
    html = page(two_languages, "zh/index.html")
    heading = html.select_one("article h2#references")
    assert heading.get_text() == "参考文献¶"
    assert heading.select_one("a.headerlink")["title"] == "永久链接"
    assert html.select_one('.md-sidebar--secondary a[href="#references"]').get_text(strip=True) == "参考文献"
    assert [label.get_text() for label in html.select(".evidence-label")] == [
        "证据：病例报告（1名患者）。", "证据：监管机构或患者信息。查阅日期：2026年11月29日。"]
    assert [link.get_text() for link in html.select(".footnote li a:not(.footnote-backref)")] == [
        "在PubMed中搜索这个标题", "网页（example.org）"]
    references = html.select_one(".footnote").get_text()
    assert "Smith A, Jones B. An example of one person." in references  # the reference itself stays English
    assert not ENGLISH_WORDS.search(references.replace("Smith A, Jones B. An example of one person.", "")), references


def test_the_english_page_keeps_its_english_words(two_languages):
    html = page(two_languages, "index.html")
    assert html.select_one("article h2#references").get_text() == "References¶"
    assert [label.get_text() for label in html.select(".evidence-label")] == [
        "Evidence: Case report (1 patient).", "Evidence: Regulator or patient information. Checked 29 November 2026."]
    assert [link.get_text() for link in html.select(".footnote li a:not(.footnote-backref)")] == [
        "search PubMed for this title", "web page (example.org)"]


def test_the_chinese_sources_page_lists_its_sources_in_chinese(two_languages):
    html = page(two_languages, "zh/sources/index.html")
    # The groups keep their English anchors, so a link to one works in both languages.
    assert [(heading["id"], heading.get_text()) for heading in html.select("article h2")] == [
        ("case-reports", "病例报告¶"), ("regulator-and-patient-information", "监管机构和患者信息¶")]
    first, second = (reference.select_one("ul").get_text() for reference in html.select(".reference"))
    assert first.split("\n")[1:4] == ["证据类型：病例报告（1名患者）", "查找原文：在PubMed中搜索这个标题",
                                      "引用它的页面：测试页"]
    assert "我们最近一次查阅这个网页是在2026年11月29日。" in second
    assert "网页（example.org）" in second
    listed = "".join(reference.select_one("ul").get_text() for reference in html.select(".reference"))
    assert not ENGLISH_WORDS.search(listed), listed


def test_the_english_sources_page_keeps_its_english_words(two_languages):
    html = page(two_languages, "sources/index.html")
    assert [(heading["id"], heading.get_text()) for heading in html.select("article h2")] == [
        ("case-reports", "Case reports¶"), ("regulator-and-patient-information", "Regulator and patient information¶")]
    first = html.select_one(".reference ul").get_text()
    assert first.split("\n")[1:4] == ["Kind of evidence: Case report (1 patient)",
                                      "Find it: search PubMed for this title", "Cited on: Test page"]


# -----------------------------------------------------------------------------
# Chinese fonts: the system's own, none downloaded
# -----------------------------------------------------------------------------

def stylesheets(site, path):
    """The text of every stylesheet the built page links to, by address."""
    html = page(site, path)
    found = {}
    for link in html.select('link[rel="stylesheet"]'):
        assert not link["href"].startswith(("http:", "https:", "//")), f"{path} loads {link['href']}"
        found[link["href"]] = ((site / path).parent / link["href"]).resolve().read_text(encoding="utf-8")
    return found


def test_chinese_pages_name_the_chinese_fonts_of_every_system(built_site):
    html = (built_site / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in html
    css = "\n".join(stylesheets(built_site, "zh/index.html").values())
    rule = re.search(r'html\[lang="zh-Hans"\]\s*\{([^}]*)\}', css)
    assert rule, "no rule for html[lang=\"zh-Hans\"] in the Chinese page's stylesheets"
    fonts = re.search(r"--md-text-font:([^;]*);", rule.group(1))
    assert fonts, "the rule does not set --md-text-font, Material's setting for the text font"
    assert [font.strip() for font in fonts.group(1).split(",")] == CHINESE_FONTS


def test_no_stylesheet_downloads_a_font(built_site):
    for path in ("zh/index.html", "index.html"):
        for href, css in stylesheets(built_site, path).items():
            assert "@font-face" not in css, f"{href} defines a font to download"
            assert not re.search(r"url\([^)]*\.(woff2?|ttf|otf|eot)\b", css), f"{href} loads a font file"
        assert "fonts.googleapis" not in (built_site / path).read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_browser_uses_the_chinese_fonts_on_chinese_pages_only(browser, base_url):
    tab = browser.new_page()
    try:
        fonts = {}
        for path in ("zh/", ""):
            tab.goto(base_url + path)
            fonts[path] = tab.evaluate("getComputedStyle(document.body).fontFamily")
    finally:
        tab.close()
    assert fonts["zh/"].startswith(", ".join(CHINESE_FONTS)), fonts["zh/"]
    assert "PingFang SC" not in fonts[""], fonts[""]
