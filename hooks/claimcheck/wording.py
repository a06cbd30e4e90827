"""WORD001: words that overstate MSC therapy, why each is banned, and when it is allowed.

Each entry is matched as whole words, case-insensitively, in each sentence the
checker reads. A use is allowed when the text just before it matches
`allowed_before` (a denial: "there is no guarantee"), the text just after it
matches `allowed_after`, or the word stands inside quotation marks: a page
that warns about a clinic's "miracle cure" has to quote it.
"""

import re
from dataclasses import dataclass

from .counting import CountsBefore
from .ignorecase import lowered


@dataclass(frozen=True)
class Banned:
    pattern: str
    reason: str
    allowed_before: str = r"(?!)"   # matches nothing unless set
    allowed_after: str = r"(?!)"


# Denials are fine: "there is no guarantee", "it is not a cure".
_DENIAL = (r"(?:\bnone of (?:them|these|the studies)|\bno|\bnot|\bnever|\bnor|n't|\bwithout|\bcannot|"
           r"\bno proof that (?:it|they|this|MSCs?)? ?(?:is|are|will)? ?(?:an?)?)\s+(?:an?\s+)?$")

BANNED = (
    Banned(r"miracles?|miraculous", "It promises a result no study has shown.", allowed_before=_DENIAL),
    Banned(r"breakthroughs?", "It presents one case report as settled progress.", allowed_before=_DENIAL),
    Banned(r"guarantee[sd]?", "Nothing in transplant medicine is guaranteed; the word misleads.",
           allowed_before=_DENIAL),
    Banned(r"cures?|cured", "MSC therapy cures nothing in kidney transplantation: one person stopped "
                            "their medicines, and the report says 'associated with'.",
           allowed_before=_DENIAL),
    Banned(r"stem cells?", "Experts say calling MSCs 'stem cells' is inaccurate and misleads the public. "
                           "Write 'MSCs'; 'mesenchymal stem cells' (the other name, said once) and the names "
                           "of clinics, societies and journals are allowed.",
           allowed_before=r"(?:mesenchymal|\bthe word|\bcalled|[\"“‘'])\s*$",
           allowed_after=r"^(?:[\"”’']|\s+(?:clinics?|treatments?|therapies|products?|Research|"
                         r"Translational|-based))"),
    Banned(r"proven|proves?|proved", "One uncontrolled case proves nothing; say 'was associated with'.",
           allowed_before=_DENIAL + r"|\bbeen\s*$"),
    Banned(r"revolutionary|game[- ]changer", "Hype words overstate early research."),
    Banned(r"completely safe|totally safe|100% safe|risk-free|no risks?", "Every treatment has risks; MSC "
           "infusions caused fever and other effects in studies.", allowed_before=_DENIAL),
)

# All entries in one pattern, one named group each, so a sentence is scanned once.
_ANY = re.compile("|".join(rf"\b(?P<w{index}>{entry.pattern})\b" for index, entry in enumerate(BANNED)), re.I)
CONTEXT = 60  # characters either side that decide whether a use is allowed


def _required_text(pattern):
    """Lower-case text that every match of `pattern` contains, one piece per alternative;
    None when the pattern is not a plain list of words that this can read.

    Each alternative must start with letters, digits or `% '-`, which match only
    themselves (ignoring case); a `?`, `*` or `{` after them makes the last one optional.
    """
    if any(sign in pattern for sign in "()\\") or re.search(r"\[[^\]]*\|", pattern):
        return None
    pieces = []
    for alternative in pattern.split("|"):
        run = re.match(r"[A-Za-z0-9 %'-]*", alternative).group(0)
        if alternative[len(run):len(run) + 1] in ("?", "*", "{"):
            run = run[:-1]
        if not run:
            return None
        pieces.append(run.lower())
    return pieces


def _all_required_text():
    pieces = [_required_text(entry.pattern) for entry in BANNED]
    if None in pieces:
        return None
    pieces = {piece for entry in pieces for piece in entry}
    # "cured" holds "cure": text without "cure" has no "cured" either.
    return tuple(sorted(piece for piece in pieces if not any(other in piece for other in pieces - {piece})))


# A sentence that contains none of REQUIRED, in lower case, has no banned word (see ignorecase.py).
REQUIRED = _all_required_text()


# Hiding (sentences.py) turns whole runs of two or more characters into spaces. A piece
# with no space at either end and no two spaces in a row cannot take one of those
# spaces: the characters beside it would be spaces too.
_SURVIVES_HIDING = all(piece == piece.strip() and "  " not in piece for piece in REQUIRED or ())


def may_overclaim_in_source(text):
    """may_overclaim for the source of sentences: their words, less what hiding blanks out."""
    return not _SURVIVES_HIDING or may_overclaim(text)


def may_overclaim(text):
    """False only when no entry can match anywhere in the text: the full search can be skipped."""
    lowered_text = lowered(text)
    if REQUIRED is None or lowered_text is None:
        return True
    return any(map(lowered_text.__contains__, REQUIRED))


def overclaims(text):
    """(start, word, reason) for each banned use in one sentence's plain text."""
    found = []
    if not may_overclaim(text):
        return found
    quotes = CountsBefore(text, '"“”')
    for match in _ANY.finditer(text):
        entry = BANNED[int(match.lastgroup[1:])]
        before = text[max(0, match.start() - CONTEXT):match.start()]
        after = text[match.end():match.end() + CONTEXT]
        if (re.search(entry.allowed_before, before, re.I) or re.search(entry.allowed_after, after, re.I)
                or _inside_quotes(quotes.at(match.start()))):
            continue
        found.append((match.start(), match.group(0), entry.reason))
    return found


def _inside_quotes(before):
    """Whether a quotation is still open, given the counts of quote marks before the place."""
    return before['"'] % 2 == 1 or before["“"] > before["”"]
