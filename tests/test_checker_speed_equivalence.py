"""The claim checker's speed-ups (issue 13) change no finding.

Each fast path is compared with the slower way it replaces, on thousands of
random texts made of the characters and Markdown that matter to it: a regular
expression rewritten to start with a character class against the expression it
was before, the quick tests that skip a search against the search itself, and
the caches against no cache. bench/checker_speed.py measures the speed; these
tests only check behaviour, so they cannot fail on a slow or busy machine.
"""

import bisect
import functools
import random
import re
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck import advice, blocks, checker, chinese, language, reading, rules, sentences  # noqa: E402
from claimcheck import terminology, wording  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.ignorecase import OTHER_CASES, lowered  # noqa: E402
from claimcheck.terminology import read_terms, term_findings  # noqa: E402

TERMS = read_terms(ROOT / "terminology.yml")
SAMPLES = 3000

# Pieces of text that the rewritten code treats specially, and their neighbours.
PIECES = (list("aZ0 \n\t.!?:;,'’\"“”()[]*_-|\\`<>@/%#") + list("。！？；…”’」』）") +
          ["ı", "İ", "ſ", "\u212a", "٣", "间充质", "五", "两", "毫克", "片", "mg", "5 mg", "0.5", "µg", "tablets",
           "[@key]", "[@a; @b]", "[name@example.org]", "`code [@x]`", "``", "<!--", "-->", "<!-- not-a-claim: r -->",
           "](http://x.org/a(b))", "<https://x.org>", "<b>", "</span>", "http://x.org", "https://y.org/z",
           "miracle", "MIRACLE", "mıracle", "MİRACLE", "cure", "cured", "secure", "stem cells", "ſtem cells",
           "stem  cells", "no risk", "risk-free", "100% safe", "game-changer", "proven", "not proven",
           "e.g.", "Dr.", "U.S.", "A.", "Ask", "Side", "fever", "Do not", "don't", "Remember that", "If you",
           "rejection", "REJECTION", "operational tolerance", "toleranſe", "tolerance", "（rejection）",
           "“干细胞”", "干细胞", "间充质干细胞", "living-donor", "msc-tolerance", "immunosuppreſſants",
           "\n# ", "\n> ", "\n```\n", "\n!!! note\n    ", "\n1. ", "\n- ", "\n===\n", "\n---\n", "\n[^1]: ",
           "\n*[X]: ", "\n<div>\n", "\n    ", "\n| a | b |\n| --- | --- |\n"])


def random_text(rng, most=40):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, most)))


def texts(seed, most=40):
    rng = random.Random(seed)
    return [random_text(rng, most) for _ in range(SAMPLES)]


# -----------------------------------------------------------------------------
# Regular expressions rewritten to start with one character class
# -----------------------------------------------------------------------------

# Each as it was written before, beside the module's pattern that replaced it.
REWRITTEN = [
    (sentences._END, r"[.!?]+[\"'”’)\]*_]*(?=\s)|(?:[。！？；]+|……)[”’」』）)\]*_]*", 0),
    (language._DOSE, r"\d[\d.,]*\s*(?:mg|milligrams?|micrograms?|mcg|µg|g|grams?|ml|millilitres?|"
                     r"tablets?|capsules?|puffs?|drops?)\b|[\d零一二两三四五六七八九十半]+\s*(?:毫克|微克|克|毫升|片|粒)", re.I),
    (advice.WORD, r"[A-Za-z][A-Za-z'’-]*|\d[\d.,:/]*", 0),
    (reading._WORD, r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]", 0),
    (blocks._CELL, r"(?:[^|\\`]|\\.|`[^`]*`)+", 0),
]


@pytest.mark.parametrize("pattern, before, flags", REWRITTEN, ids=lambda value: getattr(value, "pattern", "")[:24])
def test_a_rewritten_pattern_finds_what_it_found_before(pattern, before, flags):
    old = re.compile(before, flags)
    for text in texts(1):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_hiding_finds_what_one_pass_of_the_whole_pattern_found():
    """hide_non_prose skips to the characters a hidden part can start with, or looks for
    citations alone where nothing else can be; the pattern run over every character finds the same."""
    for text in texts(2):
        assert sentences.hide_non_prose(text) == _hide_as_before(text), text


def _hide_as_before(text):
    citations, markers = [], []

    def hide(match):
        kind, found = match.lastgroup, match.group(0)
        if match.group("code"):
            citations.extend(sentences.Citation(match.start() + inner.start(), match.start() + inner.end(),
                                                inner.group(0), True)
                             for inner in sentences._CITATION_IN_CODE.finditer(found))
        elif kind == "citation":
            if sentences._EMAIL.match(found):
                return found
            citations.append(sentences.Citation(match.start(), match.end(), found))
        elif kind == "comment":
            marker = sentences._MARKER.fullmatch(found)
            if marker:
                markers.append(sentences.Marker(match.start(), match.end(), marker.group("reason").strip()))
        elif kind == "destination":
            return "]" + sentences._blank(found[1:])
        return sentences._blank(found)

    pieces, kept, scanned = [], 0, sentences._disarm_unclosed_comments(text)
    for match in sentences._HIDDEN.finditer(scanned):
        if scanned is not text:
            match = sentences._HIDDEN.match(text, match.start(), match.end())
        pieces += [text[kept:match.start()], hide(match)]
        kept = match.end()
    pieces.append(text[kept:])
    return "".join(pieces), citations, markers


def test_sentences_split_as_before():
    """One sentence owns every citation and marker at once; a span that starts with a
    letter needs no search for a word character."""
    for text in texts(3):
        found, citations, markers = sentences.split_sentences(text)
        spans = _spans_as_before(_hide_as_before(text)[0])
        assert [(sentence.start, sentence.end) for sentence in found] == spans, text
        starts = [start for start, _ in spans]
        for index, sentence in enumerate(found):
            assert [c.start for c in sentence.citations] == \
                [c.start for c in citations if max(bisect.bisect_right(starts, c.start) - 1, 0) == index], text
            assert [m.start for m in sentence.markers] == \
                [m.start for m in markers if min(bisect.bisect_left(starts, m.end), len(spans) - 1) == index], text


_END_BEFORE = re.compile(REWRITTEN[0][1])


def _spans_as_before(plain):
    spans, start = [], sentences._skip_space(plain, 0)
    text_end = len(plain.rstrip())
    for match in _END_BEFORE.finditer(plain):
        end = match.end()
        if end <= start or not sentences._is_sentence_end(plain, start, match, text_end):
            continue
        spans.append((start, end))
        start = sentences._skip_space(plain, end)
    if start < len(plain) and plain[start:].strip():
        spans.append((start, len(plain.rstrip())))
    return [(s, e) for s, e in spans if re.search(r"\w", plain[s:e])]


def test_words_are_tokenised_as_before():
    for text in texts(4):
        for keep_names in (False, True):
            before = []
            for index, word in enumerate(advice.WORD.findall(text)):
                if word[0].isdigit():
                    before.append(advice.NUMBER)
                elif keep_names and index and word[0].isupper():
                    before.append(advice.NAME)
                else:
                    before.append(word.lower().replace("’", "'"))
            assert advice._tokens(text, keep_names) == before, text


def test_the_reading_grade_is_the_grade_counted_word_by_word():
    rng = random.Random(5)
    for _ in range(300):
        batch = [random_text(rng, 30) for _ in range(rng.randint(0, 12))]
        assert reading.grade(batch) == _grade_as_before(batch), batch


def _grade_as_before(sentence_texts):
    sentence_count = word_count = syllable_count = 0
    for sentence in sentence_texts:
        found = reading._WORD.findall(sentence)
        if found:
            sentence_count += 1
            word_count += len(found)
            syllable_count += sum(map(reading.syllables, found))
    if not word_count:
        return 0.0
    return 0.39 * word_count / sentence_count + 11.8 * syllable_count / word_count - 15.59


def test_the_page_grade_leaves_out_the_chinese_sentences_as_before():
    rng = random.Random(11)
    for _ in range(300):
        batch = [(1, 1, "", random_text(rng, 20)) for _ in range(rng.randint(0, 12))]
        english = [plain for _, _, _, plain in batch if not chinese.HAN.search(plain)]
        words = sum(len(reading._WORD.findall(plain)) for plain in english)
        expected = _grade_as_before(english) if words >= reading.MIN_WORDS else None
        assert reading.page_grade(batch) == expected, batch


def test_han_is_found_as_before_and_the_last_answer_is_not_kept_for_other_text():
    for text in texts(6):
        assert chinese.has_han(text) == bool(chinese.HAN.search(text)), text
        assert chinese.has_han(text + "间") is True
        assert chinese.has_han(text + "a") == bool(chinese.HAN.search(text)), text
    for _ in range(3):  # the same length, the same first characters, the other answer
        assert chinese.has_han("ab") is False and chinese.has_han("a间") is True and chinese.has_han("ab") is False


# -----------------------------------------------------------------------------
# Quick tests that skip a search
# -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def all_characters():
    return "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


@pytest.mark.parametrize("ascii_character", [chr(code) for code in range(32, 127)])
def test_case_is_ignored_in_ascii_as_ignorecase_says(ascii_character):
    """Every character that matches an ASCII character with case ignored is, in lower case,
    that character in lower case, unless it is one of the three that `lowered` refuses."""
    matching = set(re.findall(re.escape(ascii_character), all_characters(), re.I))
    others = {character for character in matching if character.lower() != ascii_character.lower()}
    assert others <= set(OTHER_CASES.pattern.strip("[]")), others
    assert all(lowered(character) is None for character in others)


def test_lowered_refuses_exactly_the_text_with_the_other_cases():
    for text in texts(7):
        assert (lowered(text) is None) == bool(OTHER_CASES.search(text)), text


def test_each_required_piece_is_in_every_banned_word():
    """The pieces come from the entries themselves; a text without any has no banned word."""
    assert wording.REQUIRED, "every entry is a plain list of words, so each has its pieces"
    for text in texts(8):
        with_skip = wording.overclaims(text)
        assert with_skip == _overclaims_without_skip(text), text


def _overclaims_without_skip(text):
    original = wording.may_overclaim
    wording.may_overclaim = lambda _: True
    try:
        return wording.overclaims(text)
    finally:
        wording.may_overclaim = original


def test_no_piece_of_a_banned_word_can_be_made_by_hiding():
    """may_overclaim_in_source relies on it: hidden text becomes runs of two or more spaces."""
    assert all(piece.strip() == piece and "  " not in piece and "\n" not in piece for piece in wording.REQUIRED)


def test_the_quick_tests_for_terms_never_skip_a_sentence_with_a_term():
    rng = random.Random(9)
    for _ in range(SAMPLES):
        plain = "间" + random_text(rng)  # a Chinese sentence
        scan = terminology._TermScan.of(TERMS)
        may_wrong, may_english = scan.may_hold_wrong(plain), scan.may_hold_english(plain)
        for term, english in scan.terms:
            assert may_wrong or not list(terminology._wrong_uses(plain, term)), plain
            assert may_english or english is None or not english.search(plain), (plain, term.en)


def test_the_terms_scan_is_made_again_for_other_terms_and_gives_the_same_findings():
    sentences_ = [(1, 1, text, text) for text in ("排斥反应rejection很常见。", "干细胞疗法。", "“干细胞”疗法。")]
    first = term_findings("p.zh.md", sentences_, TERMS)
    assert term_findings("p.zh.md", sentences_, TERMS) == first  # the same terms: the kept scan
    assert term_findings("p.zh.md", sentences_, list(TERMS)) == first  # the same terms in a new list
    fewer = [term for term in TERMS if term.en != "rejection"]
    assert term_findings("p.zh.md", sentences_, fewer) == [f for f in first if "rejection" not in f.message]
    assert term_findings("p.zh.md", sentences_, TERMS) == first


# -----------------------------------------------------------------------------
# Quote marks and brackets counted once per sentence, not again for each match
# -----------------------------------------------------------------------------

def _long_sentences(seed):
    """Chinese sentences with many quote marks, brackets, terms and line breaks."""
    rng = random.Random(seed)
    parts = ["干细胞", "间充质干细胞", "“", "”", "「", "」", "（", "）", "(", ")", "rejection", "Tolerance", "\n",
             "miracle ", "\"", "cure ", "stem cells ", "not a cure ", "肾", "。"]
    return ["间" + "".join(rng.choice(parts) for _ in range(rng.randint(0, 60))) for _ in range(SAMPLES)]


def test_terms_inside_quotes_or_brackets_are_found_as_before():
    for plain in _long_sentences(13):
        for term in TERMS:
            assert list(terminology._wrong_uses(plain, term)) == _wrong_uses_before(plain, term), plain
            english = terminology._english_pattern(term.english)
            if english is not None:
                assert list(terminology._english_matches(plain, english)) == \
                    _english_matches_before(plain, english), plain


def _wrong_uses_before(plain, term):
    found = []
    for wrong in term.wrong:
        for match in re.finditer(re.escape(wrong), plain):
            before = plain[:match.start()]
            quoted = before.count("“") > before.count("”") or before.count("「") > before.count("」")
            if not quoted and not terminology._part_of_allowed(plain, match.start(), wrong, term):
                found.append((match.start(), wrong))
    return found


def _english_matches_before(plain, english):
    found = []
    for match in english.finditer(plain):
        before = plain[:match.start()]
        if not (before.count("（") > before.count("）") or before.count("(") > before.count(")")):
            found.append((match.start(), match.group(0)))
    return found


def test_banned_words_inside_quotes_are_found_as_before():
    for text in _long_sentences(14):
        found = wording.overclaims(text)
        before = []
        for match in wording._ANY.finditer(text):
            entry = wording.BANNED[int(match.lastgroup[1:])]
            start, end = match.span()
            if (re.search(entry.allowed_before, text[max(0, start - wording.CONTEXT):start], re.I)
                    or re.search(entry.allowed_after, text[end:end + wording.CONTEXT], re.I)
                    or text[:start].count('"') % 2 == 1 or text[:start].count("“") > text[:start].count("”")):
                continue
            before.append((start, match.group(0), entry.reason))
        assert found == before, text


def test_each_term_finding_is_placed_as_before():
    for plain in _long_sentences(15):
        places = terminology._Places(7, 3, plain)
        for offset in range(0, len(plain) + 1, 3):
            newlines = plain.count("\n", 0, offset)
            expected = (7, 3 + offset) if not newlines else (7 + newlines, offset - plain.rfind("\n", 0, offset))
            assert places.of(offset) == expected, (plain, offset)


# -----------------------------------------------------------------------------
# Whole pages: the page-wide quick tests and the caches change no report
# -----------------------------------------------------------------------------

def _pages():
    rng = random.Random(10)
    sources = sorted((ROOT / "docs").rglob("*.md"))
    pages = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for _ in range(3):
            characters = list(text)
            for _ in range(rng.randint(1, 40)):
                characters.insert(rng.randrange(len(characters) + 1), rng.choice(PIECES))
            pages.append((path.name, "".join(characters)))
    return pages


def _report(name, text):
    report = check_page(name, text, {"key", "a", "b", "x"}, terms=TERMS)
    return (report.findings, report.claims, report.cited, report.exemptions, report.citations,
            report.examined, report.sentences, report.reading_grade)


def test_pages_give_the_same_reports_without_the_quick_tests(monkeypatch):
    pages = _pages()
    fast = [_report(name, text) for name, text in pages]
    monkeypatch.setattr(checker, "may_overclaim_in_source", lambda _: True)
    monkeypatch.setattr(rules, "may_overclaim", lambda _: True)
    monkeypatch.setattr(wording, "may_overclaim", lambda _: True)
    monkeypatch.setattr(terminology._TermScan, "may_hold_wrong", lambda self, _: True)
    monkeypatch.setattr(terminology._TermScan, "may_hold_english", lambda self, _: True)
    monkeypatch.setattr(checker, "has_han", lambda _: True)  # the page-wide look for Chinese
    slow = [_report(name, text) for name, text in pages]
    for (name, _), one, other in zip(pages, fast, slow):
        assert one == other, name


def test_a_citation_judged_once_per_page_gives_every_use_its_keys_and_findings():
    text = "One [@key; @a] two [@key] three [@key; @a] four [@nokey] five [@nokey] six `[@a]`.\n"
    result = rules.check_unit("p.md", blocks.prose_units(text)[0], {"key", "a"})
    assert result.keys == [("key", 1), ("a", 1), ("key", 1), ("key", 1), ("a", 1)]
    assert [finding.code for finding in result.findings] == ["CITE001", "CITE001", "CITE004"]
    assert [finding.column for finding in result.findings] == [49, 63, 77]


def test_paragraph_lines_taken_at_once_are_read_as_every_check_would_read_them(monkeypatch):
    """A line that starts with no block mark goes straight into the paragraph."""
    rng = random.Random(12)
    starts = ["", "", "", "# ", "## ", "> ", "- ", "* ", "+ ", "1. ", "2) ", "٣. ", "```", "~~~", "!!! note ", "??? tip ",
              "=", "===", "---", "***", "___", "[^1]: ", "*[MSC]: ", "[ref]: http://x.org", "--8<-- \"a.md\"",
              "<div>", "<div markdown>", "</div>", "<span>", "<!-- c -->", "<!--", "![a](b.png)", "| a | b |",
              "| --- | --- |", "    ", "\t", "  ", "_x_", "?", "!", "<", "`x`", "|", "\u3000"]
    documents = ["\n".join(rng.choice(starts) + random_text(rng, 6) for _ in range(rng.randint(1, 30)))
                 for _ in range(SAMPLES)]
    fast = [blocks.prose_units(document) for document in documents]
    monkeypatch.setattr(blocks, "_is_plain_text", lambda body: False)
    for document, units in zip(documents, fast):
        assert blocks.prose_units(document) == units, document


def test_a_unit_checked_alone_or_with_its_page_gives_the_same_result():
    """A page shares its citation memo and its page-wide look between units; a unit alone has neither."""
    text = (ROOT / "docs" / "case" / "index.md").read_text(encoding="utf-8") + "\n\nA [@nokey] and [@key] [@key].\n"
    page = rules.PageContext()
    for unit in blocks.prose_units(text):
        assert rules.check_unit("p.md", unit, {"key"}, blocks.unit_text(unit), page) == \
            rules.check_unit("p.md", unit, {"key"})
    assert page.citation_memo  # the memo was used
