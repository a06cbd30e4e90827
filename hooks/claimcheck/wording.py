"""WORD001: words that overstate MSC therapy, why each is banned, and when it is allowed.

Each entry is matched as whole words, case-insensitively, in each sentence the
checker reads. A use is allowed when the text just before it matches
`allowed_before` (a denial: "there is no guarantee"), the text just after it
matches `allowed_after`, or the word stands inside quotation marks: a page
that warns about a clinic's "miracle cure" has to quote it.
"""

import re
from dataclasses import dataclass


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


def overclaims(text):
    """(start, word, reason) for each banned use in one sentence's plain text."""
    found = []
    for match in _ANY.finditer(text):
        entry = BANNED[int(match.lastgroup[1:])]
        before = text[max(0, match.start() - CONTEXT):match.start()]
        after = text[match.end():match.end() + CONTEXT]
        if (re.search(entry.allowed_before, before, re.I) or re.search(entry.allowed_after, after, re.I)
                or _inside_quotes(text, match.start())):
            continue
        found.append((match.start(), match.group(0), entry.reason))
    return found


def _inside_quotes(text, index):
    """Whether a quotation opened before `index` is still open there."""
    before = text[:index]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
