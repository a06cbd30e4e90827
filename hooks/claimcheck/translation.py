"""PARITY001–005: a translated page keeps up with its English page.

Translations on health sites are usually checked by people only. Here the
build checks what a machine can: that a Chinese page (page.zh.md) cites the
same sources, in the same order, section by section, as its English page
(page.md); that it keeps the shared safety and help boxes; that it was
reviewed on or after the English page's review; that every page has its
counterpart in the other language; and that each section tells the reader
not to stop their medicines as often as the English section does.
"""

import re

from .citations import cited_keys
from .findings import finding
from .frontmatter import FrontMatterError, field_line, split_front_matter
from .metadata import as_date
from .sentences import hide_non_prose

SUFFIX = ".zh.md"
_FENCE = re.compile(r"^\s*(```|~~~)")
_SECTION = re.compile(r"^##\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_SNIPPET = re.compile(r'^\s*-{1,2}8<-{1,2}\s+"([^"]+)"\s*$')
# The shared boxes every translated page must keep where the English page has them.
KEPT_BOXES = ("safety-box", "get-help")
# "Never stop your medicines on your own", in the words the pages use: a "not" word, then
# stopping, then a medicine, within one sentence ("do not stop or lower any medicine",
# "never to stop your medicines"); in Chinese 不要/千万不要/切勿/别 … 停 … 药 ("不要自行停药",
# "千万不要自己停用或更改抗排斥药"). A comma may come between, not a full stop. Not: "we do
# not know who could safely stop medicines", "要不要询问…停用抗排斥药" (whether to ask).
NEVER_STOP = {
    "en": re.compile(r"\b(?:never|not|n't)\s+(?:[\w,]+\s+){0,3}?stop\b[^.!?;]{0,60}?\bmedicines?\b", re.IGNORECASE),
    "zh": re.compile(r"(?:(?<!要)不要|切勿|别)[^。！？；.!?]{0,20}?停[^。！？；.!?]{0,16}?药"),
}


def english_path(translated):
    """docs/case/index.zh.md -> docs/case/index.md"""
    return translated[:-len(SUFFIX)] + ".md"


def translated_path(english):
    return english[:-len(".md")] + SUFFIX


def parity_findings(zh_path, zh_text, en_text):
    """PARITY001, PARITY002, PARITY003 and PARITY005 for a translated page and its English page."""
    return (_citation_findings(zh_path, zh_text, en_text) + _box_findings(zh_path, zh_text, en_text)
            + _freshness_findings(zh_path, zh_text, en_text) + _never_stop_findings(zh_path, zh_text, en_text))


def missing_counterparts(paths):
    """PARITY004 for each English page without its translation and each translation without its page."""
    present = set(paths)
    found = []
    for path in sorted(present):
        other = english_path(path) if path.endswith(SUFFIX) else translated_path(path)
        if other not in present:
            situation = "no-english" if path.endswith(SUFFIX) else "no-translation"
            found.append(finding(path, 1, 1, "PARITY004", situation=situation, other=other))
    return found


def sections(text):
    """[(heading, line, [(key, line), ...])] of a page's body: one section before the first
    `##` heading, then one for each; citations in code are left out."""
    return [(heading, line, _keys(lines)) for heading, line, lines in _section_lines(text)]


def _keys(lines):
    """[(key, line), ...] cited in a section's lines, outside code."""
    return [(key, number) for number, _, citations in lines for citation in citations
            if not citation.in_code for key in cited_keys(citation.raw)]


def _section_lines(text):
    """[(heading, line, [(number, prose, citations), ...])]: each section's lines outside code
    blocks, with code, link addresses and comments blanked out of the prose."""
    found, fence = [("", 1, [])], None
    lines = text.split("\n")
    for number, line in enumerate(lines[_front_matter_lines(lines):], start=_front_matter_lines(lines) + 1):
        opener = _FENCE.match(line)
        if opener:
            fence = None if fence and line.strip().startswith(fence) else (fence or opener.group(1))
            continue
        if fence:
            continue
        heading = _SECTION.match(line)
        if heading:
            found.append((heading.group(1), number, []))
            continue
        prose, citations, _ = hide_non_prose(line)
        found[-1][2].append((number, prose, citations))
    return found


def _front_matter_lines(lines):
    """How many lines the front matter (between two `---` lines at the top) takes; 0 if none."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((index + 1 for index, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)


def _citation_findings(zh_path, zh_text, en_text):
    zh_sections, en_sections = sections(zh_text), sections(en_text)
    if len(zh_sections) != len(en_sections):
        return [finding(zh_path, 1, 1, "PARITY001", situation="sections", zh=len(zh_sections) - 1,
                        en=len(en_sections) - 1)]
    found = []
    for index, ((heading, line, zh_keys), (en_heading, _, en_keys)) in enumerate(zip(zh_sections, en_sections)):
        zh_keys, en_keys = _without_repeats(zh_keys), _without_repeats(en_keys)
        zh_list, en_list = [key for key, _ in zh_keys], [key for key, _ in en_keys]
        if zh_list == en_list:
            continue
        first = next((i for i, (a, b) in enumerate(zip(zh_list, en_list)) if a != b), min(len(zh_list), len(en_list)))
        where = zh_keys[first][1] if first < len(zh_keys) else line
        found.append(finding(zh_path, where, 1, "PARITY001", situation="keys", section=en_heading or "the opening",
                             zh=", ".join(zh_list) or "none", en=", ".join(en_list) or "none"))
    return found


def _without_repeats(keys):
    """The citations with a key cited again straight after itself counted once: a translator who
    splits a long sentence in two cites its source on both halves, as CLAIM001 asks."""
    return [pair for index, pair in enumerate(keys) if index == 0 or keys[index - 1][0] != pair[0]]


def _box_findings(zh_path, zh_text, en_text):
    zh_boxes, en_boxes = _boxes(zh_text), _boxes(en_text)
    return [finding(zh_path, 1, 1, "PARITY002", box=f"{box}.zh.md", english=f"{box}.md")
            for box in KEPT_BOXES if box in en_boxes and box not in zh_boxes]


def _boxes(text):
    names = set()
    for line in text.split("\n"):
        match = _SNIPPET.match(line)
        if match:
            names.add(match.group(1).removesuffix(".md").removesuffix(".zh"))
    return names


def _never_stop_findings(zh_path, zh_text, en_text):
    """PARITY005 for each section whose Chinese tells the reader fewer times than the English not to
    stop their medicines. Sections are compared by position (PARITY001 reports a different number)."""
    zh_sections, en_sections = _section_lines(zh_text), _section_lines(en_text)
    if len(zh_sections) != len(en_sections):
        return []
    found = []
    for (_, line, zh_lines), (en_heading, _, en_lines) in zip(zh_sections, en_sections):
        zh_count, en_count = _never_stop_count(zh_lines, "zh"), _never_stop_count(en_lines, "en")
        if zh_count < en_count:
            found.append(finding(zh_path, line, 1, "PARITY005", section=en_heading or "the opening",
                                 en=en_count, zh=zh_count))
    return found


def _never_stop_count(lines, language):
    return sum(len(NEVER_STOP[language].findall(prose)) for _, prose, _ in lines)


def _freshness_findings(zh_path, zh_text, en_text):
    zh_date, en_date = _reviewed(zh_text), _reviewed(en_text)
    if zh_date is None or en_date is None or zh_date >= en_date:
        return []
    return [finding(zh_path, field_line(zh_text, "last_reviewed"), 1, "PARITY003", zh=zh_date.isoformat(),
                    en=en_date.isoformat())]


def _reviewed(text):
    """The page's `last_reviewed`, or None when it cannot be read (META001–002, META005 say why)."""
    try:
        meta, _, _ = split_front_matter(text)
    except FrontMatterError:
        return None
    return as_date(meta.get("last_reviewed"))


def parity_fingerprint(text):
    """What the translation checks compare in a page, and nothing else: its citations section by
    section, its shared boxes, its review date and its "never stop" sentences. When it has not
    changed, the findings on the page in the other language cannot have changed either."""
    by_section = [([key for key, _ in _keys(lines)],
                   sum(len(pattern.findall(prose)) for pattern in NEVER_STOP.values() for _, prose, _ in lines))
                  for _, _, lines in _section_lines(text)]
    return repr((by_section, sorted(_boxes(text)), str(_reviewed(text))))
