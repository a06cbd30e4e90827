"""Words that overstate MSC therapy, why each is banned, and where it is allowed.

This is the one list; tests/test_content.py applies it to the text of every
built page. Each entry is matched as whole words, case-insensitively. An
occurrence is allowed when the text just before it matches `allowed_before`,
the text just after it matches `allowed_after`, or the page is listed in
`allowed_pages` (a page that must quote a claim in order to warn about it).
"""

import re
from dataclasses import dataclass

CLINICS_PAGE = "living/trials-and-clinics/index.html"


@dataclass(frozen=True)
class Banned:
    pattern: str
    reason: str
    allowed_before: str = r"(?!)"   # matches nothing unless set
    allowed_after: str = r"(?!)"
    allowed_pages: tuple = ()


# Denials are fine: "there is no guarantee", "it is not a cure".
_DENIAL = r"(?:\bnone of (?:them|these|the studies)|\bno|\bnot|\bnever|\bnor|n't|\bwithout|\bcannot|\bno proof that (?:it|they|this|MSCs?)? ?(?:is|are|will)? ?(?:an?)?)\s+(?:an?\s+)?$"

BANNED = (
    Banned(r"miracles?|miraculous", "Promises a result no study has shown.",
           allowed_before=_DENIAL, allowed_pages=(CLINICS_PAGE,)),
    Banned(r"breakthroughs?", "Presents one case report as settled progress.",
           allowed_before=_DENIAL, allowed_pages=(CLINICS_PAGE,)),
    Banned(r"guarantee[sd]?", "Nothing in transplant medicine is guaranteed; the word misleads.",
           allowed_before=_DENIAL),
    Banned(r"cures?|cured", "MSC therapy cures nothing in kidney transplantation; only one person "
                            "stopped drugs, and the report says 'associated with'.",
           allowed_before=_DENIAL, allowed_pages=(CLINICS_PAGE,)),
    Banned(r"stem cells?", "Experts say calling MSCs 'stem cells' is inaccurate and misleads the public; "
                           "allowed only in 'mesenchymal stem cells' (the other name, said once) and in "
                           "the names of clinics, societies and journals.",
           allowed_before=r"(?:mesenchymal|\bthe word|\bcalled|[\"“‘'])\s*$",
           allowed_after=r"^(?:[\"”’']|\s+(?:clinics?|treatments?|therapies|products?|Research|"
                         r"Translational|-based))"),
    Banned(r"proven|proves?|proved", "One uncontrolled case proves nothing; say 'was associated with'.",
           allowed_before=_DENIAL + r"|\bbeen\s*$", allowed_pages=(CLINICS_PAGE,)),
    Banned(r"revolutionary|game[- ]changer", "Hype words that overstate early research.",
           allowed_pages=(CLINICS_PAGE,)),
    Banned(r"completely safe|totally safe|100% safe|risk-free|no risks?", "Every treatment has risks; MSC "
           "infusions caused fever and other effects in studies.", allowed_before=_DENIAL),
)


def find_overclaims(page, text):
    """(matched words, reason, surrounding text) for each banned use in a page's text."""
    found = []
    for entry in BANNED:
        if page in entry.allowed_pages:
            continue
        for match in re.finditer(rf"\b(?:{entry.pattern})\b", text, re.I):
            before, after = text[max(0, match.start() - 60):match.start()], text[match.end():match.end() + 60]
            if re.search(entry.allowed_before, before, re.I) or re.search(entry.allowed_after, after, re.I):
                continue
            found.append((match.group(0), entry.reason, (before + match.group(0) + after).replace("\n", " ")))
    return found
