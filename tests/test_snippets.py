"""Shared snippets from includes/: inserted before the citation plugin runs, and checked once."""

import json
import subprocess
import sys

from conftest import FIXTURE_BIB, ROOT, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.snippets import expand_snippets, missing_snippets, snippet_names  # noqa: E402

CLI = [sys.executable, str(ROOT / "hooks" / "claims.py")]
FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\nlast_reviewed: 2026-11-26\n"
         "next_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")
HELP_BOX = ('!!! warning "When to get help"\n'
            "    Rejection means your body attacks the new kidney [@smith2020example].\n")


# -----------------------------------------------------------------------------
# The plain functions
# -----------------------------------------------------------------------------

def test_expansion_keeps_the_indentation_on_every_inserted_line():
    page = '- An item:\n\n    --8<-- "box.md"\n\nAfter.\n'
    expanded = expand_snippets(page, {"box.md": "First line.\n\nSecond line.\n"}.get)
    assert expanded == "- An item:\n\n    First line.\n    \n    Second line.\n\nAfter.\n"


def test_only_whole_line_markdown_snippets_are_expanded():
    page = 'Text --8<-- "box.md" inline.\n--8<-- "data.csv"\n--8<-- "box.md"\n'
    assert expand_snippets(page, {"box.md": "Box."}.get) == 'Text --8<-- "box.md" inline.\n--8<-- "data.csv"\nBox.\n'
    assert snippet_names(page) == ["box.md"]


def test_a_missing_snippet_is_located_and_its_line_removed():
    page = FRONT + '# Page\n\n  --8<-- "nope.md"\n'
    [finding] = missing_snippets("docs/p.md", page, {"box.md"})
    assert finding.as_text() == ("docs/p.md:10:3: SNIPPET001 missing-snippet The shared text `nope.md` is not in the includes "
                                 "folder. Check the spelling, or create includes/nope.md.")
    assert expand_snippets(page, {}.get).endswith("# Page\n\n\n")


# -----------------------------------------------------------------------------
# In the build
# -----------------------------------------------------------------------------

def test_citations_in_a_snippet_become_references(fixture_site):
    config, site = fixture_site({"index.md": FRONT + '# Test page\n\n--8<-- "help.md"\n'},
                                includes={"help.md": HELP_BOX})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "[@smith2020example]" not in html
    assert 'href="#fn:smith2020example"' in html and 'id="fn:smith2020example"' in html
    # Still inside its box: the indentation survived.
    box = html[html.index('class="admonition warning"'):]
    assert box.index("Rejection means") < box.index("</div>")


def test_a_snippet_inside_a_box_keeps_its_indentation_in_the_build(fixture_site):
    page = FRONT + '# Test page\n\n!!! note "Outer"\n    --8<-- "line.md"\n'
    config, site = fixture_site({"index.md": page},
                                includes={"line.md": "MSCs are cells [@smith2020example].\n\nThey are studied [@smith2020example].\n"})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    note = html[html.index('class="admonition note"'):]
    assert note.index("They are studied") < note.index("</div>")


def test_snippet_findings_name_the_snippet_file_once(fixture_site):
    pages = {"index.md": FRONT + '# Home\n\n--8<-- "help.md"\n',
             "other.md": FRONT.replace("Test page", "Other") + '# Other\n\n--8<-- "help.md"\n'}
    config, site = fixture_site(pages, nav=[{"Home": "index.md"}, {"Other": "other.md"}],
                                includes={"help.md": "Intro [@smith2020example].\n\nMSCs come from bone marrow.\n"})
    result = strict_build(config, site)
    assert result.returncode != 0
    expected = "WARNING -  claims: includes/help.md:3:1: CLAIM001 uncited-claim Claim without a citation."
    assert result.stderr.count(expected) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_snippet_fails_the_build_with_a_located_message(fixture_site):
    config, site = fixture_site({"index.md": FRONT + '# Test page\n\nAsk your team.\n\n--8<-- "nope.md"\n'},
                                includes={"help.md": HELP_BOX})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert ("WARNING -  claims: docs/index.md:12:1: SNIPPET001 missing-snippet The shared text `nope.md` is not in the "
            "includes folder.") in result.stderr
    assert "Traceback" not in result.stderr


def test_an_entry_cited_only_in_a_snippet_counts_as_cited(fixture_site, tmp_path):
    bib = tmp_path / "two.bib"
    bib.write_text(_every_entry_must_be_cited(), encoding="utf-8")
    config, site = fixture_site({"index.md": FRONT + '# Test page\n\n--8<-- "help.md"\n\n'
                                 "Advice is given [@agency2021advice].\n"},
                                includes={"help.md": HELP_BOX}, bib_file=bib)
    result = strict_build(config, site)
    assert "BIB005" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    report = json.loads((site / "claims-report.json").read_text(encoding="utf-8"))
    assert report["snippets"][0]["path"] == "includes/help.md"
    assert report["snippets"][0]["citations"][0]["key"] == "smith2020example"


def test_the_sources_page_lists_pages_that_show_a_snippet(fixture_site):
    pages = {"index.md": FRONT + '# Test page\n\n--8<-- "help.md"\n',
             "sources.md": FRONT.replace("Test page", "Sources") + "# Sources\n\n<!-- sources-list -->\n"}
    config, site = fixture_site(pages, nav=[{"Home": "index.md"}, {"Sources": "sources.md"}],
                                includes={"help.md": HELP_BOX})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    reference = html[html.index('id="ref-smith2020example"'):]
    assert 'Cited on: <a href="../">Test page</a>' in reference[:reference.index("</div>")]


# -----------------------------------------------------------------------------
# On the command line
# -----------------------------------------------------------------------------

def _every_entry_must_be_cited():
    """The fixture bibliography without its permission to leave entries uncited."""
    return FIXTURE_BIB.read_text(encoding="utf-8").replace(
        "  allow_uncited = {fixture pages need not cite every entry},\n", "")


def _site_folder(tmp_path, page, snippet):
    (tmp_path / "docs").mkdir()
    (tmp_path / "includes").mkdir()
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    (tmp_path / "includes" / "help.md").write_text(snippet, encoding="utf-8")
    (tmp_path / "includes" / "abbreviations.md").write_text("*[MSC]: Mesenchymal stromal cell\n", encoding="utf-8")


def test_cli_checks_the_includes_folder_beside_docs(tmp_path):
    _site_folder(tmp_path, FRONT + '--8<-- "help.md"\n\n--8<-- "gone.md"\n',
                 "Intro [@smith2020example].\n\nMSCs come from bone marrow.\n")
    result = subprocess.run([*CLI, "--bib", str(FIXTURE_BIB), "docs"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/page.md:10:1: SNIPPET001 missing-snippet The shared text `gone.md` is not in the includes folder. Check the "
        "spelling, or create includes/gone.md.",
        "includes/help.md:3:1: CLAIM001 uncited-claim Claim without a citation. Add [@key] to this sentence: a "
        "citation in another sentence does not cover it. If the sentence is advice, start it with the action "
        "(\"Ask ...\"); if it states no fact, put <!-- not-a-claim: reason --> in front of it.",
        # The page, help.md, and abbreviations.md, whose line is a definition.
        "3 pages, 2 claims, 1 cited, 1 exempt (1 definition), 2 findings",
    ]


def test_cli_counts_snippet_citations_for_uncited_entries(tmp_path):
    _site_folder(tmp_path, FRONT + "Advice is given [@agency2021advice].\n", HELP_BOX)
    bib = tmp_path / "two.bib"
    bib.write_text(_every_entry_must_be_cited(), encoding="utf-8")
    result = subprocess.run([*CLI, "--bib", str(bib), "docs"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
