"""Each page's reference list in our own short style, under a "References" heading.

mkdocs-bibtex writes references in pybtex's "plain" style: every author,
and web addresses printed in full, such as a long PubMed search address.
Readers found the list hard to use. This hook rewrites each reference's text
from refs.bib, as the Sources page shows it: the first three authors then
"et al.", the title, where and when it was published, and links named in
words ("DOI 10.…", "PubMed 123…", "search PubMed for this title", "web page
(nhs.uk)"). The evidence label and the back-links stay as they were.

Every point where this depends on the plugin's HTML is in bibtex_bridge.py;
the wording of a reference is in sources_page.py, shared with the Sources page.
On a Chinese page the heading and the links' words are in Chinese
(interface_text.py); the references themselves stay as refs.bib writes them.
"""

import html

from mkdocs.structure.toc import AnchorLink

from bibtex_bridge import (add_reference_list_heading, bib_path, reference_keys, replace_reference_text,
                           skip_plugin_reference_text)
from claimcheck.bibliography import read_bibliography
from claimcheck.findings import InputError
from i18n_bridge import current_language
from interface_text import words
from sources_page import reference_html

# The same in every language, so a link to a page's references works in both.
HEADING_ID = "references"

_state = {"entries": {}}


def on_config(config):
    # This hook writes every reference's text, so the plugin need not format it first
    # (after the plugin's own on_config, which makes a new registry on each rebuild).
    skip_plugin_reference_text(config)
    # mkdocs_checks.py has already read refs.bib, with located messages, before this runs
    # (and under `mkdocs serve` pointed the plugin at the usable part of a damaged file);
    # reading it again costs about 20 ms and keeps the two hooks independent.
    path = bib_path(config)
    with open(path, "rb") as handle:
        text = handle.read()
    if _state.get("read") == (path, text):
        return config  # unchanged since the last build (each language is one; `serve` rebuilds)
    try:
        _state["entries"] = read_bibliography(path).by_key()
    except InputError:
        # Already reported by mkdocs_checks.py; the references keep the plugin's own wording.
        _state["entries"] = {}
    _state["read"] = (path, text)
    return config


def on_page_content(html_text, *, page, config, files):
    entries = _state["entries"]
    if not any(key in entries for key in reference_keys(html_text)):
        return html_text  # no reference list; an editor's own footnotes keep their look
    language = current_language(config)
    html_text = replace_reference_text(
        html_text, lambda key: reference_html(entries[key], language) if key in entries else "")
    if f'id="{HEADING_ID}"' in html_text:
        return html_text  # the page already has a part with this name
    title = words("references", language)
    _add_to_contents(page, title)
    return add_reference_list_heading(html_text, heading_html(title, language))


def heading_html(title, language):
    """The heading above the reference list, with its ¶ link as Markdown's other headings have."""
    return (f'<h2 id="{HEADING_ID}">{html.escape(title)}<a class="headerlink" href="#{HEADING_ID}" '
            f'title="{html.escape(words("permanent link", language))}">&para;</a></h2>')


def _add_to_contents(page, title):
    """List the heading in the page's contents (the right-hand menu), under the page's title."""
    toc = list(page.toc)
    parent = toc[0].children if len(toc) == 1 and toc[0].level == 1 else page.toc.items
    parent.append(AnchorLink(html.escape(title), HEADING_ID, 2))
