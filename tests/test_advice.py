"""The advice rule: directions to the reader need no citation, and facts never pass as directions.

The decision is measured on held-out sentence sets in tests/data/ (see
bench/advice_eval.py and bench/results.md); the floors below are the first
measurement, rounded down, so a change that makes the rule worse fails here.
"""

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))
from advice_eval import evaluate, read_sentences  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.language import is_imperative  # noqa: E402

DATA = ROOT / "tests" / "data"
FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\n"
         "last_reviewed: 2026-11-26\nnext_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")

# The false alarms reported in issue 10, and the kinds of sentence around them.
ADVICE = [
    "Have your blood taken before your morning dose.",
    "Email your research nurse if you cannot come to a study visit.",
    "Wash your hands before you touch the dressing.",
    "Drink plenty of fluids on hot days.",
    "Eat a balanced diet.",
    "**Tip:** Use a sun cream with a high protection factor.",
    "In the patient app, look under \"My results\".",
    "If you feel unwell, call your team.",
    "Before your morning dose, have your blood test.",
    "If you have a fever, a cough or a rash, call the ward.",
    "Please do not stop your medicines.",
    "Never stop or change your medicines on your own.",
    "Ring 999 if you have chest pain.",
    "Read [the leaflet on rejection](rejection.md) to learn the signs.",
    "[Visit Kidney Care UK](https://example.org).",
    "Order refills early, so you never run out.",
    "Wait, and talk it over with your team first.",
    "Know the downsides of your medicines, too.",
]

# First words that are verbs as well as nouns, labels before facts, leading
# phrases before facts, and facts dressed as advice: all claims.
CLAIMS = [
    "Report shows that most transplants still work after ten years.",
    "Studies show that exercise lowers blood pressure.",
    "Cell counts fell after the second infusion.",
    "Use of MSCs is still experimental.",
    "Blood tests show how well the kidney works.",
    "Dose changes are common in the first year.",
    "Research in mice suggests MSCs calm the immune system.",
    "People with diabetes heal more slowly.",
    "Staff watch you closely for six hours after it.",
    "Phase 1 trials test whether a new treatment is safe.",
    "Water makes up about 60% of the body.",
    "Tip: the drug works best when levels are steady.",
    "Note: the trial was small.",
    "After a transplant, the risk of infection is highest.",
    "Like all medicines, ciclosporin can cause side effects.",
    "Remember that 40% of patients need a second course.",
    "Note that the drug can harm an unborn baby.",
    "Be aware that grapefruit raises tacrolimus levels.",
    "Keep in mind that rejection can happen without symptoms.",
    "Even MSCs that are dying may still calm the immune system.",
    "fever",
    "fast weight gain",
    # Same shape as "Drink bottled or boiled water ...", which therefore stays a claim:
    # nothing in the lexicon tells a describing "boiled" from a past-tense "improved".
    "Exercise improved or stabilised mood in most patients.",
]


@pytest.mark.parametrize("sentence", ADVICE)
def test_directions_are_advice(sentence):
    assert is_imperative(sentence)


@pytest.mark.parametrize("sentence", CLAIMS)
def test_facts_are_not_advice(sentence):
    assert not is_imperative(sentence)


def test_checker_exempts_advice_and_flags_a_noun_led_claim():
    body = "Have your blood taken before your morning dose.\n\nReport shows that most transplants work.\n"
    findings = check_page("docs/t.md", FRONT + body, set()).findings
    assert [(f.code, f.line) for f in findings] == [("CLAIM001", 10)]


def test_dev_set_is_classified_correctly():
    """The sentences the rules were tuned on; a change that breaks one of them is a regression."""
    advice = read_sentences(DATA / "advice_dev" / "advice.txt")
    factual = read_sentences(DATA / "advice_dev" / "factual.txt")
    scores = evaluate(advice, factual)
    assert scores["missed"] == [] and scores["false_advice"] == []


def test_held_out_precision_and_recall_stay_at_their_measured_floor():
    advice = read_sentences(DATA / "advice_sentences.txt")
    factual = read_sentences(DATA / "factual_sentences.txt")
    assert len(advice) >= 300 and len(factual) >= 300
    scores = evaluate(advice, factual)
    assert scores["precision"] >= 0.99, scores["false_advice"]
    assert scores["recall"] >= 0.92, scores["missed"]


def test_verb_lexicon_matches_lemminflect():
    """hooks/claimcheck/verbs.txt is exactly what tools/verb_lexicon.py makes from the pinned lemminflect."""
    import verb_lexicon

    version, rows = verb_lexicon.lemma_table()
    expected = verb_lexicon.render(version, verb_lexicon.verb_kinds(rows))
    assert verb_lexicon.OUTPUT.read_text(encoding="utf-8") == expected, \
        "verbs.txt is out of date: run `python tools/verb_lexicon.py`"


def test_checker_loads_neither_lemminflect_nor_numpy():
    """The build reads the small lexicon file; importing lemminflect would add numpy to every build."""
    code = ("import sys; sys.path.insert(0, 'hooks'); from claimcheck.language import is_imperative; "
            "assert is_imperative('Eat well.'); "
            "print(sorted(m for m in ('lemminflect', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
