"""Write the Sources page: every reference, its kind of evidence, and where it is cited.

A reviewer can start from a source and reach every section that rests on it.
This writes HTML for the site, so it lives beside the MkDocs adapter, not in
claimcheck/, which holds only plain checks; it needs nothing from MkDocs.
"""

import re
import unicodedata
from html import escape

from claimcheck.bibliography import EVIDENCE_LABELS

# The LaTeX accents BibTeX files use, as Unicode combining marks.
_ACCENTS = {"`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", '"': "\u0308", "c": "\u0327", "v": "\u030c", "u": "\u0306"}
_ACCENT = re.compile(r"\\([`'^~=.\"]|[cvu](?=[{\s]))\s*\{?([A-Za-z])\}?")

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
    names = [name.strip() for name in re.split(r"\s+and\s+", _plain(raw))]
    shown = [_short_name(name) for name in names if name != "others"][:3]
    more = len(names) > 3 or "others" in names
    return ", ".join(shown) + (", et al. " if more else ". ")


def _short_name(name):
    if "," not in name:
        return name
    last, first = (part.strip() for part in name.split(",", 1))
    initials = "".join(part[0] for part in re.split(r"[\s.-]+", first) if part)
    return f"{last} {initials}"


def _venue(fields):
    where = escape(_plain(fields.get("journal") or fields.get("howpublished") or ""))
    year = escape(fields.get("year", ""))
    text = f"<em>{where}</em>" if fields.get("journal") else where
    return f"{text}{', ' if text else ''}{year}."


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


def _plain(text):
    """BibTeX text as plain Unicode: accents decoded, protective braces removed."""
    text = _ACCENT.sub(lambda m: m.group(2) + _ACCENTS[m.group(1)], text)
    return unicodedata.normalize("NFC", re.sub(r"[{}]", "", text))


def _plural(label):
    label = label.split(" (")[0]
    return {"Regulator or patient information": "Regulator and patient information",
            "Laboratory or animal study": "Laboratory and animal studies",
            "Case series": "Case series",
            "Expert review": "Expert reviews"}.get(label, label + "s")
