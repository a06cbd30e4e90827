"""The Markdown reader on damaged input: deep nesting gives a located finding, never a traceback."""

import subprocess
import sys

import pytest

from conftest import FIXTURE_BIB, ROOT
from fuzz_pages import FRONT, damaged_page

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.blocks import MAX_NESTING  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402

KEYS = {"smith2020example", "agency2021advice"}
FIRST_BODY_LINE = FRONT.count("\n") + 1

DEEP = {
    "lists on one line": "- " * 2000 + "MSCs come from bone marrow.",
    "quotes on one line": "> " * 2000 + "MSCs come from bone marrow.",
    "lists and quotes on one line": "- > " * 1000 + "MSCs come from bone marrow.",
    "indented lists": "".join("  " * depth + "- Call your team.\n" for depth in range(300))
                      + "  " * 300 + "- MSCs come from bone marrow.\n",
    "boxes in boxes": "".join("    " * depth + "!!! note \"Box\"\n" for depth in range(300))
                      + "    " * 300 + "MSCs come from bone marrow.\n",
    "Markdown divs in divs": "<div markdown>\n" * 2000 + "MSCs come from bone marrow.\n" + "</div>\n" * 2000,
    "footnotes in footnotes": "".join("    " * depth + "[^n]: Call your team.\n" for depth in range(300))
                              + "    " * 300 + "MSCs come from bone marrow.\n",
}


@pytest.mark.parametrize("shape", DEEP)
def test_nesting_too_deep_is_a_located_finding_and_its_text_is_still_checked(shape):
    report = check_page("docs/deep.md", FRONT + DEEP[shape], KEYS)
    [too_deep] = [f for f in report.findings if f.code == "INPUT002"]
    assert too_deep.line >= FIRST_BODY_LINE and too_deep.column >= 1
    assert too_deep.as_text().startswith(f"docs/deep.md:{too_deep.line}:{too_deep.column}: INPUT002 nested-too-deep ")
    assert f"more than {MAX_NESTING} deep" in too_deep.message
    # The text below the cut is read as one paragraph, so its claim is still found.
    assert any("MSCs come from bone marrow." in text for text in report.examined)
    assert "CLAIM001" in {f.code for f in report.findings}


def test_the_finding_points_at_the_first_text_below_the_limit():
    report = check_page("docs/deep.md", FRONT + "- " * (MAX_NESTING + 1) + "Call your team.", KEYS)
    [too_deep] = [f for f in report.findings if f.code == "INPUT002"]
    assert (too_deep.line, too_deep.column) == (FIRST_BODY_LINE, 2 * (MAX_NESTING + 1) + 1)


def test_nesting_up_to_the_limit_is_read_as_usual():
    report = check_page("docs/deep.md", FRONT + "- " * MAX_NESTING + "Call your team.", KEYS)
    assert not [f for f in report.findings if f.code == "INPUT002"]


def test_the_command_line_reports_deep_nesting_without_a_traceback(tmp_path):
    page = tmp_path / "deep.md"
    page.write_text(FRONT + "- " * 2000 + "Call your team.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "claims.py"), "--bib", str(FIXTURE_BIB), str(page)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{page}:{FIRST_BODY_LINE}:{2 * (MAX_NESTING + 1) + 1}: INPUT002 nested-too-deep" in result.stdout


def test_damaged_pages_never_raise():
    """A seeded sample; bench/fuzz_reader.py runs thousands more."""
    for seed in range(200):
        report = check_page(f"docs/fuzz-{seed}.md", damaged_page(seed), KEYS)
        for finding in report.findings:
            assert finding.line >= 1 and finding.column >= 1, (seed, finding)


def test_a_long_run_of_backticks_is_read_in_linear_time():
    # Before code spans matched whole backtick runs only, 1,000 took about 7 s and 2,000 about a minute.
    page = FRONT + "MSCs " + "`" * 4000 + " come from bone marrow.\n"
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from claimcheck.checker import check_page; "
            "check_page('docs/ticks.md', sys.stdin.read(), set())")
    try:
        subprocess.run([sys.executable, "-c", code, str(ROOT / "hooks")], input=page, text=True,
                       check=True, timeout=2)
    except subprocess.TimeoutExpired:
        pytest.fail("1,000 backticks took more than 2 s")
