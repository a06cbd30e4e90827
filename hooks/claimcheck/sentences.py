"""Split a unit's text into sentences, after hiding what is not prose.

Hidden text (code, comments, link addresses, HTML tags and citations) is
replaced by spaces of the same length, so every offset still points at the
same character of the source. A regular expression then finds sentence ends;
this runs in time linear in the text, unlike pysbd, which took minutes on a
long paragraph (see ../shared/notes/stack-notes.md).
"""

import bisect
import re
from dataclasses import dataclass, field

# The first part stops at the first @, so a bracket full of @s is not retried at each one.
_CITATION_PATTERN = r"(?P<citation>\[[^\[\]\n@]*@[^\[\]\n]*\])"
# One pass, left to right, so that a citation inside code is seen as code.
_HIDDEN = re.compile(
    # A code span opens with a whole run of backticks and closes with a run of the
    # same length (CommonMark). Matching whole runs only keeps a long run of
    # backticks from being retried at every length and every start: linear time.
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`)(?:(?!(?P=ticks)).)+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<comment><!--.*?-->)"
    r"|" + _CITATION_PATTERN +
    r"|(?P<destination>\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<autolink><(?:https?|mailto):[^>\s]+>)"
    r"|(?P<tag></?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<url>\bhttps?://[^\s)\]]+)",
    re.S,
)
# Every match of _HIDDEN starts at one of these characters; "h" only where "http://" or
# "https://" starts. Scanning for them first is several times faster than letting
# _HIDDEN try each of its alternatives at every character (see _matches).
_HIDDEN_START = re.compile(r"[`<\[\]h](?:(?<=h)(?=ttps?://)|(?<!h))")
# Text without "`", "<", "](" and "http" can hold no code, comment, tag, link address
# or web address: only citations, which this finds on its own, as _HIDDEN would.
_CITATION_ONLY = re.compile(_CITATION_PATTERN)
_CITATION_IN_CODE = re.compile(r"\[[^\[\]\n@]*@[^\[\]\n]*\]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_EMAIL = re.compile(r"^\[[\w.%+-]+@[\w.-]+\.[A-Za-z]{2,}\]$")
_MARKER = re.compile(r"<!--\s*not-a-claim\b\s*:?(?P<reason>.*?)-->", re.S)
_MARKER_WITH_SPACE = re.compile(r"<!--\s*not-a-claim\b.*?-->[ \t]*", re.S)

# A full stop, question or exclamation mark, maybe closed by quotes or
# brackets, then white space.
# A Chinese sentence mark (。！？； or the ellipsis ……) ends a sentence wherever it stands:
# Chinese puts no space after it.
#
# Written as one character class first, then the rest of the alternative that character
# starts, so the regular expression engine can skip straight to candidate characters;
# it matches exactly what [.!?]+[\"'”’)\]*_]*(?=\s)|(?:[。！？；]+|……)[”’」』）)\]*_]* matches.
# A run of .!? ends a sentence only if white space follows it and its closers; so it is
# tried from its first mark only, and never given back (*+): a long run with no space
# after it (!!!!…) costs linear time, not a new try from each of its marks.
_END = re.compile(r"[.!?。！？；…]"
                  r"(?:(?<=[.!?])(?<![.!?].)[.!?]*+[\"'”’)\]*_]*+(?=\s)"
                  r"|(?<=[。！？；])[。！？；]*[”’」』）)\]*_]*"
                  r"|(?<=…)…[”’」』）)\]*_]*)")
_CHINESE_ENDS = "。！？；…"
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[*_]*[A-Z0-9]")
ABBREVIATIONS = frozenset("""
    e.g. i.e. etc. vs. cf. al. dr. mr. mrs. ms. prof. st. no. nos. fig. figs.
    approx. ca. jr. sr. vol. p. pp. ed. eds. inc. ltd. co. u.s. u.k. ph.d. n.d.
    dept. univ. a.m. p.m.
""".split())
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_WORD_CHARACTER = re.compile(r"\w")


@dataclass(slots=True)
class Citation:
    start: int
    end: int
    raw: str
    in_code: bool = False


@dataclass(slots=True)
class Marker:
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str        # the source text, for messages
    plain: str       # the same span with hidden text blanked out
    citations: list = field(default_factory=list)
    markers: list = field(default_factory=list)


def remove_markers(markdown):
    """The Markdown without its not-a-claim markers, which would split paragraphs."""
    return _substitute(_MARKER_WITH_SPACE, lambda match: "", markdown)


def hide_non_prose(text):
    """Return (plain text, citations, markers); plain has the same length as text."""
    citations, markers, pieces, kept = [], [], [], 0
    if "`" in text or "<" in text or "](" in text or "http" in text:
        matches = _matches_in(_HIDDEN, text, _HIDDEN_START)
    else:
        matches = _CITATION_ONLY.finditer(text)
    for match in matches:
        start, end = match.span()
        kind = match.lastgroup
        found = match.group(0)
        if kind == "citation":
            # An e-mail address in brackets is text: it stays (an address cannot start with "@").
            if found[1] != "@" and _EMAIL.match(found):
                continue
            citations.append(Citation(start, end, found))
            hidden = " " * (end - start)  # a citation holds no line break
        elif kind == "code":
            citations.extend(Citation(start + inner.start(), start + inner.end(), inner.group(0), True)
                             for inner in _CITATION_IN_CODE.finditer(found))
            hidden = _blank(found)
        elif kind == "destination":
            # Keep the "]" that closes the link text; hide the address.
            hidden = "]" + _blank(found[1:])
        else:
            if kind == "comment":
                marker = _MARKER.fullmatch(found)
                if marker:
                    markers.append(Marker(start, end, marker.group("reason").strip()))
            hidden = _blank(found)
        pieces += [text[kept:start], hidden]
        kept = end
    if not pieces:
        return text, citations, markers
    pieces.append(text[kept:])
    return "".join(pieces), citations, markers


def _substitute(pattern, replace, text):
    """pattern.sub(replace, text), in time linear in the text even when it has unclosed `<!--`."""
    pieces, kept = [], 0
    for match in _matches_in(pattern, text):
        pieces += [text[kept:match.start()], replace(match)]
        kept = match.end()
    pieces.append(text[kept:])
    return "".join(pieces)


def _matches_in(pattern, text, starts=None):
    """pattern.finditer(text), in time linear in the text even when it has unclosed `<!--`.

    An opener that no later `-->` closes starts no comment, yet the search for
    its `-->` runs to the end of the text, from each such opener in turn. So
    the search runs over a copy in which their `!` is a NUL character, which no
    pattern here treats differently from `!` except in `<!--`; each match is
    then read again from the original, at the same offsets.
    `starts`, when given, finds every place a match of `pattern` can start (see _matches).
    """
    scanned = _disarm_unclosed_comments(text)
    for match in (pattern.finditer(scanned) if starts is None else _matches(pattern, starts, scanned)):
        if scanned is not text:
            match = pattern.match(text, match.start(), match.end())
        yield match


def _matches(pattern, starts, text):
    """The matches pattern.finditer(text) gives, for a pattern that never matches empty text
    and can start only where `starts` matches: it is tried only there.

    finditer tries the pattern at each offset in turn and goes on from the end of
    each match; so does this, skipping the offsets where no match can start.
    Lookbehinds and \\b still see the text before each offset.
    """
    position = 0
    candidate = starts.search(text)
    while candidate:
        match = pattern.match(text, candidate.start())
        if match:
            yield match
            position = match.end()
        else:
            position = candidate.start() + 1
        candidate = starts.search(text, position)


def _disarm_unclosed_comments(text):
    # An opener closes only if a `-->` starts at least four characters after it.
    last_close = text.rfind("-->")
    first_unclosed = text.find("<!--", max(last_close - 3, 0)) if last_close >= 0 else text.find("<!--")
    if first_unclosed == -1:
        return text
    return text[:first_unclosed] + text[first_unclosed:].replace("<!--", "<\x00--")


def _blank(text):
    """Spaces of the same length, keeping line breaks so offsets still match."""
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


def split_sentences(text):
    """Sentences of one unit, each with the citations and markers it owns.

    A citation belongs to the sentence it stands in, or to the sentence just
    before it when it follows the full stop. A marker belongs to the sentence
    that follows it.
    """
    plain, citations, markers = hide_non_prose(text)
    sentences = []
    for start, end in _sentence_spans(plain):
        sentences.append(Sentence(start, end, text[start:end].strip(), plain[start:end]))
    if not sentences:
        return [], citations, markers
    if len(sentences) == 1:  # the usual list item or short paragraph: it owns them all
        sentences[0].citations += citations
        sentences[0].markers += markers
        return sentences, citations, markers
    # Sentence starts only grow, so bisection finds an owner without a scan.
    starts = [sentence.start for sentence in sentences]
    for citation in citations:
        _owner(sentences, starts, citation.start).citations.append(citation)
    for marker in markers:
        _following(sentences, starts, marker.end).markers.append(marker)
    return sentences, citations, markers


def _owner(sentences, starts, offset):
    """The last sentence that starts at or before offset (the first, if none does)."""
    return sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]


def _following(sentences, starts, offset):
    """The first sentence that starts at or after offset (the last, if none does)."""
    return sentences[min(bisect.bisect_left(starts, offset), len(sentences) - 1)]


def _sentence_spans(plain):
    spans, start = [], _skip_space(plain, 0)
    text_end = len(plain.rstrip())  # once, not per full stop: a copy of a long text each time is quadratic
    for match in _END.finditer(plain):
        end = match.end()
        if end <= start or not _is_sentence_end(plain, start, match, text_end):
            continue
        spans.append((start, end))
        start = _skip_space(plain, end)
    if start < len(plain) and plain[start:].strip():
        spans.append((start, len(plain.rstrip())))
    # Text that is only hidden material (a citation after the full stop) is
    # not a sentence of its own.
    # A span starts with a character that is not white space, most often a letter (which \w is).
    return [(s, e) for s, e in spans if plain[s].isalnum() or _WORD_CHARACTER.search(plain, s, e)]


def _is_sentence_end(plain, start, match, text_end):
    if match.group(0)[0] in _CHINESE_ENDS:
        return True
    if not _NEXT_STARTS_SENTENCE.match(plain, match.end()) and match.end() < text_end:
        return False
    if match.group(0)[0] != ".":
        return True
    word = _word_ending_at(plain, start, match.start() + 1).lstrip("([\"'“*_")
    return word.lower() not in ABBREVIATIONS and not _INITIAL.match(word)


def _word_ending_at(plain, start, end):
    """The text from the last white space before `end` (but not before `start`) to `end`.

    It walks back over the one word only: slicing from the sentence start at
    every full stop made a long sentence full of "e.g." quadratic.
    """
    begin = end
    while begin > start and not plain[begin - 1].isspace():
        begin -= 1
    return plain[begin:end]


def _skip_space(text, index):
    while index < len(text) and text[index].isspace():
        index += 1
    return index
