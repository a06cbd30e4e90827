"""TERM001 and TERM002: the Chinese edition uses the site's terms (terminology.yml).

terminology.yml is the one bilingual list of terms. In a sentence with Chinese
characters, a term the file marks as wrong is TERM001 (for example 干细胞 alone
for MSCs, one of the press article's errors), and an English term left where
the file gives a Chinese one is TERM002. Quoting a wrong term to warn about it
(“干细胞”疗法) is allowed, as is the English in brackets after the Chinese term,
排斥反应（rejection）, which helps readers match words their doctors use.
"""

import bisect
import re
from dataclasses import dataclass, field

import yaml

from .chinese import has_han
from .counting import CountsBefore
from .ignorecase import lowered
from .findings import finding

_NEWLINE = re.compile("\n")
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
    scan = _TermScan.of(terms)
    for line, column, text, plain in sentences:
        if not has_han(plain):
            continue
        # Most sentences hold no wrong term and no English term at all: one look each
        # settles that, instead of a search per term (about 60 of them) per sentence.
        wrong_here = scan.may_hold_wrong(plain)
        english_here = scan.may_hold_english(plain)
        if not (wrong_here or english_here):
            continue
        places = _Places(line, column, plain)
        for term, english in scan.terms:
            if wrong_here:
                for start, word in _wrong_uses(plain, term):
                    found.append(finding(path, *places.of(start), "TERM001", sentence=text,
                                         word=word, zh=term.zh[0],
                                         note=term.note or "The terminology file marks it wrong."))
            if english_here and english is not None:
                for start, word in _english_matches(plain, english):
                    found.append(finding(path, *places.of(start), "TERM002", sentence=text,
                                         english=word, zh=term.zh[0]))
    return found


class _TermScan:
    """The terms with their English patterns compiled once, and two quick tests for a sentence.

    Both tests only skip work: a sentence they pass is still searched term by
    term, exactly as before, so the findings and their order do not change.
    """

    _last = None  # (the terms, their scan): a build passes the same list for every page

    def __init__(self, terms):
        self.terms = [(term, _english_pattern(term.english)) for term in terms]
        self.wrong_words = tuple({wrong for term in terms for wrong in term.wrong})
        patterns = [english.pattern for _, english in self.terms if english is not None]
        # Any term's pattern matching somewhere is exactly what this alternation finds.
        self.any_english = (re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I)
                            if patterns else None)
        # Faster, on lower-cased text (see ignorecase.py): no term's words there, no match.
        words = [term.english.lower() for term, english in self.terms if english is not None]
        self.english_words = (re.compile("|".join(map(re.escape, words)))
                              if words and all(word.isascii() for word in words) else None)

    @classmethod
    def of(cls, terms):
        """The scan for these terms, made again only when the terms are not the same objects as last time."""
        terms = tuple(terms)
        last = cls._last
        if last is None or len(last[0]) != len(terms) or any(a is not b for a, b in zip(last[0], terms)):
            last = cls._last = (terms, cls(terms))
        return last[1]

    def may_hold_wrong(self, plain):
        return any(wrong in plain for wrong in self.wrong_words)

    def may_hold_english(self, plain):
        if self.any_english is None:
            return False
        lowered_text = lowered(plain) if self.english_words is not None else None
        if lowered_text is not None:
            return self.english_words.search(lowered_text) is not None
        return self.any_english.search(plain) is not None


def _english_pattern(english):
    """The English words as a whole word, not inside a name such as msc-tolerance or restarrt.org."""
    if not english:
        return None
    return re.compile(rf"(?<![\w./-]){re.escape(english)}(?![\w./-])", re.I)


def _wrong_uses(plain, term):
    for wrong in term.wrong:
        if wrong not in plain:
            continue
        quotes = CountsBefore(plain, "“”「」")
        for match in re.finditer(re.escape(wrong), plain):
            if _inside_quotes(quotes.at(match.start())) or _part_of_allowed(plain, match.start(), wrong, term):
                continue
            yield match.start(), wrong


def _english_matches(plain, english):
    """Where the term's English words are left in a Chinese sentence (not as a gloss in brackets)."""
    brackets = None  # made at the first match: most terms have none
    for match in english.finditer(plain):
        brackets = brackets or CountsBefore(plain, "（）()")
        # 排斥反应（rejection）, 操作性耐受（operational tolerance）: English in brackets is a gloss.
        before = brackets.at(match.start())
        if before["（"] > before["）"] or before["("] > before[")"]:
            continue
        yield match.start(), match.group(0)


def _part_of_allowed(plain, start, wrong, term):
    for longer in term.allowed_in:
        offset = longer.find(wrong)
        if offset >= 0 and plain.startswith(longer, start - offset):
            return True
    return False


def _inside_quotes(before):
    """Whether a quotation is still open, given the counts of quote marks before the place."""
    return before["“"] > before["”"] or before["「"] > before["」"]


class _Places:
    """The line and column of offsets in a sentence that starts at (line, column).

    The sentence's line breaks are found once, on the first question: searching for
    them again for each finding is quadratic in a long sentence with many findings.
    """

    def __init__(self, line, column, plain):
        self.line, self.column, self.plain = line, column, plain
        self.newlines = None

    def of(self, offset):
        if self.newlines is None:
            self.newlines = [match.start() for match in _NEWLINE.finditer(self.plain)]
        before = bisect.bisect_left(self.newlines, offset)  # line breaks before the offset
        if not before:
            return self.line, self.column + offset
        return self.line + before, offset - self.newlines[before - 1]
