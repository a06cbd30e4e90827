"""BIB008: capitals in a title that the citation style would lower-case.

mkdocs-bibtex formats references with pybtex's "unsrt" style, which writes
most titles in sentence case: "KDIGO guideline for Italy" becomes "Kdigo
guideline for italy". Letters inside braces keep their case, so the fix is
`title = {{KDIGO} guideline for {Italy}}`.

Acronyms and mixed-case words ("MSCs", "CD73", "McDonald") are always
reported. A word with only its first letter capital is reported when the
rest of the title is in sentence case, where such a word is a name
("Italy"); in a Title Case title every word looks like that, and the style
lower-casing "Associated" or "With" is what it should do.
"""

import re

# Entry types whose title pybtex's unsrt style prints as typed (tests/test_bibtex_reader.py pins this).
KEEPS_CASE = frozenset({"book", "inbook", "manual", "phdthesis", "proceedings"})

_BRACED = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")


def lowered_words(entry_type, title):
    """The words of `title` whose capitals the style would lose, in order."""
    if entry_type in KEEPS_CASE or not title:
        return []
    # Braced text keeps its case: blank it out, keeping the offsets.
    plain = _BRACED.sub(lambda match: " " * len(match.group(0)), title)
    words = [(match.start(), match.group(0)) for match in _WORD.finditer(plain)]
    if not words:
        return []
    sentence_case = _is_sentence_case(words[1:])
    found = []
    for index, (position, word) in enumerate(words):
        # The first word, and the first after a colon, start a title or subtitle: the
        # style lower-casing "The" in "...: The TRITON trial" is what it should do.
        starts = index == 0 or plain[:position].rstrip().endswith(":")
        if _is_acronym(word) or (not starts and sentence_case and word[0].isupper()):
            found.append(word)
    return found


def braced(title, words):
    """The title with each of `words` put in braces, as the fix to show."""
    for word in dict.fromkeys(words):
        title = re.sub(rf"(?<![{{\w]){re.escape(word)}(?![}}\w])", "{" + word + "}", title)
    return title


def _is_acronym(word):
    """More than one capital, or a capital and a digit, in one part of a word: "MSCs",
    "CD73", "McDonald", but not the Title Case "Long-Term"."""
    for part in re.split(r"[-'’]", word):
        capitals = sum(letter.isupper() for letter in part)
        if capitals > 1 or (capitals == 1 and any(letter.isdigit() for letter in part)):
            return True
    return False


def _is_sentence_case(words):
    """Most words after the first start in lower case (short words aside)."""
    long_words = [word for _, word in words if len(word) > 3 and not _is_acronym(word)]
    if not long_words:
        return True
    lower = sum(word[0].islower() for word in long_words)
    return lower >= len(long_words) / 2
