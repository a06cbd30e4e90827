"""CONTRIBUTING.md teaches by example, so its examples must work when an editor copies them.

- Each ```bibtex block is a refs.bib entry to copy: its key must not clash with
  a real one, and both our reader and pybtex (the reader behind the reference
  list) must read it with no finding.
- Each rule in "What the checks mean" shows a few examples, each with a note;
  an example the check stops on must show only the problem its note is about.
"""

import re
import sys

import pybtex.errors
import pytest
from pybtex.database import parse_string

from conftest import ROOT
from test_bibtex_reader import our_reading, pybtex_reading
from test_claims import codes_for

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))
from claimcheck.bibliography import Bibliography, check_entries, parse_bibtex  # noqa: E402
from claimcheck.catalogue import RULES  # noqa: E402
from rules_doc import rules_markdown, shown_examples  # noqa: E402

GUIDE = ROOT / "CONTRIBUTING.md"
BIBTEX_BLOCK = re.compile(r"^```bibtex\n(.*?)^```$", re.M | re.S)
SNIPPET_LINE = re.compile(r'--8<--\s+"([^"]+)"')
CODE = re.compile(r"\b[A-Z]+[0-9]{3}\b")
MOST_SHOWN = 3


def bibtex_blocks():
    return BIBTEX_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


def entries(text):
    return parse_bibtex("CONTRIBUTING.md", text)


def first_key(block):
    match = re.search(r"@\w+\{([^,\s]*)", block)
    return match.group(1) if match else block[:20]


# -----------------------------------------------------------------------------
# The refs.bib examples
# -----------------------------------------------------------------------------

def test_the_guide_shows_an_article_a_web_page_and_a_trial_record():
    shown = [entry for block in bibtex_blocks() for entry in entries(block)]
    assert any(entry.type == "article" for entry in shown)
    assert any(entry.fields.get("urldate") for entry in shown), "no web page with the day it was checked"
    assert any(entry.fields.get("evidence") == "trial registry record" for entry in shown)


@pytest.mark.parametrize("block", bibtex_blocks(), ids=first_key)
def test_example_keys_are_not_in_refs_bib(block):
    # Keys are compared ignoring case, as BIB002 does: a copied example must not clash.
    real = {entry.key.lower() for entry in entries((ROOT / "refs.bib").read_text(encoding="utf-8"))}
    assert entries(block), "a ```bibtex block with no entry"
    assert {entry.key.lower() for entry in entries(block)} & real == set()


@pytest.mark.parametrize("block", bibtex_blocks(), ids=first_key)
def test_an_example_is_complete_but_cannot_be_published_unchanged(block):
    # Every field is right; only its example key stops the build (BIB009), so an
    # editor who copies it and forgets to change it is told.
    found = check_entries(Bibliography("CONTRIBUTING.md", entries(block)))
    assert [problem.code for problem in found] == ["BIB009"] * len(entries(block))


@pytest.mark.parametrize("block", bibtex_blocks(), ids=first_key)
def test_pybtex_reads_an_example_without_complaint_and_as_we_do(block):
    with pybtex.errors.capture() as complaints:
        parse_string(block, "bibtex")
    assert complaints == []
    assert our_reading(block) == pybtex_reading(block)


# -----------------------------------------------------------------------------
# The examples under "What the checks mean"
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_rule_shows_a_few_examples_of_each_kind(rule):
    for examples in (rule.flagged, rule.passing):
        assert 1 <= len(shown_examples(examples)) <= MOST_SHOWN, rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_shown_example_appears_with_its_note(rule):
    section = rules_markdown()
    for example in shown_examples(rule.flagged) + shown_examples(rule.passing):
        assert example.note.strip() == example.note and example.note.endswith("."), example.note
        assert f"{example.note}\n\n" in section and f"\n{example.rstrip()}\n" in section, example.note


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.code != "INPUT001"], ids=lambda rule: rule.code)
def test_a_shown_example_the_check_stops_on_has_only_the_problem_its_note_names(rule):
    """Otherwise an editor cannot tell which difference the example is about."""
    for example in shown_examples(rule.flagged):
        allowed = {rule.code} | set(CODE.findall(example.note))
        assert rule.code in codes_for(rule, example) <= allowed, example


def test_shared_text_in_an_accepted_example_exists_in_includes():
    """An editor who copies an accepted example must not get SNIPPET001."""
    named = {name for rule in RULES for example in rule.passing for name in SNIPPET_LINE.findall(example)}
    assert named, "no example uses shared text"
    assert {name for name in named if not (ROOT / "includes" / name).is_file()} == set()
