"""The MkDocs adapter (hooks/mkdocs_checks.py and hooks/bibtex_bridge.py), run in process.

As MkDocs' own tests do: load the configuration with `mkdocs.config.load_config`,
send the events the way the `mkdocs` command does, and compare log lines exactly.
Each dependency on mkdocs-bibtex listed in bibtex_bridge's docstring has a test
here, and so does each part of the adapter that a real-site build cannot show
(the real site has no findings).
"""

import datetime
import json
import logging
import os
import sys

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import get_files
from mkdocs_bibtex.citation import CitationBlock
from mkdocs_bibtex.plugin import BibTexPlugin

from conftest import FIXTURE_BIB, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import bibtex_bridge  # noqa: E402
from claimcheck.bibliography import check_entries, check_uncited, read_bibliography  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.findings import Finding, finding  # noqa: E402

# Review dates around today, so that the builds here never fail on a date.
TODAY = datetime.date.today()
FRONT = (f"---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: {TODAY}\n"
         f"next_review: {TODAY + datetime.timedelta(days=300)}\nevidence_checked: {TODAY}\n---\n")
UNCITED_PAGE = FRONT + "# Test page\n\nMSCs come from bone marrow.\n"
HOOK = str(ROOT / "hooks" / "mkdocs_checks.py")
KEYS = {"smith2020example", "agency2021advice"}


def load(config_file, command="build"):
    """The configuration as the `mkdocs` command makes it, after the startup event."""
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command=command, dirty=False)
    return config


def build_in_process(config_file, command="build"):
    """Build a site as `mkdocs build` (or each `mkdocs serve` rebuild) does; returns the config."""
    config = load(config_file, command)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def claims_messages(caplog, level=logging.WARNING):
    return [record.getMessage() for record in caplog.records
            if record.name == "mkdocs.plugins.claims" and record.levelno == level]


def page_html(config, name="index.html"):
    with open(os.path.join(config.site_dir, name), encoding="utf-8") as handle:
        return handle.read()


def only_finding_text(text):
    """The one finding the checker gives for a page, as the build must log it."""
    (found,) = check_page("docs/index.md", text, KEYS).findings
    return found.as_text()


# -----------------------------------------------------------------------------
# The editor's notice: only under `mkdocs serve`
# -----------------------------------------------------------------------------

def test_build_of_a_page_with_a_finding_shows_no_notice(fixture_site, caplog):
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = build_in_process(config_file, command="build")
    # The finding is there (so a notice could have been drawn) ...
    assert claims_messages(caplog) == [f"claims: {only_finding_text(UNCITED_PAGE)}"]
    assert claims_messages(caplog)[0].startswith("claims: docs/index.md:10:1: CLAIM001 ")
    # ... and the built page has no trace of it.
    assert "claims-notice" not in page_html(config)


def test_serve_shows_the_notice_and_the_restart_advice_only_after_a_hook_edit(fixture_site, tmp_path, monkeypatch):
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = build_in_process(config_file, command="serve")
    html = page_html(config)
    assert 'class="claims-notice" role="alert"' in html
    assert "Line 10, CLAIM001" in html and "MSCs come from bone marrow." in html
    advice = f"<p>{config.hooks[HOOK].RESTART_ADVICE}</p>".replace("`make serve`", "<code>make serve</code>")
    # Nobody edited hooks/: the restart statement would only puzzle the editor.
    assert "needs a restart" not in html
    # After an edit to hooks/, the statement, as the README makes it, is in every box.
    module = config.hooks[HOOK]
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    monkeypatch.setattr(module, "HOOKS_FOLDER", str(hooks))
    module.on_startup(command="serve", dirty=False)
    (hooks / "rules.py").write_text("RULE = 1\n", encoding="utf-8")
    config = load_config(config_file=str(config_file))  # serve's next rebuild: the same hook module
    config = config.plugins.on_config(config)
    build(config)
    assert advice in page_html(config)
    # The advice quotes "[@key]"; written as &#64;, the citation plugin left it alone.
    notice = html[html.index('class="claims-notice"'):html.index("</div>", html.index('class="claims-notice"'))]
    assert "[&#64;key]" in notice and "footnote-ref" not in notice


# -----------------------------------------------------------------------------
# mkdocs-bibtex: priorities, settings, guard, citation pattern, footnote HTML
# -----------------------------------------------------------------------------

def test_our_events_run_before_the_plugin_s(fixture_site):
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = load(config_file)
    hook = config.hooks[HOOK]
    bibtex = config.plugins[bibtex_bridge.PLUGIN_NAME]
    for event in ("config", "page_markdown"):
        plugin_priority = getattr(getattr(BibTexPlugin, f"on_{event}"), "mkdocs_priority", 0)
        assert plugin_priority == bibtex_bridge.BIBTEX_PRIORITY, event
        order = [getattr(method, "__self__", None) or method for method in config.plugins.events[event]]
        assert order.index(getattr(hook, f"on_{event}")) < order.index(bibtex), event


def test_bib_file_is_read_from_the_plugin_settings(fixture_site, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(FIXTURE_BIB.read_text(encoding="utf-8"), encoding="utf-8")
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE}, bib_file="refs.bib")
    assert bibtex_bridge.bib_path(load(config_file)) == str(bib)


def test_missing_plugin_or_bib_file_is_one_line(fixture_site):
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = load(config_file)
    config.plugins[bibtex_bridge.PLUGIN_NAME].config.bib_file = None
    with pytest.raises(PluginError) as error:
        config.plugins.on_config(config)
    assert str(error.value) == "mkdocs.yml: the claim checks need the bibtex plugin with `bib_file:` set."


def test_other_footnote_format_is_refused(fixture_site):
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = load(config_file)
    config.plugins[bibtex_bridge.PLUGIN_NAME].config.footnote_format = "ref-{key}"
    with pytest.raises(PluginError) as error:
        config.plugins.on_config(config)
    assert str(error.value) == ("mkdocs.yml: the claim checks need the bibtex plugin's `footnote_format` "
                                "to be `{key}` (its default); remove the setting.")


def test_guard_turns_pybtex_failure_into_one_located_line(fixture_site, tmp_path, caplog):
    # A key repeated in another case: our reader reports BIB002 and goes on,
    # pybtex raises BibliographyDataError inside the plugin's on_config.
    good = FIXTURE_BIB.read_text(encoding="utf-8")
    repeated = good[good.index("@article"):good.index("@misc")].replace("smith2020example", "SMITH2020example")
    (tmp_path / "refs.bib").write_text(good + "\n" + repeated, encoding="utf-8")
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE}, bib_file=tmp_path / "refs.bib")
    config = load(config_file)
    with pytest.raises(PluginError) as error:
        config.plugins.on_config(config)
    assert str(error.value).startswith("refs.bib:1:1: BIB001 ")
    assert str(error.value).endswith(
        "The tool that builds the reference list cannot read refs.bib: repeated bibliography entry: SMITH2020example")
    assert str(error.value) == finding("refs.bib", 1, 1, "BIB001", situation="plugin-failed",
                                       error="repeated bibliography entry: SMITH2020example").as_text()
    # Our own reader's finding was logged first, at the repeated key.
    (repeated_key,) = check_entries(read_bibliography(str(tmp_path / "refs.bib"), display_path="refs.bib"))
    assert claims_messages(caplog) == [f"claims: {repeated_key.as_text()}"]
    assert repeated_key.as_text().startswith("refs.bib:23:1: BIB002 ")


def test_unused_entry_is_logged_as_bib005(fixture_site, tmp_path, caplog):
    bib = tmp_path / "refs.bib"
    bib.write_text(FIXTURE_BIB.read_text(encoding="utf-8") + (
        "\n@misc{unused2022guide,\n  evidence = {regulator or patient information},\n"
        "  author = {{Example Agency}},\n  title = {A guide no page cites},\n  year = {2022},\n"
        "  url = {https://example.org/guide}\n}\n"), encoding="utf-8")
    config_file, _ = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"},
                                  bib_file=bib)
    config = load(config_file)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    config.plugins.on_files(get_files(config), config=config)
    (expected,) = check_uncited(read_bibliography(str(bib), display_path="refs.bib"), {"smith2020example"})
    assert claims_messages(caplog) == [f"claims: {expected.as_text()}"]
    assert expected.as_text().startswith("refs.bib:23:1: BIB005 ")


def test_plugin_citation_pattern_does_not_read_a_disarmed_citation():
    markdown = "Write `[@smith2020example]` in table cells [@smith2020example].\n"
    bad = Finding("docs/index.md", 10, 8, "CITE004", "in code", "[@smith2020example]")
    disarmed = bibtex_bridge.disarm_citations(markdown, [bad], first_line=10)
    assert disarmed == ("Write `[citation problem: smith2020example]` in table cells [@smith2020example].\n")
    assert [block.raw for block in CitationBlock.from_markdown(disarmed)] == ["@smith2020example"]
    # The plugin reads "[@key]" in HTML as a citation unless its @ is written as &#64;.
    assert CitationBlock.from_markdown(bibtex_bridge.escape_citation_syntax("<q>[@key]</q>")) == []
    assert CitationBlock.from_markdown("<q>[@key]</q>") != []


def test_disarming_uses_each_finding_s_position_only():
    markdown = "A [@a] and [@a].\nB [@b].\n"
    at_second = Finding("p.md", 3, 12, "CITE001", "unknown", "[@a]")
    wrong_place = Finding("p.md", 4, 1, "CITE001", "unknown", "[@x]")
    past_the_end = Finding("p.md", 9, 1, "CITE001", "unknown", "[@b]")
    not_a_citation = Finding("p.md", 4, 3, "CLAIM001", "uncited", "[@b]")
    result = bibtex_bridge.disarm_citations(markdown, [at_second, wrong_place, past_the_end, not_a_citation],
                                            first_line=3)
    assert result == "A [@a] and [citation problem: a].\nB [@b].\n"


def test_valid_citation_survives_a_bad_copy_of_it_in_code(fixture_site, caplog):
    page = FRONT + "# Test page\n\nWrite `[@smith2020example]` in table cells [@smith2020example].\n"
    config_file, _ = fixture_site({"index.md": page})
    config = build_in_process(config_file)
    html = page_html(config)
    assert claims_messages(caplog) == [f"claims: {only_finding_text(page)}"]
    assert claims_messages(caplog)[0].startswith("claims: docs/index.md:10:8: CITE004 ")
    assert "<code>[citation problem: smith2020example]</code>" in html
    assert 'href="#fn:smith2020example"' in html


def test_evidence_label_goes_into_the_plugin_s_footnote(fixture_site):
    config_file, _ = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"})
    html = page_html(build_in_process(config_file))
    (item,) = bibtex_bridge.REFERENCE_ITEM.finditer(html)
    assert item.group("key") == "smith2020example"
    assert item.group(1).endswith('<span class="evidence-label">Evidence: Case report (1 patient).</span> ')


def test_the_plugin_leaves_reference_text_to_us_and_never_formats_it(fixture_site, monkeypatch, caplog):
    # Point 8: the plugin asks its registry for each reference's text; we answer with the key,
    # so pybtex's formatting, a quarter of the build, never runs. If the plugin formatted
    # anyway, this would make it fail, and it would drop the reference with a warning.
    def never(*args, **kwargs):
        raise AssertionError("pybtex formatted a reference")
    monkeypatch.setattr("pybtex.style.formatting.BaseStyle.format_entry", never)
    config_file, _ = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"})
    with caplog.at_level(logging.WARNING):
        html = page_html(build_in_process(config_file))
    (item,) = bibtex_bridge.REFERENCE_ITEM.finditer(html)
    assert item.group("key") == "smith2020example" and "Smith" in item.group(1)
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []


# -----------------------------------------------------------------------------
# Markers, exemptions, and edits to hooks/ under serve
# -----------------------------------------------------------------------------

def test_markers_never_reach_the_page(fixture_site):
    page = (FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"
            "<!-- not-a-claim: describes this website --> The site is free.\n")
    html = page_html(build_in_process(config_file=fixture_site({"index.md": page})[0]))
    assert "not-a-claim" not in html
    assert "The site is free.</p>" in html


def test_summary_and_report_count_exempt_sentences_by_kind(fixture_site, caplog):
    caplog.set_level(logging.INFO)
    page = (FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n\n"
            "Ask your team about it.\n\nIs it safe?\n\nThis page explains the trials.\n\n"
            "<!-- not-a-claim: describes this website --> The site is free.\n")
    # The abbreviations added to the end of both pages are read once, in their own file.
    pages = {"index.md": page, "other.md": FRONT + "# Other page\n\nAsk your team.\n"}
    includes = {"abbreviations.md": "*[MSC]: Mesenchymal stromal cell\n"}
    config = build_in_process(fixture_site(pages, nav=[{"Home": "index.md"}, {"Other": "other.md"}],
                                           includes=includes, auto_append=["abbreviations.md"])[0])
    assert claims_messages(caplog, logging.INFO)[-1] == (
        "claims: 3 pages, 1 claim, 1 cited, 6 exempt (2 directions, 1 question, 1 signpost, 1 marker, "
        f"1 definition), 0 findings; report in {os.path.relpath(os.path.join(config.site_dir, 'claims-report.json'))}")
    with open(os.path.join(config.site_dir, "claims-report.json"), encoding="utf-8") as handle:
        report = json.load(handle)
    kinds = {"direction": 1, "question": 1, "signpost": 1, "marker": 1, "definition": 0}
    assert report["exempt_by_kind"] == {**kinds, "direction": 2, "definition": 1}
    assert report["pages"][0]["exempt_by_kind"] == kinds
    # Each page's reading grade, as READ001 measures it, for the pull-request summary.
    # (None here: too few words to judge.)
    assert report["pages"][0]["reading_grade_limit"] == 8
    assert report["pages"][0]["reading_grade"] is None
    assert report["pages"][0]["exempt_sentences"][-1] == {
        "path": "docs/index.md", "line": 18, "column": 46, "kind": "marker",
        "sentence": "The site is free.", "reason": "describes this website"}


def test_mkdocs_keeps_hook_modules_between_rebuilds(fixture_site):
    # Why editing hooks/ needs a restart of `make serve` (README, the notice):
    # every rebuild loads the configuration again but gets the same hook
    # module. If a new MkDocs reloads hooks, this fails: update the README.
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    assert load_config(config_file=str(config_file)).hooks[HOOK] is load_config(
        config_file=str(config_file)).hooks[HOOK]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Editing a file in `hooks/` needs a restart: stop `make serve` (Ctrl+C) and run\nit again." in readme


def test_serve_rebuild_says_when_a_hook_file_changed(fixture_site, tmp_path, monkeypatch, caplog):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    edited = hooks / "rules.py"
    edited.write_text("RULE = 1\n", encoding="utf-8")
    config_file, _ = fixture_site({"index.md": UNCITED_PAGE})
    config = load(config_file)
    module = config.hooks[HOOK]
    monkeypatch.setattr(module, "HOOKS_FOLDER", str(hooks))
    module.on_startup(command="serve", dirty=False)
    config.plugins.on_config(config)
    assert claims_messages(caplog) == []
    os.utime(edited, (edited.stat().st_atime, edited.stat().st_mtime + 5))
    config.plugins.on_config(load_config(config_file=str(config_file)))
    assert claims_messages(caplog) == [f"claims: hooks/rules.py changed. {module.RESTART_ADVICE}"]
    config.plugins.on_config(load_config(config_file=str(config_file)))  # said once per edit
    assert len(claims_messages(caplog)) == 1


# -----------------------------------------------------------------------------
# Damaged text that Python-Markdown itself cannot render
# -----------------------------------------------------------------------------

DEEP_PAGE = FRONT + "# Test page\n\nCall your team.\n\n" + "- " * 2000 + "Call your team.\n"


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_page_nested_too_deep_for_markdown_is_shown_as_text_with_its_finding(fixture_site, caplog, command):
    # Python-Markdown recurses once per level, so 2,000 nested lists crash it
    # with a RecursionError. The page must still build, with the located finding.
    config_file, _ = fixture_site({"index.md": DEEP_PAGE})
    config = build_in_process(config_file, command=command)
    assert claims_messages(caplog) == [f"claims: {only_finding_text(DEEP_PAGE)}"]
    assert "INPUT002 nested-too-deep" in claims_messages(caplog)[0]
    html = page_html(config)
    # The damaged lines reach the page as plain text, where the editor can see them ...
    assert "- - - - Call your team." in html
    # ... and in the preview the box says what to do.
    assert ("INPUT002 nested-too-deep" in html) == (command == "serve")


# -----------------------------------------------------------------------------
# A damaged refs.bib under `mkdocs serve`: the preview keeps working
# -----------------------------------------------------------------------------

CITED_PAGE = FRONT + "# Test page\n\nMSCs are cells [@smith2020example].\n"


def _damaged_bibliographies():
    good = FIXTURE_BIB.read_text(encoding="utf-8")
    first = good[good.index("@article"):good.index("@misc")]
    unclosed = first.rstrip().rstrip("}").replace("smith2020example", "jones2024diet") + "\n\n"
    repeated = first.replace("smith2020example", "SMITH2020example")
    return {"missing closing brace": (good[:good.index("@article")] + unclosed + good[good.index("@article"):],
                                      "BIB001 unreadable-bibliography The entry `jones2024diet` is missing its "
                                      "closing `}`"),
            "repeated key": (good + "\n" + repeated,
                             "BIB002 duplicate-key The key `SMITH2020example` is already used by the entry on line")}


@pytest.mark.parametrize("damage", sorted(_damaged_bibliographies()))
def test_serve_keeps_working_and_shows_a_damaged_bibliography_on_every_page(fixture_site, tmp_path, caplog, damage):
    text, message = _damaged_bibliographies()[damage]
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    pages = {"index.md": CITED_PAGE, "other.md": FRONT + "# Other page\n\nAsk your team.\n"}
    config_file, _ = fixture_site(pages, nav=[{"Home": "index.md"}, {"Other": "other.md"}],
                                  bib_file=tmp_path / "refs.bib")
    config = build_in_process(config_file, command="serve")
    (problem,) = [line for line in claims_messages(caplog) if message in line]
    line = int(problem.split(":")[2])
    for name in ("index.html", "other/index.html"):
        html = page_html(config, name)
        assert f"refs.bib, Line {line}, {message.split(' ')[0]}" in html, name
    # The readable entries still give the page its reference.
    assert 'id="fn:smith2020example"' in page_html(config)
    # The plugin's copy of the readable part is removed when serve stops.
    assert not os.path.exists(config.plugins["bibtex"].config.bib_file)


@pytest.mark.parametrize("damage", sorted(_damaged_bibliographies()))
def test_a_build_still_stops_on_a_damaged_bibliography(fixture_site, tmp_path, damage):
    text, _ = _damaged_bibliographies()[damage]
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    config_file, _ = fixture_site({"index.md": CITED_PAGE}, bib_file=tmp_path / "refs.bib")
    with pytest.raises(Abort):
        build_in_process(config_file, command="build")


def test_uncited_sources_show_in_the_sources_page_box(fixture_site, tmp_path, caplog):
    bib = tmp_path / "refs.bib"
    bib.write_text(FIXTURE_BIB.read_text(encoding="utf-8").replace(
        "  allow_uncited = {fixture pages need not cite every entry},\n", ""), encoding="utf-8")
    pages = {"index.md": CITED_PAGE, "sources.md": FRONT + "# Sources\n\n<!-- sources-list -->\n"}
    config_file, _ = fixture_site(pages, nav=[{"Home": "index.md"}, {"Sources": "sources.md"}], bib_file=bib)
    config = build_in_process(config_file, command="serve")
    (uncited,) = [line for line in claims_messages(caplog) if "BIB005" in line]
    line = int(uncited.split(":")[2])
    assert f"refs.bib, Line {line}, BIB005 uncited-entry" in page_html(config, "sources/index.html")
    assert "BIB005" not in page_html(config)


def test_a_page_missing_from_the_menu_says_which_line_to_add(fixture_site, caplog):
    pages = {"index.md": CITED_PAGE, "new-page.md": FRONT.replace("Test page", "Diet after a transplant")
             + "# Diet\n\nAsk your team.\n"}
    config = build_in_process(fixture_site(pages, nav=[{"Home": "index.md"}])[0], command="serve")
    expected = ("claims: docs/new-page.md:1:1: NAV001 page-not-in-menu This page is not in the menu. Add it "
                "to the `nav:` list in mkdocs.yml, for example `- Diet after a transplant: new-page.md` under "
                "the section it belongs to.")
    assert claims_messages(caplog) == [expected]
    assert "Line 1, NAV001 page-not-in-menu" in page_html(config, "new-page/index.html")
    assert "NAV001" not in page_html(config)


def test_serve_log_gives_the_report_s_address_and_the_box_shows_code_not_backticks(fixture_site, caplog):
    caplog.set_level(logging.INFO)
    page = FRONT + "# Test page\n\nMSCs are cells [@nosuchkey2020].\n"
    config = build_in_process(fixture_site({"index.md": page})[0], command="serve")
    # serve builds into a hidden temporary folder: the address is what the editor can open.
    assert claims_messages(caplog, logging.INFO)[-1].endswith(f"report in {config.site_url}claims-report.json")
    notice = page_html(config)
    notice = notice[notice.index('class="claims-notice"'):notice.index("</div>", notice.index('class="claims-notice"'))]
    assert "No entry <code>nosuchkey2020</code> in refs.bib." in notice and "`" not in notice
