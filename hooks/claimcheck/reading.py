"""READ001: how hard a page is to read, as a school grade (Flesch–Kincaid).

Grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
Syllables come from pyphen's hyphenation dictionary, as textstat counts them
when it has no pronouncing dictionary (tests/test_reading.py keeps the two
within a few tenths of a grade). textstat itself is not used here: importing
it loads NLTK, about 0.4 s, which every build and preview would pay.

The text is what the checker reads: the prose of each paragraph, list item
and table row, without headings, code, link addresses or citations.
"""

import re
from collections import Counter
from functools import lru_cache

from .chinese import has_han
from .findings import finding

MAX_GRADE = 8
# Help boxes (the shared text in includes/) and the decision aid must be easier.
MAX_EASY_GRADE = 6
EASY_PAGES = ("docs/living/decision-aid.md",)
# Below this, one long sentence decides the grade: too little text to judge a page by.
MIN_WORDS = 40
HARDEST_SHOWN = 3

# A letter, or letters with ' ’ - between them: [A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z], written
# to start with one character class so the engine skips straight to letters.
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")
_LETTER = re.compile(r"[A-Za-z]")


def reading_findings(path, sentences, score):
    """READ001 when the text of a page or snippet, whose page_grade is `score`, reads above
    its grade limit.

    `sentences` are (line, column, source text, plain text). The finding sits on
    the hardest sentence and quotes the hardest few, so the editor knows where to start.
    """
    limit = grade_limit(path)
    if score is None or score <= limit:
        return []
    hardest = sorted(sentences, key=lambda sentence: -sentence_difficulty(sentence[3]))[:HARDEST_SHOWN]
    line, column, text, _ = hardest[0]
    others = "; ".join(f"line {other[0]}: “{_shorten(other[2])}”" for other in hardest[1:])
    return [finding(path, line, column, "READ001", sentence=text, grade=f"{score:.1f}", limit=limit,
                    others=others or "none")]


def page_grade(sentences):
    """The grade of (line, column, text, plain) sentences, or None for too little text to judge."""
    # Flesch–Kincaid measures English only: Chinese sentences (and the English glosses
    # inside them) are left out, so a Chinese page has no grade here.
    plain = [sentence[3] for sentence in sentences]
    if has_han("\n".join(plain)):  # one look at all the text; sentence by sentence only if some is Chinese
        plain = [text for text in plain if not has_han(text)]
    if not _has_words(plain, MIN_WORDS):
        return None
    return grade(plain)


def _has_words(texts, enough):
    """Whether `texts` hold at least `enough` words; stops counting once they do."""
    count = 0
    for text in texts:
        count += len(_WORD.findall(text))
        if count >= enough:
            return True
    return False


def _shorten(text, most=80):
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def grade_limit(path):
    """The highest grade allowed for a page or snippet at `path` (as the editor sees it)."""
    if path.startswith("includes/") or "/includes/" in path or path in EASY_PAGES:
        return MAX_EASY_GRADE
    return MAX_GRADE


def grade(sentences):
    """Flesch–Kincaid grade of a list of plain-text sentences (0 when there are no words)."""
    sentences = list(sentences)
    # No word holds white space, so the words of the text are those of its space-separated
    # tokens; each different token is read once per page, and once per process at most.
    word_count = syllable_count = 0
    for token, times in Counter("\n".join(sentences).split()).items():
        words, token_syllables = _token_counts(token)
        word_count += words * times
        syllable_count += token_syllables * times
    if not word_count:
        return 0.0
    # A sentence counts if it has a word, that is a letter.
    sentence_count = sum(map(bool, map(_LETTER.search, sentences)))
    return 0.39 * word_count / sentence_count + 11.8 * syllable_count / word_count - 15.59


def sentence_difficulty(sentence):
    """How hard one sentence is, on the same scale, to pick the ones to quote."""
    return grade([sentence])


@lru_cache(maxsize=1 << 16)
def _token_counts(token):
    """(words, syllables) in one space-separated token, such as "kidney," or "anti-rejection"."""
    found = _WORD.findall(token)
    return len(found), sum(map(syllables, found))


@lru_cache(maxsize=None)
def syllables(word):
    """Syllables in a word: the hyphenation points pyphen finds, plus one."""
    return len(_hyphenator().positions(word.lower())) + 1


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # loaded on first use: a page with no words needs no dictionary

    return pyphen.Pyphen(lang="en_US")
