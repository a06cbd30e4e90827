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
    pages = {"a.md": "1", "a.zh.md": "2", "b.md": "3"}
    assert edited_pages(pages, "shared", None) == set(pages)
    assert edited_pages(pages, "shared-2", ("shared", pages)) == set(pages)
    assert edited_pages(pages, "shared", ("shared", pages)) == set()


def test_an_edited_page_is_built_with_its_other_language_and_the_sources_page():
    english = {"a.md": "1", "b.md": "3", "sources.md": "4"}
    chinese = {"a.zh.md": "1", "b.zh.md": "3", "sources.zh.md": "4"}
    assert pages_to_rebuild(english, {"a.md"}, set(), {"sources.md"}) == {"a.md", "sources.md"}
    assert pages_to_rebuild(chinese, set(), {"a.md"}, {"sources.zh.md"}) == {"a.zh.md", "sources.zh.md"}
    assert pages_to_rebuild(english, set(), set(), {"sources.md"}) == set()
    assert counterparts("case/index.zh.md") == {"case/index.md"}


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
    os.utime(page, (built["other/index.html"] + 5,) * 2)
    dirty_serve(config_file)
    assert "the new sentence" in (site / "other" / "index.html").read_text(encoding="utf-8")
    rewritten = {path for path, mtime in built.items() if os.path.getmtime(site / path) != mtime}
    assert rewritten == {"other/index.html", "zh/other/index.html"}
    # Every page is still found by search, once.
    assert sorted(entry["location"] for entry in _index(site)) == entries_before


def _index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
