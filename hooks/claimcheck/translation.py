"""PARITY001–004: a translated page keeps up with its English page.

Translations on health sites are usually checked by people only. Here the
build checks what a machine can: that a Chinese page (page.zh.md) cites the
same sources, in the same order, section by section, as its English page
(page.md); that it keeps the shared safety and help boxes; that it was
reviewed on or after the English page's review; and that every page has its
counterpart in the other language.
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


def english_path(translated):
    """docs/case/index.zh.md -> docs/case/index.md"""
    return translated[:-len(SUFFIX)] + ".md"


def translated_path(english):
    return english[:-len(".md")] + SUFFIX


def parity_findings(zh_path, zh_text, en_text):
    """PARITY001, PARITY002 and PARITY003 for a translated page and its English page."""
    return (_citation_findings(zh_path, zh_text, en_text) + _box_findings(zh_path, zh_text, en_text)
            + _freshness_findings(zh_path, zh_text, en_text))


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
    found, fence = [("", 1, [])], None
    for number, line in enumerate(text.split("\n"), start=1):
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
        _, citations, _ = hide_non_prose(line)
        for citation in citations:
            if not citation.in_code:
                found[-1][2].extend((key, number) for key in cited_keys(citation.raw))
    return found


def _citation_findings(zh_path, zh_text, en_text):
    zh_sections, en_sections = sections(zh_text), sections(en_text)
    if len(zh_sections) != len(en_sections):
        return [finding(zh_path, 1, 1, "PARITY001", situation="sections", zh=len(zh_sections) - 1,
                        en=len(en_sections) - 1)]
    found = []
    for index, ((heading, line, zh_keys), (en_heading, _, en_keys)) in enumerate(zip(zh_sections, en_sections)):
        zh_list, en_list = [key for key, _ in zh_keys], [key for key, _ in en_keys]
        if zh_list == en_list:
            continue
        first = next((i for i, (a, b) in enumerate(zip(zh_list, en_list)) if a != b), min(len(zh_list), len(en_list)))
        where = zh_keys[first][1] if first < len(zh_keys) else line
        found.append(finding(zh_path, where, 1, "PARITY001", situation="keys", section=en_heading or "the opening",
                             zh=", ".join(zh_list) or "none", en=", ".join(en_list) or "none"))
    return found


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
