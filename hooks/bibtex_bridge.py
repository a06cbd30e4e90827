"""Every point where our build hook depends on mkdocs-bibtex 4.4.0, in one place.

mkdocs-bibtex is archived (no longer maintained), so what we rely on is
written down here and each point is pinned by a test in tests/test_adapter.py.
When the plugin is replaced or upgraded, read this list first.

1. Event priorities. The plugin runs `on_config` and `on_page_markdown` at
   priority 0 (MkDocs' default); plugins run before hooks at equal priority.
   Our events that must come first use BEFORE_BIBTEX (50): on_config, to read
   refs.bib with located messages before pybtex reads it, and
   on_page_markdown, to see the raw `[@key]` citations and to insert the
   includes/ snippets before the plugin turns citations into footnotes.
2. Its settings. It is registered as `bibtex` (PLUGIN_NAME); we read its
   `bib_file` (bib_path) so both readers check the same file, and require its
   `footnote_format` to be `{key}` (the default), because the reference list
   is found by the footnote ids `fn:KEY` (point 4).
3. Its citation pattern. It takes any `[...]` holding `@word` as a citation,
   even inside inline code, and replaces citations by their text, everywhere
   on the page. So a bad citation is disarmed at its own position, by
   dropping its `@` (disarm_citations), and HTML we add that shows `[@key]` to
   an editor has its `@` written as `&#64;` (escape_citation_syntax).
4. Its footnote HTML. It writes each reference as a Markdown footnote named by
   its key, which Python-Markdown renders as `<li id="fn:KEY">… <a
   class="footnote-backref" …>`; REFERENCE_ITEM finds that item, so the
   evidence label can go in front of the back-link. REFERENCE_TEXT finds the
   reference's own text in it, so we can write it in our short style, and
   REFERENCE_LIST finds the `<div class="footnote">` holding the list, so it
   can have a heading.
5. The guard around its on_config. pybtex raises a traceback for a file it
   cannot read (for example a key repeated in another case, which our reader
   reports as BIB002). guard_on_config wraps the plugin's own event inside
   MkDocs' list of config events so that any such error becomes one located
   line, BIB001, and never a traceback.
6. Its bib_file setting, changed under `mkdocs serve` only: while refs.bib is
   damaged, use_bibliography_text points the plugin at a copy without the
   damaged entries, so the preview keeps working and shows what to fix.
   The plugin resolves the setting from mkdocs.yml's folder, and an
   absolute path stays as it is.
7. Its reference text. Without a CSL file it formats references with
   pybtex's "plain" style, which lower-cases most titles ("Kdigo") and lists
   every author. hooks/mkdocs_references.py replaces that text, found by
   REFERENCE_TEXT, with our own short style, which keeps titles as typed
   (tests/test_references.py).
8. Its registry. Formatting every citation with pybtex took a quarter of the
   build, only for point 7 to throw the text away. The plugin's on_config
   makes `registry` (a SimpleRegistry when no CSL file is set), and its
   on_page_markdown asks `registry.reference_text(citation)` for each
   reference; skip_plugin_reference_text makes that return the key, which
   point 7 then replaces. If the plugin changes, the references are only
   formatted twice again, never lost.
"""

import os
import re

from mkdocs.exceptions import PluginError

from claimcheck.findings import finding

PLUGIN_NAME = "bibtex"
BIBTEX_PRIORITY = 0   # the plugin's on_config and on_page_markdown (MkDocs' default)
BEFORE_BIBTEX = 50    # for our events that must see refs.bib and `[@key]` first
FOOTNOTE_FORMAT = "{key}"

# One reference in the page's list: the text before its back-link, then the back-link.
REFERENCE_ITEM = re.compile(r'(<li id="fn:(?P<key>[^"]+)">.*?)(<a class="footnote-backref")', re.S)

# One reference's text, as the plugin wrote it: after its item's <p>, up to the space (`&#160;`, from
# Python-Markdown) before our evidence label or its back-link.
REFERENCE_TEXT = re.compile(r'(<li id="fn:(?P<key>[^"]+)">\s*<p>)(?P<text>.*?)'
                            r'(?=(?:\s|&#160;)*(?:<span class="evidence-label">|<a class="footnote-backref"))', re.S)
# Where Python-Markdown puts the page's footnotes, the plugin's references among them.
REFERENCE_LIST = '<div class="footnote">'

_DISARMED = "[citation problem: {shown}]"


def bib_path(config):
    """The absolute path of the plugin's `bib_file`; a one-line error if it is not set up."""
    bibtex = config.plugins.get(PLUGIN_NAME)
    if bibtex is None or not bibtex.config.bib_file:
        raise PluginError("mkdocs.yml: the claim checks need the bibtex plugin with `bib_file:` set.")
    if bibtex.config.footnote_format != FOOTNOTE_FORMAT:
        raise PluginError(f"mkdocs.yml: the claim checks need the bibtex plugin's `footnote_format` to be "
                          f"`{FOOTNOTE_FORMAT}` (its default); remove the setting.")
    return os.path.join(os.path.dirname(config.config_file_path), bibtex.config.bib_file)


def skip_plugin_reference_text(config):
    """Point 8: the plugin writes each reference as its key; mkdocs_references.py writes the text."""
    registry = getattr(config.plugins.get(PLUGIN_NAME), "registry", None)
    if registry is not None and callable(getattr(registry, "reference_text", None)):
        registry.reference_text = _key_only


def _key_only(citation):
    return citation.key


def use_bibliography_text(config, text, folder):
    """Make the plugin read `text` instead of its bib_file (a file written in `folder`)."""
    path = os.path.join(folder, "refs-usable-part.bib")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    config.plugins.get(PLUGIN_NAME).config.bib_file = path
    return path


def guard_on_config(config, bib_name):
    """Turn any crash of the plugin's own reading of the bibliography into a one-line error.

    Our reader has already accepted the file, so this only matters where pybtex
    disagrees with it; wrapping the plugin's event costs nothing, where parsing
    the file a second time to be sure cost a few per cent of a build.
    """
    events = config.plugins.events["config"]
    bibtex = config.plugins.get(PLUGIN_NAME)
    for index, method in enumerate(events):
        if getattr(method, "__self__", None) is bibtex:
            events[index] = _without_traceback(method, bib_name)


def _without_traceback(method, bib_name):
    def guarded(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except PluginError:
            raise
        except Exception as error:  # pybtex raises many types; all mean "cannot read".
            problem = finding(bib_name, 1, 1, "BIB001", situation="plugin-failed", error=error)
            raise PluginError(problem.as_text()) from None
    return guarded


def disarm_citations(markdown, findings, first_line=1):
    """The Markdown with each bad citation a finding points at shown as plain text.

    Left alone, the plugin would log its own warning and delete the citation,
    so the preview would hide what to fix. Each citation is found by the
    finding's line and column (the Markdown's first line being `first_line` of
    the file), never by its text: the same `[@key]` may also stand, valid,
    elsewhere on the page. A finding whose text is not at its position is
    left alone; it still fails a strict build.
    """
    line_starts = _line_starts(markdown)
    spans = []
    for found in findings:
        if not (found.code.startswith("CITE") and found.sentence):
            continue
        index = found.line - first_line
        if not 0 <= index < len(line_starts):
            continue
        start = line_starts[index] + found.column - 1
        if markdown.startswith(found.sentence, start):
            spans.append((start, start + len(found.sentence)))
    # From the end, so that each replacement leaves the earlier offsets valid.
    for start, end in sorted(set(spans), reverse=True):
        shown = markdown[start + 1:end - 1].replace("@", "")
        markdown = markdown[:start] + _DISARMED.format(shown=shown) + markdown[end:]
    return markdown


def escape_citation_syntax(html_text):
    """HTML that the plugin will not read as citations: `[@key]` shown to an editor stays as typed."""
    return html_text.replace("@", "&#64;")


def add_to_reference_items(html_text, extra_html):
    """The page's HTML with `extra_html(key)` put before the back-link of each reference.

    `extra_html` returns "" for a key that gets nothing.
    """

    def insert(match):
        extra = extra_html(match.group("key"))
        return f"{match.group(1)}{extra} {match.group(3)}" if extra else match.group(0)

    return REFERENCE_ITEM.sub(insert, html_text)


def replace_reference_text(html_text, text_html):
    """The page's HTML with each reference's text replaced by `text_html(key)`.

    `text_html` returns "" for a key to leave as it is (an editor's own footnote).
    """

    def replace(match):
        text = text_html(match.group("key"))
        return f"{match.group(1)}{text}" if text else match.group(0)

    return REFERENCE_TEXT.sub(replace, html_text)


def reference_keys(html_text):
    """The keys of the page's footnotes, in the order of its list."""
    return [match.group("key") for match in REFERENCE_ITEM.finditer(html_text)]


def add_reference_list_heading(html_text, heading_html):
    """The page's HTML with `heading_html` just before its list of footnotes (unchanged if it has none)."""
    return html_text.replace(REFERENCE_LIST, f"{heading_html}\n{REFERENCE_LIST}", 1)


def _line_starts(text):
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts
