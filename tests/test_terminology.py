"""terminology.yml is the one list of terms: the Chinese glossary uses its words."""

import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.terminology import read_terms  # noqa: E402

TERMS = read_terms(ROOT / "terminology.yml")
# "| 排斥反应（rejection） | ..." : the Chinese term, then the English in brackets; a row
# may name two, joined by 、: "| 嵌合（chimerism）、混合嵌合（mixed chimerism） | ...".
FIRST_CELL = re.compile(r"^\|([^|]+)\|", re.M)
TERM = re.compile(r"([^、（]+)（([^）]+)）")


def glossary_cells():
    """The first cell of each row of the Chinese glossary's table, as [(Chinese, English), ...]."""
    text = (ROOT / "docs" / "glossary.zh.md").read_text(encoding="utf-8")
    cells = [TERM.findall(cell) for cell in FIRST_CELL.findall(text)]
    return [cell for cell in cells if cell]


def glossary_rows():
    return [pair for cell in glossary_cells() for pair in cell]


def test_every_glossary_row_names_its_english_term():
    english_rows = [line for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines()
                    if line.startswith("| ") and not line.startswith(("| Term", "| ---"))]
    assert len(glossary_cells()) == len(english_rows)


def test_the_glossary_uses_the_term_the_file_gives():
    by_english = {term.english.lower(): term for term in TERMS}
    wrong = []
    for chinese, english in glossary_rows():
        term = by_english.get(english.strip().lower())
        if term and chinese.strip() not in term.zh:
            wrong.append((english, chinese.strip(), term.zh[0]))
    assert wrong == []
    # The file is really used: most of its terms are glossary rows.
    used = {english.strip().lower() for _, english in glossary_rows()} & set(by_english)
    assert len(used) >= 30


def test_every_term_has_a_chinese_word_and_no_wrong_word_among_its_own():
    for term in TERMS:
        assert term.zh and all(term.zh), term.en
        assert not set(term.zh) & set(term.wrong), term.en
