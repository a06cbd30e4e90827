"""A quick preview: under `make serve`, rebuild only the pages an edit can change.

MkDocs rebuilds the whole site after every saved change, and with two
languages that took 3 to 4 seconds, so an editor waited to see each edit.
`make serve` starts MkDocs with `--dirty`, which rebuilds only the pages
MkDocs thinks are modified. MkDocs judges that by file times only, which
misses what our pages share, so this hook decides instead, from what each
file holds:

- a page whose text changed is rebuilt, and so is its page in the other
  language when what the translation checks compare changed (citations by
  section, shared boxes, review date, "never stop" sentences), because that
  page's box shows those checks (PARITY001–005);
- the Sources page, which lists every citation and the sections that cite it,
  is rebuilt when a page's citations or headings changed;
- every page is rebuilt when something they all use changes: mkdocs.yml (the
  menu and settings), refs.bib, terminology.yml, the shared text in
  includes/, the templates in overrides/, the hooks, or the list of pages.

The search index keeps the entries of the pages not rebuilt (search_bridge.py).
`mkdocs build` is never dirty, so nothing here changes the published site.
"""

import hashlib
import logging
import os
import re

from mkdocs.plugins import event_priority

import search_bridge
from claimcheck.translation import parity_fingerprint
from i18n_bridge import AFTER_I18N, DEFAULT_LANGUAGE, current_language
from sources_page import PLACEHOLDER as SOURCES_LIST

KINDS = ("text", "citations", "translation")
# What the Sources page shows of each page: its headings (the sections it links to) and the keys it cites.
HEADING = re.compile(r"^#{1,6}[ \t].*$", re.M)
CITATION_KEY = re.compile(r"@[\w:.+-]+")
# Files and folders (beside mkdocs.yml) whose change can alter every page.
SHARED_INPUTS = ("mkdocs.yml", "refs.bib", "terminology.yml", "includes", "overrides", "hooks")
# After mkdocs-static-i18n (-100) and the claim checks (AFTER_I18N) have picked this language's pages.
AFTER_CHECKS = AFTER_I18N - 10
# MkDocs warns about dirty builds on every rebuild; here the hook keeps the pages right.
DIRTY_WARNING = "A 'dirty' build is being performed"

_state = {"dirty": False, "root": None, "seen": {}, "rebuilt": {}, "round": None}


class _HideDirtyWarning(logging.Filter):
    def filter(self, record):
        return DIRTY_WARNING not in record.getMessage()


def on_startup(*, command, dirty):
    _state["dirty"] = command == "serve" and dirty
    if _state["dirty"]:
        logging.getLogger("mkdocs.commands.build").addFilter(_HideDirtyWarning())


def on_config(config):
    _state["root"] = os.path.dirname(config.config_file_path)
    if _state["dirty"]:
        search_bridge.stop_material_dirty_merge(config)
    return config


@event_priority(AFTER_CHECKS)
def on_files(files, *, config):
    if not _state["dirty"]:
        return files
    language = current_language(config)
    seen = _state["seen"].get(language, (None, {}))[1]
    pages = {file.src_uri: _fingerprints(file.content_string, seen.get(file.src_uri))
             for file in files.documentation_pages()}
    if language == DEFAULT_LANGUAGE or _state["round"] is None:
        # The default language is built first: a new rebuild starts.
        _state["round"] = {"shared": shared_fingerprint(_state["root"], _all_page_names(config)), "edited": {}}
    this_round = _state["round"]
    sources_pages = {file.src_uri for file in files.documentation_pages()
                     if SOURCES_LIST.encode() in file.content_bytes}
    edited = edited_pages(pages, this_round["shared"], _state["seen"].get(language))
    rebuild = pages_to_rebuild(pages, edited, this_round["edited"], sources_pages)
    this_round["edited"].update(edited)
    for file in files.documentation_pages():
        file.is_modified = (lambda modified: lambda: modified)(file.src_uri in rebuild)
    _state["seen"][language] = (this_round["shared"], pages)
    _state["rebuilt"][language] = ({file.url for file in files.documentation_pages() if file.src_uri in rebuild},
                                   rebuild == set(pages))
    return files


def edited_pages(pages, shared, previous):
    """{src_uri: the kinds of change} for each page ({src_uri: fingerprints}) that changed since the
    last build of the same language, given that build's (shared fingerprint, pages). The kinds are
    "text", "citations" (what the Sources page lists) and "translation" (what the translation checks
    compare). On the first build, or after a change to what every page uses, every page, with all three."""
    if previous is None or previous[0] != shared:
        return {uri: set(KINDS) for uri in pages}
    edited = {}
    for uri, fingerprints in pages.items():
        before = previous[1].get(uri, {})
        kinds = {kind for kind in KINDS if before.get(kind) != fingerprints[kind]}
        if kinds:
            edited[uri] = kinds
    return edited


def pages_to_rebuild(pages, edited, edited_in_other_language, sources_pages):
    """The edited pages; the pages whose other-language page changed in what the translation
    checks compare (their box shows those checks); the Sources page when citations or headings
    changed."""
    rebuild = set(edited)
    rebuild |= {other for uri, kinds in {**edited_in_other_language, **edited}.items()
                if "translation" in kinds for other in counterparts(uri) if other in pages}
    if any("citations" in kinds for kinds in edited.values()):
        rebuild |= sources_pages
    return rebuild


def counterparts(src_uri):
    """The same page in the other language: case/index.md <-> case/index.zh.md."""
    if src_uri.endswith(".zh.md"):
        return {src_uri[:-len(".zh.md")] + ".md"}
    return {src_uri[:-len(".md")] + ".zh.md"}


def shared_fingerprint(root, page_names):
    """One fingerprint of everything all pages use, and of the list of pages."""
    digest = hashlib.sha256("\n".join(page_names).encode("utf-8"))
    for name in SHARED_INPUTS:
        top = os.path.join(root, name)
        paths = [top] if os.path.isfile(top) else sorted(
            os.path.join(folder, file) for folder, _, names in os.walk(top) for file in names
            if "__pycache__" not in folder)
        for path in paths:
            digest.update(path.encode("utf-8"))
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def _all_page_names(config):
    """Every page of every language, so adding or removing one rebuilds all (the menu changes)."""
    docs = config.docs_dir
    return sorted(os.path.relpath(os.path.join(folder, name), docs) for folder, _, names in os.walk(docs)
                  for name in names if name.endswith(".md"))


def _fingerprints(text, before=None):
    """A page's fingerprints, one for each kind of change (KINDS); the last build's (`before`)
    when its text is the same, so an unchanged page is not read through again on every save."""
    text_fingerprint = _fingerprint(text)
    if before is not None and before["text"] == text_fingerprint:
        return before
    return {"text": text_fingerprint,
            "citations": _fingerprint("\n".join(HEADING.findall(text) + CITATION_KEY.findall(text))),
            "translation": _fingerprint(parity_fingerprint(text))}


def _fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Before Material's search (0) writes this language's index, and before mkdocs-static-i18n
# (-100) gathers it into the index of both languages.
@event_priority(search_bridge.BEFORE_SEARCH)
def on_post_build(*, config):
    if _state["dirty"]:
        language = current_language(config)
        search_bridge.keep_entries_of_pages_not_rebuilt(config, language, *_state["rebuilt"][language])
