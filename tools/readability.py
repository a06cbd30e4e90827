"""Reading-grade scores for plain text, with no network access.

textstat 0.7.13 looks words up in NLTK's CMU dictionary and downloads it
when it is missing. That download is a network fetch, which must never
happen in a test or a build, so syllables are counted with pyphen alone.
"""

import re
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


def markdown_prose(markdown):
    """Rough plain text of a Markdown page, for a quick check while writing.

    The tests measure the rendered HTML instead; this is only a preview.
    """
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"^\s*(#.*|[!?]{3}.*|--8<--.*|\*\[.*|<.*)$", "", text, flags=re.M)
    text = re.sub(r"\[@[^\]]*\]", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`|>]|^\s*([-+]|\d+\.)\s", " ", text, flags=re.M)
    return text


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            body = handle.read()
        if path.endswith(".md"):
            body = markdown_prose(body)
        print(f"{path}: grade {grade(body):.1f}, SMOG {smog(body):.1f}")
