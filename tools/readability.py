"""Reading-grade scores for plain text, with no network access.

textstat 0.7.13 looks words up in NLTK's CMU dictionary and downloads it
when it is missing. That download is a network fetch, which must never
happen in a test or a build, so syllables are counted with pyphen alone.
"""

import sys

import textstat
from textstat.backend.counts import _count_syllables

# Returning no dictionary makes textstat fall back to pyphen for every word.
_count_syllables.get_cmudict = lambda lang: None


def grade(text):
    """Flesch–Kincaid grade of plain text."""
    return textstat.flesch_kincaid_grade(text)


def smog(text):
    """SMOG index of plain text."""
    return textstat.smog_index(text)


if __name__ == "__main__":
    # Scores a built page exactly as the tests do: `python tools/readability.py site/case/index.html`.
    from site_text import body_text

    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            text = body_text(handle.read())
        print(f"{path}: grade {grade(text):.1f}, SMOG {smog(text):.1f}")
