"""Write the Sources page: every reference, its kind of evidence, and where it is cited.

A reviewer can start from a source and reach every section that rests on it.
reference_html also gives the wording of each reference in the lists at the
foot of the pages (hooks/mkdocs_references.py), so both read alike.
This writes HTML for the site, so it lives beside the MkDocs adapter, not in
claimcheck/, which holds only plain checks; it needs nothing from MkDocs.
Its words come from interface_text.py, in the language of the page it is on
("en" or "zh"); the references themselves stay as refs.bib writes them.
"""

import codecs
import functools
import re
import unicodedata
from html import escape

import latexcodec  # noqa: F401  (registers the "ulatex" codec; installed with pybtex)

from claimcheck.bibliography import EVIDENCE_LABELS, names
from interface_text import ENGLISH, checked_on, evidence_label, group_heading, words

# A bare % is a percent sign to an editor, but would start a LaTeX comment and hide the rest.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
# A command latexcodec does not turn into a character (\emph, \textit): its text stays, the name goes.
_LEFTOVER_COMMAND = re.compile(r"\\[A-Za-z]+\s*")
# Text without any of these is plain already; decoding it would only cost time (most of the page's).
_LATEX_SIGN = re.compile(r"[\\~{}$`'%]|--")

PLACEHOLDER = "<!-- sources-list -->"


def sources_markdown(bibliography, citations_by_key, link_to, language=ENGLISH):
    """Markdown for all references, grouped by kind of evidence, strongest first.

    citations_by_key maps a key to [(page title, section heading, page path)];
    link_to(page path, heading) returns the URL of that section. Headings are
    Markdown, so they join the page's contents list; each reference is plain
    HTML, which Markdown passes through untouched, because parsing hundreds
    of generated links was the slowest part of the whole check.
    """
    parts = []
    for kind in EVIDENCE_LABELS:
        entries = sorted((e for e in bibliography.entries if e.fields.get("evidence", "").lower() == kind),
                         key=lambda e: (_plain(e.fields.get("author", e.fields.get("title", ""))).lower(), e.key))
        if not entries:
            continue
        parts.append(_group_heading(kind, language))
        for entry in entries:
            parts.append(_reference(entry, citations_by_key.get(entry.key, []), link_to, language))
    return "\n".join(parts)


def _group_heading(kind, language):
    """A group's heading, with the anchor Markdown makes of its English words in every language:
    Markdown makes none of Chinese words, and a link to the group then works in both."""
    heading = group_heading(kind, language)
    if language == ENGLISH:
        return f"## {heading}\n"
    anchor = re.sub(r"[^a-z0-9]+", "-", group_heading(kind, ENGLISH).lower()).strip("-")
    return f"## {heading} {{ #{anchor} }}\n"


def _reference(entry, citations, link_to, language):
    fields = entry.fields
    label = escape(evidence_label(entry, language))
    where = _locators(fields, language) or _where_published(fields, language)
    return (f'<div class="reference" id="ref-{entry.key}">\n'
            f"<p><strong>{escape(_plain(fields.get('title', '')))}</strong><br>\n"
            f"{escape(_authors(fields.get('author', '')))}{_venue(fields)}</p>\n"
            f"<ul>\n<li>{words('kind of evidence', language, label=label)}</li>\n"
            f"<li>{words('find it', language, links=where)}</li>\n"
            f"{_checked_on(entry, language)}"
            f"{_cited_on(citations, link_to, language)}</ul>\n</div>\n")


def reference_html(entry, language=ENGLISH):
    """One reference as the list at the foot of a page shows it, in the Sources page's style.

    "Smith A, Jones B, Brown C, et al. Title. <em>Journal</em>, 2020. <a>DOI 10.1000/x1</a>"
    Short author lists, and links named in words (a DOI, a PubMed number, or
    "search PubMed for this title"), never a raw web address.
    """
    fields = entry.fields
    title = escape(_plain(fields.get("title", "")))
    note = escape(_plain(fields.get("note", "")))
    parts = [f"{escape(_authors(fields.get('author', '')))}{title}{'' if title.endswith(('.', '?', '!')) else '.'}",
             _venue(fields)]
    if note:
        parts.append(note if note.endswith(".") else note + ".")
    locators = _locators(fields, language)  # none: the venue already says where it was published
    if locators:
        parts.append(locators + ".")
    return " ".join(part for part in parts if part)


def _checked_on(entry, language):
    day = checked_on(entry, language)
    return f"<li>{words('last checked', language, day=day)}</li>\n" if day else ""


def _authors(raw):
    if not raw:
        return ""
    people = names(raw)
    shown = [_short_name(name) for name in [name for name in people if name != "others"][:3]]
    more = len(people) > 3 or "others" in people
    if more:
        return ", ".join(shown) + ", et al. "
    # "Talaris Therapeutics Inc." already ends with its full stop.
    return ", ".join(shown) + (" " if shown[-1].endswith(".") else ". ")


def _short_name(name):
    """"Last, First Middle" as "Last FM"; a name in braces (an organisation) or "First Last" as it is."""
    if name.startswith("{") and name.endswith("}") or "," not in name:
        return _plain(name)
    last, first = (_plain(part).strip() for part in name.split(",", 1))
    initials = "".join(part[0] for part in re.split(r"[\s.-]+", first) if part)
    return f"{last} {initials}"


def _venue(fields):
    where = escape(_plain(fields.get("journal") or fields.get("howpublished") or ""))
    year = escape(fields.get("year", ""))
    text = f"<em>{where}</em>" if fields.get("journal") else where
    # "n.d." (no date) already ends with its full stop.
    return f"{text}{', ' if text else ''}{year}{'' if year.endswith('.') else '.'}"


def _locators(fields, language):
    links = []
    if fields.get("doi"):
        links.append(_link(f"https://doi.org/{fields['doi']}", f"DOI {fields['doi']}"))
    if fields.get("pmid"):
        links.append(_link(f"https://pubmed.ncbi.nlm.nih.gov/{fields['pmid']}/", f"PubMed {fields['pmid']}"))
    if fields.get("url"):
        links.append(_link(fields["url"], _link_name(fields["url"], language)))
    return " · ".join(links)


def _where_published(fields, language):
    # A news report with no stable web address (a post on a hospital's social-media account).
    return escape(_plain(fields.get("howpublished", ""))) or words("no web address", language)


def _link_name(url, language):
    if "pubmed.ncbi.nlm.nih.gov/?term=" in url:
        return words("pubmed search", language)
    return words("web page", language, host=re.sub(r"^https?://(www\.)?", "", url).split("/")[0])


def _cited_on(citations, link_to, language):
    """The "Cited on" item: one link per page, the page's sections folded beneath it.

    A source cited in many sections of several pages showed a wall of links;
    a reader now sees the pages, and opens a page's sections if they want them.
    """
    if not citations:
        return f"<li>{words('not cited', language)}</li>\n"
    sections_by_page = {}
    for title, heading, path in citations:
        sections = sections_by_page.setdefault((path, title), [])
        if heading and heading != title and heading not in sections:
            sections.append(heading)
    pages = [f"{_link(link_to(path, ''), title)}{_folded_sections(path, sections, link_to, language)}"
             for (path, title), sections in sections_by_page.items()]
    if len(pages) == 1:  # "Cited on: Glossary" reads better than a list of one
        return f"<li>{words('cited on one page', language, page=pages[0])}</li>\n"
    items = "".join(f"<li>{page}</li>\n" for page in pages)
    return f'<li>{words("cited on pages", language)}\n<ul class="cited-on">\n{items}</ul>\n</li>\n'


def _folded_sections(path, sections, link_to, language):
    if not sections:
        return ""
    count = (words("in one section", language) if len(sections) == 1
             else words("in sections", language, count=len(sections)))
    links = "".join(f"<li>{_link(link_to(path, heading), heading)}</li>\n" for heading in sections)
    return f"\n<details>\n<summary>{count}</summary>\n<ul>\n{links}</ul>\n</details>\n"


def _link(url, text):
    return f'<a href="{escape(url)}">{escape(text)}</a>'


@functools.lru_cache(maxsize=4096)  # names recur across entries, and serve rebuilds often
def _plain(text):
    """BibTeX text as a reader should see it: LaTeX decoded by latexcodec (`\\&` is &, `--` a dash,
    `~` a no-break space, `{\\'e}` é), protective braces and unknown commands removed."""
    if not _LATEX_SIGN.search(text):
        return unicodedata.normalize("NFC", text)
    decoded = codecs.decode(_BARE_PERCENT.sub(r"\\%", text), "ulatex")
    return unicodedata.normalize("NFC", re.sub(r"[{}]", "", _LEFTOVER_COMMAND.sub("", decoded)))

