"""The claim rules: which sentences need a citation, and which have one.

Codes
  CLAIM001  a claim has no citation in its sentence or later in its paragraph
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
from .sentences import split_sentences

@dataclass
class UnitResult:
    findings: list = field(default_factory=list)
    claims: int = 0
    cited: int = 0
    exemptions: list = field(default_factory=list)  # each sentence not treated as a claim, and why
    keys: list = field(default_factory=list)  # (key, line) of each valid citation


def check_unit(path, unit, known_keys):
    """Apply every claim rule to one paragraph, list item or table row."""
    if unit.kind == "table header":
        return UnitResult()
    text, starts = unit_text(unit)
    sentences, citations, markers = split_sentences(text)
    result = UnitResult()

    def at(offset):
        return _position(unit, starts, offset)

    valid = _validate_citations(path, citations, known_keys, at, result)
    for marker in markers:
        if not marker.reason:
            result.findings.append(finding(path, *at(marker.start), "CLAIM004"))
    if unit.kind == "table row":
        _check_table_row(path, unit, valid, result)
    else:
        _check_sentences(path, unit, sentences, valid, known_keys, at, result)
    return result


def _validate_citations(path, citations, known_keys, at, result):
    """Report bad citations; return the offsets of those that count."""
    valid = set()
    for citation in citations:
        problems = citation_problems(citation.raw, citation.in_code, known_keys)
        for problem in problems:
            result.findings.append(Finding(path, *at(citation.start), problem.code, problem.message,
                                           citation.raw))
        if not problems:
            valid.add(citation.start)
            line, _ = at(citation.start)
            result.keys += [(key, line) for key in cited_keys(citation.raw)]
    return valid


def _check_table_row(path, unit, valid, result):
    result.claims += 1
    if valid:
        result.cited += 1
        return
    text = " | ".join(cell.text.strip() for cell in unit.cells)
    result.findings.append(finding(path, unit.lines[0].number, unit.lines[0].column, "CLAIM003",
                                   sentence=text))


def _check_sentences(path, unit, sentences, valid, known_keys, at, result):
    intro_covers = unit.list_intro is not None and _intro_is_cited(unit.list_intro, known_keys)
    covered_later = False
    # Walk backwards: a citation covers its own sentence and every earlier one.
    for sentence in reversed(sentences):
        has_own = any(c.start in valid for c in sentence.citations)
        covered_later = covered_later or has_own
        kind = _exemption(sentence)
        if kind:
            reason = sentence.markers[0].reason if kind == "marker" else ""
            result.exemptions.append(Exemption(path, *at(sentence.start), kind, sentence.text, reason))
            continue
        result.claims += 1
        fragment_covered = intro_covers and not language.has_finite_verb(sentence.plain)
        if _has_broken_citation(sentence, valid):
            continue  # its CITE finding says what to fix; a second finding would only repeat it
        if language.has_number(sentence.plain) and not has_own:
            result.findings.append(finding(path, *at(sentence.start), "CLAIM002",
                                           sentence=sentence.text))
        elif covered_later or fragment_covered:
            result.cited += 1
        else:
            result.findings.append(finding(path, *at(sentence.start), "CLAIM001",
                                           sentence=sentence.text))


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
    if language.is_signpost(sentence.plain):
        return "signpost"
    return ""


def _intro_is_cited(intro, known_keys):
    """Whether the sentence that ends with ':' above a list carries a valid citation."""
    if intro.last_sentence_cited is None:
        sentences, _, _ = split_sentences(unit_text(intro)[0])
        intro.last_sentence_cited = bool(sentences) and any(
            not citation_problems(c.raw, c.in_code, known_keys) for c in sentences[-1].citations)
    return intro.last_sentence_cited


def _position(unit, starts, offset):
    """(line, column) in the file of a character offset in the unit's text."""
    # Line starts only grow: bisection, since a scan per sentence is quadratic in a long paragraph.
    index = max(bisect.bisect_right(starts, offset) - 1, 0)
    line = unit.lines[index]
    return line.number, line.column + offset - starts[index]
