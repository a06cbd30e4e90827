"""Write the Sources page: every reference, its kind of evidence, and where it is cited.

A reviewer can start from a source and reach every section that rests on it.
This writes HTML for the site, so it lives beside the MkDocs adapter, not in
claimcheck/, which holds only plain checks; it needs nothing from MkDocs.
"""

import codecs
import functools
import re
import unicodedata
from html import escape

import latexcodec  # noqa: F401  (registers the "ulatex" codec; installed with pybtex)

from claimcheck.bibliography import EVIDENCE_LABELS, names

# A bare % is a percent sign to an editor, but would start a LaTeX comment and hide the rest.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
# A command latexcodec does not turn into a character (\emph, \textit): its text stays, the name goes.
_LEFTOVER_COMMAND = re.compile(r"\\[A-Za-z]+\s*")
# Text without any of these is plain already; decoding it would only cost time (most of the page's).
_LATEX_SIGN = re.compile(r"[\\~{}$`'%]|--")

PLACEHOLDER = "<!-- sources-list -->"


def sources_markdown(bibliography, citations_by_key, link_to):
    """Markdown for all references, grouped by kind of evidence, strongest first.

    citations_by_key maps a key to [(page title, section heading, page path)];
    link_to(page path, heading) returns the URL of that section. Headings are
    Markdown, so they join the page's contents list; each reference is plain
    HTML, which Markdown passes through untouched, because parsing hundreds
    of generated links was the slowest part of the whole check.
    """
    parts = []
    for kind, label in EVIDENCE_LABELS.items():
        entries = sorted((e for e in bibliography.entries if e.fields.get("evidence", "").lower() == kind),
                         key=lambda e: (_plain(e.fields.get("author", e.fields.get("title", ""))).lower(), e.key))
        if not entries:
            continue
        parts.append(f"## {_plural(label)}\n")
        for entry in entries:
            parts.append(_reference(entry, citations_by_key.get(entry.key, []), link_to))
    return "\n".join(parts)


def _reference(entry, citations, link_to):
    fields = entry.fields
    return (f'<div class="reference" id="ref-{entry.key}">\n'
            f"<p><strong>{escape(_plain(fields.get('title', '')))}</strong><br>\n"
            f"{escape(_authors(fields.get('author', '')))}{_venue(fields)}</p>\n"
            f"<ul>\n<li>Kind of evidence: {escape(entry.evidence_label())}</li>\n"
            f"<li>Find it: {_locators(fields) or _where_published(fields)}</li>\n"
            f"{_checked_on(entry)}"
            f"<li>Cited on: {_cited_on(citations, link_to)}</li>\n</ul>\n</div>\n")


def _checked_on(entry):
    day = entry.checked_on()
    return f"<li>We last checked this page on {day}.</li>\n" if day else ""


def _authors(raw):
    if not raw:
        return ""
    people = names(raw)
    shown = [_short_name(name) for name in [name for name in people if name != "others"][:3]]
    more = len(people) > 3 or "others" in people
    return ", ".join(shown) + (", et al. " if more else ". ")


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


def _locators(fields):
    links = []
    if fields.get("doi"):
        links.append(_link(f"https://doi.org/{fields['doi']}", f"DOI {fields['doi']}"))
    if fields.get("pmid"):
        links.append(_link(f"https://pubmed.ncbi.nlm.nih.gov/{fields['pmid']}/", f"PubMed {fields['pmid']}"))
    if fields.get("url"):
        links.append(_link(fields["url"], _link_name(fields["url"])))
    return " · ".join(links)


def _where_published(fields):
    # A news report with no stable web address (a post on a hospital's social-media account).
    return escape(_plain(fields.get("howpublished", ""))) or "no web address"


def _link_name(url):
    if "pubmed.ncbi.nlm.nih.gov/?term=" in url:
        return "search PubMed for the title"
    return "web page (" + re.sub(r"^https?://(www\.)?", "", url).split("/")[0] + ")"


def _cited_on(citations, link_to):
    if not citations:
        return "not cited on any page yet"
    seen, links = set(), []
    for title, heading, path in citations:
        if (path, heading) in seen:
            continue
        seen.add((path, heading))
        name = title if not heading or heading == title else f"{title}: {heading}"
        links.append(_link(link_to(path, heading), name))
    return " · ".join(links)


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


def _plural(label):
    label = label.split(" (")[0]
    return {"Regulator or patient information": "Regulator and patient information",
            "Laboratory or animal study": "Laboratory and animal studies",
            "Case series": "Case series",
            "Expert review": "Expert reviews"}.get(label, label + "s")
