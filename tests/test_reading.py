"""READ001 and WORD001: the checker's reading grade and its words that overclaim."""

import socket
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))
import readability  # noqa: E402  (textstat, as the rendered-page tests use it)
from claimcheck import reading  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.wording import BANNED, overclaims  # noqa: E402

FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\n"
         "last_reviewed: 2026-11-26\nnext_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")
EASY = ("You take your medicines every day. They stop your body from attacking your new kidney. "
        "Take them at the same times each day. If you miss a dose, ask your team what to do.")
HARD = ("Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of "
        "haematological and biochemical parameters by multidisciplinary transplantation specialists.")


@pytest.mark.parametrize("text", [EASY, HARD, EASY + " " + HARD])
def test_grade_agrees_with_textstat(text):
    sentences = [part for part in text.replace("\n", " ").split(". ") if part.strip()]
    assert reading.grade(sentences) == pytest.approx(readability.grade(". ".join(sentences)), abs=0.5)


def test_grading_opens_no_network_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("reading grade tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    reading.syllables.cache_clear()
    assert reading.grade(EASY.split(". ")) < 8


def test_hard_page_gets_one_located_finding_that_quotes_the_hardest_sentences():
    body = "# Test\n\n" + EASY + "\n\n" + (HARD + " ") * 2 + "\n\nNever stop your medicines on your own.\n"
    (found,) = [f for f in check_page("docs/t.md", FRONT + body, set()).findings if f.code == "READ001"]
    assert (found.line, found.column, found.sentence) == (12, 1, HARD)
    assert found.message.startswith("This text reads at school grade ")
    assert "the limit here is 8. Its hardest sentence is this one; the next hardest: line 12: “Immuno" in found.message


def test_help_boxes_and_the_decision_aid_have_the_lower_limit():
    assert reading.grade_limit("includes/get-help.md") == 6
    assert reading.grade_limit("docs/living/decision-aid.md") == 6
    assert reading.grade_limit("docs/case/index.md") == 8


def test_short_text_is_not_graded():
    sentences = [(1, 1, HARD, HARD)]
    assert reading.page_grade(sentences) is None
    assert reading.reading_findings("docs/t.md", sentences, reading.page_grade(sentences)) == []


@pytest.mark.parametrize("text, flagged", [
    ("MSC therapy is a breakthrough.", True),
    ("Stem cells let a patient stop drugs.", True),
    ("They are sometimes called mesenchymal stem cells.", False),
    ("There is no guarantee that it works.", False),
    ("It is not a cure.", False),
    ("This treatment will cure you.", True),
    ("Be careful with \"stem cell\" clinics.", False),
    ("The case proves that MSCs work.", True),
    ("It has not been proven to work for others.", False),
    ("A single case cannot prove that MSCs caused it.", False),
    ("None of them proves that MSCs will help you.", False),
    ("Be wary of a clinic that promises a \"miracle cure\".", False),
    ("Be wary of anyone who offers it as a “proven” treatment.", False),
    ("It is a miracle, and the clinic says \"safe\".", True),
])
def test_overclaiming_examples(text, flagged):
    assert bool(overclaims(text)) is flagged


def test_every_banned_word_has_a_reason():
    for entry in BANNED:
        assert len(entry.reason) > 20, entry.pattern


def test_page_grade_is_none_for_too_little_text_and_a_number_otherwise():
    assert reading.page_grade([(1, 1, HARD, HARD)]) is None
    sentences = [(1, 1, part, part) for part in (EASY + " " + EASY).split(". ")]
    assert reading.page_grade(sentences) == pytest.approx(reading.grade([s[3] for s in sentences]))


def test_a_chinese_page_gets_no_english_reading_grade():
    sentences = [(1, 1, text, text) for text in ["这是一个很长的句子（with some English words in brackets here）。"] * 30]
    assert reading.page_grade(sentences) is None
