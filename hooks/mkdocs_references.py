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
"""

import html

from mkdocs.structure.toc import AnchorLink

from bibtex_bridge import add_reference_list_heading, bib_path, reference_keys, replace_reference_text
from claimcheck.bibliography import read_bibliography
from claimcheck.findings import InputError
from sources_page import reference_html

HEADING_ID = "references"
HEADING_TITLE = "References"
HEADING_HTML = (f'<h2 id="{HEADING_ID}">{HEADING_TITLE}<a class="headerlink" href="#{HEADING_ID}" '
                f'title="Permanent link">&para;</a></h2>')

_state = {"entries": {}}


def on_config(config):
    # mkdocs_checks.py has already read refs.bib, with located messages, before this runs
    # (and under `mkdocs serve` pointed the plugin at the usable part of a damaged file);
    # reading it again costs about 20 ms and keeps the two hooks independent.
    try:
        _state["entries"] = read_bibliography(bib_path(config)).by_key()
    except InputError:
        # Already reported by mkdocs_checks.py; the references keep the plugin's own wording.
        _state["entries"] = {}
    return config


def on_page_content(html_text, *, page, config, files):
    entries = _state["entries"]
    if not any(key in entries for key in reference_keys(html_text)):
        return html_text  # no reference list; an editor's own footnotes keep their look
    html_text = replace_reference_text(html_text, lambda key: reference_html(entries[key]) if key in entries else "")
    if f'id="{HEADING_ID}"' in html_text:
        return html_text  # the page already has a part with this name
    _add_to_contents(page)
    return add_reference_list_heading(html_text, HEADING_HTML)


def _add_to_contents(page):
    """List the heading in the page's contents (the right-hand menu), under the page's title."""
    toc = list(page.toc)
    parent = toc[0].children if len(toc) == 1 and toc[0].level == 1 else page.toc.items
    parent.append(AnchorLink(html.escape(HEADING_TITLE), HEADING_ID, 2))
