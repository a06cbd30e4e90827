"""Content rules that read a page's Markdown: news citations and rates on different bases.

tests/test_content_rules.py applies them to every page and snippet, and to
small examples that must fail. They reuse the claim checker's reader
(hooks/claimcheck/), so a "sentence" and a "paragraph" mean the same here
as in the citation rules.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from claimcheck.blocks import prose_units, unit_text  # noqa: E402
from claimcheck.citations import cited_keys  # noqa: E402
from claimcheck.frontmatter import front_matter_lines  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402

NEWS_KIND = "news report"
PRESS_KEY = "zhongshan_press"
# Sentences that report what the news said must cite a news report.
_SAYS_WHAT_NEWS_SAID = re.compile(r"^\W*News reports\b|reported in the news|news reports? said|^\W*据新闻报道|"
                                  r"新闻报道(?:说|称)", re.I)
# Sentences that mention the news or the press at all may cite the press article
# (in Chinese: 新闻, 报道, 报纸, 媒体).
_MENTIONS_NEWS = re.compile(r"\bnews\b|\bpress\b|\bnewspapers?\b|新闻|报道|报纸|媒体", re.I)

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15,
                 "twenty": 20, "fifty": 50, "hundred": 100, "a hundred": 100, "thousand": 1000,
                 "a thousand": 1000}
_COUNT = r"\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "1 in 13", "8 in 100", "one in five": a rate, whose base is the number after "in".
_RATE = re.compile(rf"\b(?:{_COUNT})\s+in\s+(?P<base>{_COUNT})\b", re.I)


def sentences_of(text):
    """(line, sentence text, cited keys) for each sentence of a page or snippet."""
    skipped = front_matter_lines(text)
    body = text.split("\n", skipped)[-1] if skipped else text
    found = []
    for unit in prose_units(body, first_line=skipped + 1):
        if unit.kind == "table header":
            continue
        joined, starts = unit_text(unit)
        sentences, _, _ = split_sentences(joined)
        for sentence in sentences:
            keys = [key for citation in sentence.citations if not citation.in_code
                    for key in cited_keys(citation.raw)]
            found.append((_line_of(unit, starts, sentence.start), sentence.text, keys))
    return found


def news_citation_problems(path, text, kinds):
    """Sentences that say what the news said without citing a news report, and
    citations of the press article in sentences that do not mention the news.

    `kinds` maps each bibliography key to its evidence kind.
    """
    problems = []
    for line, sentence, keys in sentences_of(text):
        one_line = " ".join(sentence.split())
        if _SAYS_WHAT_NEWS_SAID.search(one_line) and not any(kinds.get(k) == NEWS_KIND for k in keys):
            problems.append(f"{path}:{line}: says what the news reported but cites no news report: {one_line}")
        if PRESS_KEY in keys and not _MENTIONS_NEWS.search(one_line):
            problems.append(f"{path}:{line}: cites {PRESS_KEY} for something other than what the news "
                            f"reported: {one_line}")
    return problems


def mixed_base_problems(path, text):
    """Paragraphs, list items and table rows that compare rates on different bases ("1 in 13" and "1 in 5")."""
    skipped = front_matter_lines(text)
    body = text.split("\n", skipped)[-1] if skipped else text
    problems = []
    for unit in prose_units(body, first_line=skipped + 1):
        joined = " ".join(unit_text(unit)[0].split())
        rates = list(_RATE.finditer(joined))
        if len({_value(rate.group("base")) for rate in rates}) > 1:
            shown = ", ".join(f'"{rate.group(0)}"' for rate in rates)
            problems.append(f"{path}:{unit.lines[0].number}: rates on different bases ({shown}): {joined}")
    return problems


def _value(count):
    count = count.lower().replace(",", "")
    return int(count) if count.isdigit() else _NUMBER_WORDS[count]


def _line_of(unit, starts, offset):
    index = max(number for number, start in enumerate(starts) if start <= offset)
    return unit.lines[index].number
