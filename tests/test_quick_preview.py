"""The quick preview (hooks/mkdocs_preview.py): under `make serve` only the pages an edit can
change are built again, and the preview still shows every page and finds every page in search."""

import datetime
import inspect
import json
import os
import sys

import pytest
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs_static_i18n.plugin import I18n

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import i18n_bridge  # noqa: E402
import search_bridge  # noqa: E402
from claimcheck.translation import parity_fingerprint  # noqa: E402
from mkdocs_preview import counterparts, edited_pages, pages_to_rebuild  # noqa: E402

TODAY = datetime.date.today()
FRONT = (f"---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: {TODAY}\n"
         f"next_review: {TODAY + datetime.timedelta(days=300)}\nevidence_checked: {TODAY}\n---\n")
PAGES = {"index.md": FRONT + "# Home\n\nMSCs are cells [@smith2020example].\n",
         "index.zh.md": FRONT + "# 首页\n\n间充质基质细胞是一种细胞[@smith2020example]。\n",
         "other.md": FRONT + "# Other\n\nAsk your team about tolerance.\n",
         "other.zh.md": FRONT + "# 其他\n\n请问问您的团队。\n",
         "third.md": FRONT + "# Third\n\nAsk your team about rejection.\n",
         "third.zh.md": FRONT + "# 第三\n\n请问问您的移植团队。\n"}
NAV = [{"Home": "index.md"}, {"Other": "other.md"}, {"Third": "third.md"}]


# -----------------------------------------------------------------------------
# Which pages are built again
# -----------------------------------------------------------------------------

def test_the_first_build_and_a_change_to_what_all_pages_use_build_every_page():
    pages = {"a.md": {"text": "1", "citations": "c", "translation": "t"}, "b.md": {"text": "2", "citations": "c",
                                                                                    "translation": "t"}}
    assert set(edited_pages(pages, "shared", None)) == set(pages)
    assert set(edited_pages(pages, "shared-2", ("shared", pages))) == set(pages)
    assert edited_pages(pages, "shared", ("shared", pages)) == {}


def test_an_edit_rebuilds_the_page_and_only_what_shows_what_changed():
    english = {"a.md", "b.md", "sources.md"}
    chinese = {"a.zh.md", "b.zh.md", "sources.zh.md"}
    # A change of wording only: the page itself.
    assert pages_to_rebuild(english, {"a.md": {"text"}}, {}, {"sources.md"}) == {"a.md"}
    assert pages_to_rebuild(chinese, {}, {"a.md": {"text"}}, {"sources.zh.md"}) == set()
    # A new citation: the Sources page, and the other language's page, whose box compares citations.
    edit = {"text", "citations", "translation"}
    assert pages_to_rebuild(english, {"a.md": edit}, {}, {"sources.md"}) == {"a.md", "sources.md"}
    assert pages_to_rebuild(chinese, {}, {"a.md": edit}, {"sources.zh.md"}) == {"a.zh.md"}
    assert counterparts("case/index.zh.md") == {"case/index.md"}


def test_what_the_translation_checks_compare_is_all_the_fingerprint_holds():
    page = FRONT + "# T\n\n## One\n\nMSCs are cells [@smith2020example].\nNever stop your medicines.\n"
    assert parity_fingerprint(page) == parity_fingerprint(page.replace("are cells", "are small cells"))
    assert parity_fingerprint(page) != parity_fingerprint(page.replace("Never stop your medicines.", ""))
    assert parity_fingerprint(page) != parity_fingerprint(page.replace("[@smith2020example]", ""))


# -----------------------------------------------------------------------------
# What the quick preview relies on in MkDocs, Material and mkdocs-static-i18n
# -----------------------------------------------------------------------------

def test_mkdocs_asks_each_page_whether_it_is_modified_in_a_dirty_build():
    assert "page.file.is_modified()" in inspect.getsource(mkdocs_build._populate_page)
    assert "page.file.is_modified()" in inspect.getsource(mkdocs_build._build_page)


def test_material_search_keeps_its_dirty_flag_and_entries_where_the_bridge_looks():
    plugin = SearchPlugin()
    plugin.on_startup(command="serve", dirty=True)
    assert plugin.is_dirty is True
    assert "self.search_index_prev = self.search_index" in inspect.getsource(SearchPlugin.on_post_build)
    assert getattr(SearchPlugin.on_post_build, "mkdocs_priority", 0) == 0 < search_bridge.BEFORE_SEARCH
    assert getattr(I18n.on_post_build, "mkdocs_priority", 0) == i18n_bridge.I18N_PRIORITY


# -----------------------------------------------------------------------------
# A preview with two languages, built as `mkdocs serve --dirty` builds it
# -----------------------------------------------------------------------------

@pytest.fixture
def dirty_serve(monkeypatch):
    """Build a site the way `make serve` does (the command line says --dirty, which
    mkdocs-static-i18n reads), and put the preview hook back to a plain build afterwards."""
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])
    started = []

    def rebuild(config_file):
        config = load_config(config_file=str(config_file))
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
            started.append(config)
        mkdocs_build.build(config, dirty=True)
        return config

    yield rebuild
    if started:
        started[0].plugins.on_startup(command="build", dirty=False)


def test_a_preview_rebuild_writes_only_the_pages_an_edit_changes(fixture_site, dirty_serve):
    config_file, site = fixture_site(PAGES, nav=NAV, languages=True)
    config = dirty_serve(config_file)
    built = {path: os.path.getmtime(site / path) for path in
             ("other/index.html", "zh/other/index.html", "third/index.html", "zh/third/index.html")}
    entries_before = sorted(entry["location"] for entry in _index(site))
    page = os.path.join(config.docs_dir, "other.md")
    with open(page, "a", encoding="utf-8") as handle:
        handle.write("\nAsk your team about the new sentence.\n")
    dirty_serve(config_file)
    assert "the new sentence" in (site / "other" / "index.html").read_text(encoding="utf-8")
    rewritten = {path for path, mtime in built.items() if os.path.getmtime(site / path) != mtime}
    assert rewritten == {"other/index.html"}
    # A warning not to stop the medicines: the Chinese page's box must now say it lacks one (PARITY005).
    built = {path: os.path.getmtime(site / path) for path in built}
    with open(page, "a", encoding="utf-8") as handle:
        handle.write("\nNever stop your medicines on your own.\n")
    dirty_serve(config_file)
    rewritten = {path for path, mtime in built.items() if os.path.getmtime(site / path) != mtime}
    assert rewritten == {"other/index.html", "zh/other/index.html"}
    # Every page is still found by search, once.
    assert sorted(entry["location"] for entry in _index(site)) == entries_before


def _index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
