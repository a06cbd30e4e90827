"""The Chinese edition as the build makes it: mkdocs-static-i18n's points of contact
(hooks/i18n_bridge.py), the page language, the 404 pages, the search index, and the
translation checks (PARITY001–004) running in a two-language build."""

import json
import logging
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
import i18n_bridge  # noqa: E402
from interface_text import words  # noqa: E402
from mkdocs_static_i18n.plugin import I18n  # noqa: E402

FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: {reviewed}\n"
         "next_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")


def front(reviewed="2026-11-26"):
    return FRONT.format(reviewed=reviewed)


# -----------------------------------------------------------------------------
# What we rely on in mkdocs-static-i18n
# -----------------------------------------------------------------------------

def test_the_plugin_picks_files_and_menu_at_the_priority_we_run_after():
    assert I18n.on_files.mkdocs_priority == i18n_bridge.I18N_PRIORITY > i18n_bridge.AFTER_I18N
    assert I18n.on_nav.mkdocs_priority == i18n_bridge.I18N_PRIORITY


def test_the_plugin_rewrites_page_markdown_after_we_have_read_it():
    assert I18n.on_page_markdown.mkdocs_priority == i18n_bridge.I18N_PAGE_PRIORITY < i18n_bridge.BEFORE_I18N_PAGE


def test_the_plugin_drops_the_final_newline_and_with_room_after_survives_it():
    # Its on_page_markdown rejoins the lines with "\n".join(markdown.splitlines()).
    rejoined = "\n".join(i18n_bridge.with_room_after("| a | b |\n").splitlines())
    assert rejoined.endswith("| a | b |\n")


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------

def test_chinese_pages_say_zh_hans_and_link_their_english_page(built_site):
    soup = BeautifulSoup((Path(built_site) / "zh" / "case" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "zh-Hans"
    alternates = {link["hreflang"] for link in soup.select('link[rel=alternate][hreflang]')}
    assert alternates == {"en", "zh-Hans"}
    english = BeautifulSoup((Path(built_site) / "case" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert english.html["lang"] == "en"
    assert {link["hreflang"] for link in english.select('link[rel=alternate][hreflang]')} == {"en", "zh-Hans"}


def test_each_language_has_its_own_not_found_page_and_sitemap(built_site):
    root = BeautifulSoup((Path(built_site) / "404.html").read_text(encoding="utf-8"), "html.parser")
    chinese = BeautifulSoup((Path(built_site) / "zh" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html["lang"] == "en" and root.h1.get_text(strip=True) == "Page not found"
    assert chinese.html["lang"] == "zh-Hans" and chinese.h1.get_text(strip=True) == "找不到这个页面"
    assert (Path(built_site) / "zh" / "sitemap.xml").read_text(encoding="utf-8").count("<loc>") >= 32


def test_the_search_index_has_both_languages_without_reference_lists(built_site):
    raw = (Path(built_site) / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u" not in raw.replace("\\u200b", "").replace("\\u3000", "")  # written as UTF-8
    docs = json.loads(raw)["docs"]
    assert any(doc["location"].startswith("zh/") for doc in docs) and any(not doc["location"].startswith("zh/") for doc in docs)
    # An author who appears only in reference lists is not in the index (the Sources
    # page, a list of sources, is searchable on purpose).
    assert not any("Todeschini" in doc["text"] for doc in docs if "about/sources/" not in doc["location"])


# Tooltips and labels a reader hovers or a screen reader reads out: on a Chinese page,
# an attribute with two English words in a row is interface text left untranslated.
ENGLISH_WORDS = re.compile(r"[A-Za-z]{3,} [A-Za-z]{2,}")
READ_OUT = ("title", "aria-label", "placeholder", "alt")


def test_chinese_pages_have_no_english_tooltips_or_labels(built_site):
    english = {}
    for path in sorted((Path(built_site) / "zh").rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for name in READ_OUT:
            for element in soup.select(f"[{name}]"):
                if ENGLISH_WORDS.search(element[name]):
                    english.setdefault(element[name], str(path.relative_to(built_site)))
    assert english == {}


def test_the_markdown_extensions_write_the_english_tooltips_we_translate(built_site):
    # mkdocs_languages.py finds them by their English words (interface_text.py); if
    # Python-Markdown changes them, Chinese pages would show English again.
    page = (Path(built_site) / "case" / "index.html").read_text(encoding="utf-8")
    assert f'title="{words("permanent link", "en")}"' in page
    assert f'title="{words("footnote backlink", "en", number=1)}"' in page
    assert '<abbr title="Mesenchymal stromal cell">MSC</abbr>' in page


def test_every_abbreviation_has_its_chinese_meaning():
    def shorts(name):
        return [line.split("]:")[0][2:] for line in (ROOT / "includes" / name).read_text(encoding="utf-8").splitlines()
                if line.startswith("*[")]
    assert shorts("abbreviations.zh.md") == shorts("abbreviations.md")


# -----------------------------------------------------------------------------
# The translation checks in a two-language build
# -----------------------------------------------------------------------------

def test_a_two_language_build_runs_the_translation_checks(fixture_site):
    pages = {"index.md": front() + "# Test page\n\nMSCs are cells [@smith2020example].\n",
             "index.zh.md": front("2026-11-20").replace("2027-11-26", "2027-11-20") + "# 测试页\n\n间充质基质细胞是一种细胞。\n",
             "other.md": front() + "# Other\n\nAsk your team.\n"}
    config, site = fixture_site(pages, nav=[{"Home": "index.md"}, {"Other": "other.md"}], languages=True)
    result = strict_build(config, site)
    assert result.returncode != 0
    assert "docs/index.zh.md:10:1: CLAIM001 uncited-claim" in result.stderr
    assert "docs/index.zh.md:1:1: PARITY001 citations-differ" in result.stderr
    assert "docs/index.zh.md:4:1: PARITY003 translation-out-of-date" in result.stderr
    assert "docs/other.md:1:1: PARITY004 missing-counterpart This page has no Chinese translation." in result.stderr
    assert "Traceback" not in result.stderr


def test_chinese_headings_get_ids_and_the_sources_page_links_to_them(built_site):
    medicines = BeautifulSoup((Path(built_site) / "zh" / "living" / "medicines" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    ids = [heading["id"] for heading in medicines.select("article h2[id]")]
    assert "这些药有什么作用" in ids and not any(id_.startswith("_") for id_ in ids)
    sources = BeautifulSoup((Path(built_site) / "zh" / "about" / "sources" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    section_links = [a["href"] for a in sources.select("article a[href*='#']")]
    assert section_links and not [href for href in section_links if href.endswith("#")]
    assert any("#这些药有什么作用" in href for href in section_links)
