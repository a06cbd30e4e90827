"""TERM001 and TERM002: the Chinese edition uses the site's terms (terminology.yml).

terminology.yml is the one bilingual list of terms. In a sentence with Chinese
characters, a term the file marks as wrong is TERM001 (for example 干细胞 alone
for MSCs, one of the press article's errors), and an English term left where
the file gives a Chinese one is TERM002. Quoting a wrong term to warn about it
(“干细胞”疗法) is allowed, as is the English in brackets after the Chinese term,
排斥反应（rejection）, which helps readers match words their doctors use.
"""

import re
from dataclasses import dataclass, field

import yaml

from .chinese import has_han
from .findings import finding

# "(MSCs)" in "mesenchymal stromal cells (MSCs)": abbreviations are fine in Chinese text.
_BRACKETED = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Term:
    en: str
    zh: tuple
    wrong: tuple = ()
    allowed_in: tuple = ()   # longer words that contain a wrong term and are fine: 间充质干细胞
    note: str = ""
    _english: re.Pattern = field(default=None, compare=False, repr=False)

    @property
    def english(self):
        """The English words to look for in Chinese text, without the abbreviation."""
        return _BRACKETED.sub("", self.en).strip()


def read_terms(path):
    """The terms of a terminology.yml file."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return [Term(en=item["en"], zh=tuple(item["zh"]), wrong=tuple(item.get("wrong", ())),
                 allowed_in=tuple(item.get("allowed_in", ())), note=" ".join(str(item.get("note", "")).split()))
            for item in data.get("terms", [])]


def term_findings(path, sentences, terms):
    """TERM001 and TERM002 for the Chinese sentences among (line, column, text, plain)."""
    found = []
    for line, column, text, plain in sentences:
        if not has_han(plain):
            continue
        for term in terms:
            for start, word in _wrong_uses(plain, term):
                found.append(finding(path, *_place(line, column, plain, start), "TERM001", sentence=text,
                                     word=word, zh=term.zh[0], note=term.note or "The terminology file marks it wrong."))
            for start, word in _english_left(plain, term):
                found.append(finding(path, *_place(line, column, plain, start), "TERM002", sentence=text,
                                     english=word, zh=term.zh[0]))
    return found


def _wrong_uses(plain, term):
    for wrong in term.wrong:
        for match in re.finditer(re.escape(wrong), plain):
            if _inside_quotes(plain, match.start()) or _part_of_allowed(plain, match.start(), wrong, term):
                continue
            yield match.start(), wrong


def _english_left(plain, term):
    english = term.english
    if not english:
        return
    # Not inside a name such as msc-tolerance or restarrt.org.
    for match in re.finditer(rf"(?<![\w./-]){re.escape(english)}(?![\w./-])", plain, re.I):
        # 排斥反应（rejection）, 操作性耐受（operational tolerance）: English in brackets is a gloss.
        before = plain[:match.start()]
        if before.count("（") > before.count("）") or before.count("(") > before.count(")"):
            continue
        yield match.start(), match.group(0)


def _part_of_allowed(plain, start, wrong, term):
    for longer in term.allowed_in:
        offset = longer.find(wrong)
        if offset >= 0 and plain.startswith(longer, start - offset):
            return True
    return False


def _inside_quotes(plain, index):
    before = plain[:index]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


def _place(line, column, plain, offset):
    """The line and column of `offset` in a sentence that starts at (line, column)."""
    newlines = plain.count("\n", 0, offset)
    if not newlines:
        return line, column + offset
    return line + newlines, offset - plain.rfind("\n", 0, offset)
