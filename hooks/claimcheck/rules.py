"""The claim rules: which sentences need a citation, and which have one.

Codes
  CLAIM001  a claim has no citation in its own sentence (or, for a fragment list item, in its lead-in)
  CLAIM002  a sentence with a number has no citation of its own
  CLAIM003  a table row has no citation in any cell
  CLAIM004  a not-a-claim marker gives no reason
  CITE001-CITE005  a citation the plugin would drop or mangle (see citations.py)
"""

import bisect
from dataclasses import dataclass, field

from . import language
from .blocks import unit_text
from .citations import citation_problems, cited_keys
from .findings import Exemption, Finding, finding
from .sentences import hide_non_prose, split_sentences
from .wording import may_overclaim, overclaims


@dataclass
class PageContext:
    """What the units of one page share, so that check_unit need not redo it for each."""
    citation_memo: dict = field(default_factory=dict)  # each different citation, judged once
    # False when no unit text of the page holds a banned word, so none can be used (WORD001).
    overclaims_possible: bool = True


@dataclass
class UnitResult:
    findings: list = field(default_factory=list)
    claims: int = 0
    cited: int = 0
    exemptions: list = field(default_factory=list)  # each sentence not treated as a claim, and why
    keys: list = field(default_factory=list)  # (key, line) of each valid citation
    # (line, column, source text, plain text) of each sentence, for the reading grade
    sentences: list = field(default_factory=list)


def check_unit(path, unit, known_keys, text_and_starts=None, page=None):
    """Apply every claim rule to one paragraph, list item or table row.

    A page passes the unit_text it has read already, and one PageContext for all its units.
    """
    if unit.kind == "table header":
        return UnitResult()
    if unit.kind == "abbreviation":
        return _abbreviation(path, unit)
    text, starts = text_and_starts or unit_text(unit)
    page = page or PageContext()
    sentences, citations, markers = split_sentences(text)
    result = UnitResult()

    def at(offset):
        return _position(unit, starts, offset)

    valid = _validate_citations(path, citations, known_keys, at, result, page.citation_memo)
    for marker in markers:
        if not marker.reason:
            result.findings.append(finding(path, *at(marker.start), "CLAIM004"))
    if unit.kind == "table row":
        _check_table_row(path, unit, valid, result)
    else:
        _check_sentences(path, unit, sentences, valid, known_keys, at, result)
    result.sentences = _sentences_to_grade(unit, sentences, at)
    # One quick look at all the sentences first: no banned word can span the line breaks between them.
    if page.overclaims_possible and sentences and may_overclaim("\n".join(s.plain for s in sentences)):
        for sentence in sentences:
            for start, word, reason in overclaims(sentence.plain):
                result.findings.append(finding(path, *at(sentence.start + start), "WORD001",
                                               sentence=sentence.text, word=word, reason=reason))
    return result


def _abbreviation(path, unit):
    """"*[GFR]: Glomerular filtration rate": a word's meaning, shown on hover, where no
    citation can go; the glossary gives the cited definition."""
    line = unit.lines[0]
    return UnitResult(exemptions=[Exemption(path, line.number, line.column, "definition", line.text.strip(),
                                            "an abbreviation's meaning, shown on hover")])


def _validate_citations(path, citations, known_keys, at, result, memo):
    """Report bad citations; return the offsets of those that count."""
    valid = set()
    for citation in citations:
        judged = memo.get((citation.raw, citation.in_code))
        if judged is None:
            problems = citation_problems(citation.raw, citation.in_code, known_keys)
            keys = [] if problems else cited_keys(citation.raw)
            judged = memo[citation.raw, citation.in_code] = (problems, keys)
        problems, keys = judged
        if problems:
            for problem in problems:
                result.findings.append(Finding(path, *at(citation.start), problem.code, problem.message,
                                               citation.raw))
            continue
        valid.add(citation.start)
        line = at(citation.start)[0]
        result.keys += [(key, line) for key in keys]
    return valid


def _sentences_to_grade(unit, sentences, at):
    """(line, column, text, plain) of each sentence a reader meets; a table cell reads as one."""
    if unit.kind == "table row":
        return [(cell.number, cell.column, cell.text.strip(), hide_non_prose(cell.text)[0])
                for cell in unit.cells if cell.text.strip()]
    return [(*at(sentence.start), sentence.text, sentence.plain) for sentence in sentences]


def _check_table_row(path, unit, valid, result):
    result.claims += 1
    if valid:
        result.cited += 1
        return
    text = " | ".join(cell.text.strip() for cell in unit.cells)
    result.findings.append(finding(path, unit.lines[0].number, unit.lines[0].column, "CLAIM003",
                                   sentence=text))


def _check_sentences(path, unit, sentences, valid, known_keys, at, result):
    # A citation covers only its own sentence: one that covered the sentences before
    # it let a new sentence, inserted in front of a cited one, pass unseen.
    intro_covers = _intro_covers(unit, known_keys)
    intro_directs = _intro_is_direction(unit)
    for sentence in sentences:
        kind = _exemption(sentence) or _structural_exemption(unit, sentences, sentence, intro_directs)
        if kind and _stays_exempt(kind, sentence.plain):
            reason = sentence.markers[0].reason if kind == "marker" else ""
            result.exemptions.append(Exemption(path, *at(sentence.start), kind, sentence.text, reason))
            continue
        result.claims += 1
        if _has_broken_citation(sentence, valid):
            continue  # its CITE finding says what to fix; a second finding would only repeat it
        # A fragment item ("- one tablet 3 times a week") finishes its cited lead-in's
        # sentence, so that citation is its own, numbers included. An item that is a
        # sentence of its own is judged alone.
        has_own = any(c.start in valid for c in sentence.citations)
        if has_own or (intro_covers and language.is_fragment(sentence.plain)):
            result.cited += 1
        elif language.has_number(sentence.plain):
            result.findings.append(finding(path, *at(sentence.start), "CLAIM002",
                                           sentence=sentence.text))
        else:
            result.findings.append(finding(path, *at(sentence.start), "CLAIM001",
                                           sentence=sentence.text))


def _stays_exempt(kind, plain):
    """Whether a sentence of this exemption kind stays exempt, given the numbers it holds."""
    # Numbers first: "This has been shown in 3 trials." gives a number as a fact,
    # whatever its first words. Directions ("Take 2 tablets.") and marked
    # sentences stay exempt.
    # A dose is never advice the site may give on its own authority: "Take 5 mg of
    # tacrolimus twice a day." needs a source like any other number.
    if kind == "marker":
        return True
    if kind == "direction" and not language.has_dose(plain):
        return True
    return not language.has_number(plain)


def _has_broken_citation(sentence, valid):
    return any(not c.in_code and c.start not in valid for c in sentence.citations)


def _exemption(sentence):
    """Why a sentence is not a claim (a kind from findings.EXEMPT_KINDS), or "" when it is one."""
    if sentence.markers:
        return "marker"
    if language.is_question(sentence.plain):
        return "question"
    if language.is_imperative(sentence.plain):
        return "direction"
    if language.is_signpost(sentence.plain) or language.is_run_in_heading(sentence.text):
        return "signpost"
    return ""


def _structural_exemption(unit, sentences, sentence, intro_directs):
    """Why a sentence is not a claim, judged by where it stands, or ""."""
    # "Pack these in your hand luggage:" over "- enough for the whole trip, plus 3 extra
    # days": the item finishes the direction, so it is a direction, numbers included.
    # An item that ends with a full stop is a sentence of its own and is judged alone.
    if intro_directs and not sentence.plain.rstrip().endswith((".", "。")) and language.is_fragment(sentence.plain):
        return "direction"
    # "On each clinic day:" alone in its paragraph names what the list below is about.
    if unit.kind == "paragraph" and len(sentences) == 1 and language.is_list_label(sentence.plain):
        return "signpost"
    return ""


def _intro_is_direction(unit):
    """Whether the lead-in above this list item tells the reader to do something."""
    intro = unit.list_intro
    if unit.kind != "list item" or intro is None:
        return False
    if "directs" not in intro.as_lead_in:
        last = _last_sentence(intro)
        intro.as_lead_in["directs"] = (last is not None and last.plain.rstrip().endswith((":", "："))
                                       and language.is_imperative(last.plain))
    return intro.as_lead_in["directs"]


def _intro_covers(unit, known_keys):
    """Whether the lead-in above this list item covers its fragments.

    The lead-in is the sentence ending with ':' above the list. It covers them
    when it is cited, or when it is itself a fragment item that its own lead-in
    covers: "Medicines include [@key]:" over "- Calcineurin inhibitors:" over
    "- tacrolimus".
    """
    depth = 0
    intro = unit.list_intro
    while intro is not None and depth < 100:  # a bound, so a damaged page cannot loop
        if _intro_is_cited(intro, known_keys):
            return True
        if intro.kind != "list item" or not language.is_fragment(_last_sentence(intro).plain):
            return False
        intro, depth = intro.list_intro, depth + 1
    return False


def _intro_is_cited(intro, known_keys):
    """Whether the sentence that ends with ':' above a list carries a valid citation."""
    if intro.last_sentence_cited is None:
        last = _last_sentence(intro)
        intro.last_sentence_cited = last is not None and any(
            not citation_problems(c.raw, c.in_code, known_keys) for c in last.citations)
    return intro.last_sentence_cited


def _last_sentence(unit):
    """The unit's last sentence (None if it has none), split once however many list items ask."""
    cache = unit.as_lead_in
    if "last sentence" not in cache:
        sentences, _, _ = split_sentences(unit_text(unit)[0])
        cache["last sentence"] = sentences[-1] if sentences else None
    return cache["last sentence"]


def _position(unit, starts, offset):
    """(line, column) in the file of a character offset in the unit's text."""
    # Line starts only grow: bisection, since a scan per sentence is quadratic in a long paragraph.
    index = max(bisect.bisect_right(starts, offset) - 1, 0) if len(starts) > 1 else 0
    line = unit.lines[index]
    return line.number, line.column + offset - starts[index]
