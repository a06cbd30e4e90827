"""Exemptions a reviewer can read: each sentence not treated as a claim is counted by kind
and, with `--explain`, listed with its place and its reason."""

import json
import subprocess
import sys

from conftest import FIXTURE_BIB, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.checker import check_page, summary_line  # noqa: E402
from claimcheck.findings import EXEMPT_KINDS, Exemption, count_by_kind  # noqa: E402

CLI = [sys.executable, str(ROOT / "hooks" / "claims.py"), "--bib", str(FIXTURE_BIB)]
FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\n"
         "last_reviewed: 2026-11-26\nnext_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")
# Lines 8 to 18: one claim, then one sentence of each kind of exemption.
BODY = ("MSCs are cells [@smith2020example].\n\n"
        "Ask your team about it.\n\n"
        "Is it safe?\n\n"
        "This page explains the trials.\n\n"
        "<!-- not-a-claim: describes this website --> The site is free.\n\n"
        "*[MSC]: Mesenchymal stromal cell\n")


def run_cli(tmp_path, *options):
    page = tmp_path / "page.md"
    page.write_text(FRONT + BODY, encoding="utf-8")
    result = subprocess.run([*CLI, *options, str(page)], capture_output=True, text=True, check=False,
                            timeout=60)
    return page, result


def test_each_kind_is_recorded_with_its_place():
    import datetime
    report = check_page("docs/t.md", FRONT + BODY, {"smith2020example"}, datetime.date(2026, 11, 26))
    assert (report.claims, report.cited, report.findings) == (1, 1, [])
    assert report.exemptions == [
        Exemption("docs/t.md", 10, 1, "direction", "Ask your team about it."),
        Exemption("docs/t.md", 12, 1, "question", "Is it safe?"),
        Exemption("docs/t.md", 14, 1, "signpost", "This page explains the trials."),
        Exemption("docs/t.md", 16, 46, "marker", "The site is free.", "describes this website"),
        Exemption("docs/t.md", 18, 1, "definition", "*[MSC]: Mesenchymal stromal cell",
                  "an abbreviation's meaning, shown on hover"),
    ]
    assert report.exempt == 5


def test_summary_counts_each_kind_and_leaves_out_absent_ones():
    class Report:
        claims, cited = 3, 2
        exemptions = [Exemption("a.md", 1, 1, "direction", "Ask."), Exemption("a.md", 2, 1, "direction", "Call."),
                      Exemption("a.md", 3, 1, "marker", "The site is free.", "about the site")]
    assert summary_line([Report()], 1) == "1 page, 3 claims, 2 cited, 3 exempt (2 directions, 1 marker), 1 finding"
    Report.exemptions = []
    assert summary_line([Report()], 0) == "1 page, 3 claims, 2 cited, 0 exempt, 0 findings"


def test_counts_name_every_kind_even_when_none_occurs():
    assert count_by_kind([]) == dict.fromkeys(EXEMPT_KINDS, 0)
    assert list(count_by_kind([])) == ["direction", "question", "signpost", "marker", "definition"]


def test_cli_summary_counts_by_kind(tmp_path):
    _, result = run_cli(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ("1 page, 1 claim, 1 cited, 5 exempt (1 direction, 1 question, 1 signpost, "
                             "1 marker, 1 definition), 0 findings\n")


def test_cli_explain_lists_each_exempt_sentence_with_its_reason(tmp_path):
    page, result = run_cli(tmp_path, "--explain")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{page}:10:1: exempt direction: Ask your team about it.",
        f"{page}:12:1: exempt question: Is it safe?",
        f"{page}:14:1: exempt signpost: This page explains the trials.",
        f"{page}:16:46: exempt marker (describes this website): The site is free.",
        f"{page}:18:1: exempt definition (an abbreviation's meaning, shown on hover): "
        "*[MSC]: Mesenchymal stromal cell",
        "1 page, 1 claim, 1 cited, 5 exempt (1 direction, 1 question, 1 signpost, 1 marker, 1 definition), "
        "0 findings",
    ]


def test_cli_explain_keeps_the_exit_status_and_lists_findings_first(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(FRONT + "Ask your team.\n\nMSCs come from bone marrow.\n", encoding="utf-8")
    result = subprocess.run([*CLI, "--explain", str(page)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{page}:10:1: CLAIM001 ")
    assert lines[1:] == [f"{page}:8:1: exempt direction: Ask your team.",
                         "1 page, 1 claim, 0 cited, 1 exempt (1 direction), 1 finding"]


def test_cli_json_is_a_list_without_explain_and_an_object_with_it(tmp_path):
    _, plain = run_cli(tmp_path, "--format", "json")
    assert json.loads(plain.stdout) == []
    page, explained = run_cli(tmp_path, "--format", "json", "--explain")
    data = json.loads(explained.stdout)
    assert data["findings"] == []
    assert data["exempt"][3] == {"path": str(page), "line": 16, "column": 46, "kind": "marker",
                                 "sentence": "The site is free.", "reason": "describes this website"}
    assert [item["kind"] for item in data["exempt"]] == ["direction", "question", "signpost", "marker",
                                                         "definition"]


def test_make_explain_claims_runs_the_explain_mode():
    # --no-print-directory: under `make test` the outer make's flags would add
    # "Entering directory" lines to the dry run's output.
    result = subprocess.run(["make", "-n", "--no-print-directory", "explain-claims", "PAGE=docs/glossary.md"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stdout.strip() == ".venv/bin/python hooks/claims.py --explain docs/glossary.md"
