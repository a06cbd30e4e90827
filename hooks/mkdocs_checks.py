"""MkDocs adapter for the checks in hooks/claimcheck/.

Everything here is glue: it hands each page's source to the plain checks
and logs what they find. Warnings go through MkDocs' plugin logger, which
`mkdocs build --strict` counts, so any finding fails a strict build. The
same checks run without MkDocs as `python hooks/claims.py`.

It also inserts the shared snippets from includes/ into each page before
mkdocs-bibtex runs, so citations inside a snippet become references. Every
point where it depends on mkdocs-bibtex is in bibtex_bridge.py.

Under `mkdocs serve`, MkDocs 1.6 keeps the hook modules it loaded at start
and reuses them on every rebuild, so an edit to hooks/ runs only after serve
is restarted. on_config says so in the log when a file in hooks/ has changed.
"""

import datetime
import glob
import html
import json
import os
import re
import shutil
import tempfile

from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from bibtex_bridge import (BEFORE_BIBTEX, add_to_reference_items, bib_path, disarm_citations,
                           escape_citation_syntax, guard_on_config, use_bibliography_text)
from claimcheck.bibliography import (check_entries, check_uncited, read_bibliography,
                                    read_bibliography_for_preview)
from claimcheck.checker import check_page, check_snippet, read_page, summary_line
from claimcheck.findings import InputError, count_by_kind
from claimcheck.menu import missing_from_menu
from claimcheck.terminology import read_terms
from claimcheck.translation import english_path, missing_counterparts, parity_findings
from i18n_bridge import (AFTER_I18N, BEFORE_I18N_PAGE, TRANSLATED_SUFFIX, current_language, has_translations,
                         with_room_after)
from claimcheck.reading import grade_limit
from claimcheck.sentences import remove_markers
from claimcheck.snippets import expand_snippets, snippet_names
from sources_page import PLACEHOLDER, sources_markdown

log = get_plugin_logger("claims")

REPORT_FILE = "claims-report.json"
TERMINOLOGY_FILE = "terminology.yml"
_ATTRIBUTE_LIST = re.compile(r"\s*\{:?([^{}]*)\}\s*$")
HOOKS_FOLDER = os.path.dirname(os.path.abspath(__file__))
RESTART_ADVICE = ("Editing a file in hooks/ needs a restart: stop `make serve` (Ctrl+C) and run it again, "
                  "because the preview keeps running the checks it started with.")

# State for one build; on_config starts it afresh each time `serve` rebuilds.
# `serving` and `hook_files` are set once, by on_startup.
_state = {"serving": False, "hook_files": {}}
# What the hook has read, kept with the file's bytes; read again when they change.
_read_once = {}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

def on_startup(*, command, dirty):
    # Editors' notices appear only in `mkdocs serve`, never in a built site.
    _state["serving"] = command == "serve"
    _state["hook_files"] = _hook_file_times()
    _state["hooks_edited"] = False


# Before mkdocs-bibtex reads the bibliography and rewrites [@key], so a broken
# refs.bib stops here with a clear message.
@event_priority(BEFORE_BIBTEX)
def on_config(config):
    if _state["serving"]:
        _warn_about_edited_hooks()
    root = os.path.dirname(config.config_file_path)
    bib_file = bib_path(config)
    shown = os.path.relpath(bib_file, root)
    bibliography, problems, usable, entry_findings = _read_bibliography_once(bib_file, shown)
    if problems:
        _use_usable_part(config, usable)
    guard_on_config(config, bibliography.path)
    _state.update(bibliography=bibliography, entries=bibliography.by_key(), root=root,
                  bib_problems=problems, entry_findings=entry_findings,
                  snippet_folders=_snippet_folders(config, root),
                  auto_appended=_auto_appended(config), terms=_terms(root),
                  # The toc extension's own function, so links to sections match their ids.
                  slugify=(config.mdx_configs.get("toc") or {}).get("slugify", slugify))
    for finding in _state["entry_findings"]:
        log.warning(finding.as_text())
    return config


def on_pre_build(*, config):
    """Start each build's page state afresh: a second language is a second build."""
    _state.update(reports={}, snippets={}, snippet_reports={}, page_snippets={},
                  bib_findings=list(_state["entry_findings"]))


# After mkdocs-static-i18n has chosen the files of the language being built.
@event_priority(AFTER_I18N)
def on_files(files, *, config):
    """Check every page, and every snippet the pages use, once, before any page is rendered,
    so the Sources page knows every citation."""
    known_keys = set(_state["entries"])
    today = datetime.date.today()
    available = _available_snippets()
    for file in files.documentation_pages():
        source = file.content_string
        path = _display_path(file.abs_src_path)
        _state["reports"][file.src_uri] = check_page(path, source, known_keys, today, available,
                                                     _state["terms"])
        _state["page_snippets"][file.src_uri] = snippet_names(source) if available is not None else []
    _check_snippets(known_keys, available or {})
    if has_translations(config):
        _check_translations(files, config, available or {})
    cited = {key for report in _all_reports() for key, _, _ in report.citations}
    uncited = check_uncited(_state["bibliography"], cited)
    _state["bib_findings"] = _state["bib_findings"] + uncited
    for finding in uncited:
        log.warning(finding.as_text())
    return files


# After mkdocs-static-i18n has made the menu of the language being built.
@event_priority(AFTER_I18N)
def on_nav(nav, *, config, files):
    """NAV001 on each page that is built but missing from the menu, shown in its preview box."""
    if config.nav is None:
        return nav  # no `nav:` list: MkDocs puts every page in the menu itself
    pages = {file.src_uri: _title(file.src_uri) for file in files.documentation_pages()
             if file.inclusion.is_in_nav() and file.src_uri in _state["reports"]}
    folder = os.path.relpath(config.docs_dir, _state["root"])
    in_menu = {page.file.src_uri for page in nav.pages}
    for problem in missing_from_menu(pages, in_menu, folder):
        # Logged with the page's other findings, when the page is rendered.
        src_uri = os.path.relpath(problem.path, folder).replace(os.sep, "/")
        _state["reports"][src_uri].findings.append(problem)
    return nav


# Before mkdocs-bibtex, so it sees the raw [@key] citations of the page and of
# the snippets inserted here, and before mkdocs-static-i18n, so it sees the page
# as written, where each finding's line is.
@event_priority(max(BEFORE_BIBTEX, BEFORE_I18N_PAGE))
def on_page_markdown(markdown, *, page, config, files):
    report = _state["reports"].get(page.file.src_uri)
    first_line = _first_line(page.file.content_string, markdown)
    if report and first_line:
        # Before the snippets go in, while the findings' lines still match the page.
        markdown = disarm_citations(markdown, report.findings, first_line)
    if _state["page_snippets"].get(page.file.src_uri):
        markdown = expand_snippets(markdown, _state["snippets"].get)
    if report:
        for finding in report.findings:
            log.warning(finding.as_text())
        if any(finding.code == "INPUT002" for finding in report.findings):
            markdown = _as_plain_text(markdown)
        shown = _state["bib_problems"] + report.findings + _snippet_findings(page.file.src_uri)
        if PLACEHOLDER in markdown:
            shown += [found for found in _state["bib_findings"] if found not in _state["bib_problems"]]
        if shown and _state["serving"]:
            markdown = _with_notice(markdown, _notice(shown, report.path))
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, _sources_list(page, files))
    return with_room_after(remove_markers(markdown))


def on_page_content(html_text, *, page, config, files):
    """Show each reference's kind of evidence in the page's reference list, in the page's language."""
    from interface_text import evidence_note  # here, not at the top, until the lead moves it there

    entries, language = _state["entries"], current_language(config)

    def evidence_label(key):
        note = evidence_note(entries[key], language) if key in entries else ""
        return f'<span class="evidence-label">{html.escape(note)}</span>' if note else ""

    return add_to_reference_items(html_text, evidence_label)


def on_shutdown():
    if _state.get("preview_folder"):
        shutil.rmtree(_state.pop("preview_folder"), ignore_errors=True)


def on_post_build(*, config):
    reports = _all_reports()
    findings = sum(len(report.findings) for report in reports) + len(_state["bib_findings"])
    _write_report(os.path.join(config.site_dir, REPORT_FILE), reports)
    log.info(f"{summary_line(reports, findings)}; report in {_report_location(config)}")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _read_bibliography_once(bib_file, shown):
    """(bibliography, problems, usable text, findings on its entries) of refs.bib, read again only
    when the file has changed: each language is a build of its own, and `serve` rebuilds after
    every edit, but refs.bib seldom changes."""
    with open(bib_file, "rb") as handle:
        key = (bib_file, shown, _state["serving"], handle.read())
    if _read_once.get("bibliography", (None,))[0] != key:
        if _state["serving"]:
            bibliography, problems, usable = read_bibliography_for_preview(bib_file, shown)
        else:
            try:
                bibliography, problems, usable = read_bibliography(bib_file, display_path=shown), [], None
            except InputError as error:
                raise PluginError(str(error)) from None
        _read_once["bibliography"] = (key, (bibliography, problems, usable,
                                            problems + check_entries(bibliography)))
    return _read_once["bibliography"][1]


def _terms(root):
    """The terms of terminology.yml beside mkdocs.yml, checked in every Chinese sentence (read
    again only when the file has changed)."""
    path = os.path.join(root, TERMINOLOGY_FILE)
    if not os.path.isfile(path):
        return []
    with open(path, "rb") as handle:
        key = (path, handle.read())
    if _read_once.get("terms", (None,))[0] != key:
        _read_once["terms"] = (key, read_terms(path))
    return _read_once["terms"][1]


def _check_translations(files, config, available):
    """PARITY001–003 and PARITY005 on each Chinese page (and shared text) of this build; PARITY004 once, in
    the English build, over every page of both languages."""
    for file in files.documentation_pages():
        if file.src_uri.endswith(TRANSLATED_SUFFIX):
            english = english_path(file.abs_src_path)
            if os.path.isfile(english):
                with open(english, encoding="utf-8") as handle:
                    _state["reports"][file.src_uri].findings += parity_findings(
                        _display_path(file.abs_src_path), file.content_string, handle.read())
    for name, path in available.items():
        report = _state["snippet_reports"].get(name)
        if name.endswith(TRANSLATED_SUFFIX) and report is not None and os.path.isfile(english_path(path)):
            with open(english_path(path), encoding="utf-8") as handle, open(path, encoding="utf-8") as own:
                found = parity_findings(report.path, own.read(), handle.read())
            report.findings += found
            for problem in found:
                log.warning(problem.as_text())
    if current_language(config) == "en":
        pages = glob.glob(os.path.join(config.docs_dir, "**", "*.md"), recursive=True)
        for problem in missing_counterparts(sorted(_display_path(path) for path in pages)):
            log.warning(problem.as_text())
            _state["bib_findings"].append(problem)  # site-wide: counted once in the summary


def _report_location(config):
    """Where an editor can open the report: in the preview, its address; after a build, its path."""
    if _state["serving"]:
        # serve builds into a hidden temporary folder, but serves it at the site's address.
        return (config.site_url or "/") + REPORT_FILE
    return os.path.relpath(os.path.join(config.site_dir, REPORT_FILE))


def _use_usable_part(config, usable):
    """Point the citation plugin at the readable part of a damaged refs.bib (under `serve` only).

    A damaged refs.bib must not stop the preview: MkDocs would keep every page
    loading until the file is fixed, with the reason only in the terminal. So
    the citation plugin reads the entries that are fine, and every page's box
    says where the damage is (BIB001, BIB002). A strict build still fails.
    """
    if not _state.get("preview_folder"):
        _state["preview_folder"] = tempfile.mkdtemp(prefix="claims-preview-")
    use_bibliography_text(config, usable, _state["preview_folder"])


def _hook_file_times():
    """{path: modification time} of every Python file in hooks/, to notice edits under serve."""
    paths = glob.glob(os.path.join(HOOKS_FOLDER, "**", "*.py"), recursive=True)
    return {path: os.path.getmtime(path) for path in paths}


def _warn_about_edited_hooks():
    """Say once per edit that a changed file in hooks/ is not running yet."""
    now = _hook_file_times()
    changed = sorted(path for path, time in now.items() if _state["hook_files"].get(path) != time)
    for path in changed:
        log.warning(f"{os.path.relpath(path, os.path.dirname(HOOKS_FOLDER))} changed. {RESTART_ADVICE}")
    _state["hook_files"] = now
    # From now on every preview box says so too; until then it would only puzzle an editor.
    _state["hooks_edited"] = _state.get("hooks_edited", False) or bool(changed)


def _first_line(source, markdown):
    """The file's line number of the first line of `markdown`, which MkDocs took from
    `source` by cutting off the front matter (and the blank lines after it)."""
    if source.endswith(markdown):
        return source[:len(source) - len(markdown)].count("\n") + 1
    return None  # not the file's own text, so no finding's position can be trusted


def _snippet_folders(config, root):
    """The folders pymdownx.snippets reads, as absolute paths ([] if it is not used).

    pymdownx resolves relative folders from the working directory, which for
    `make` is the folder of mkdocs.yml; resolving from mkdocs.yml always works.
    """
    if "pymdownx.snippets" not in config.markdown_extensions:
        return []
    folders = (config.mdx_configs.get("pymdownx.snippets") or {}).get("base_path", ["."])
    folders = [folders] if isinstance(folders, str) else folders
    return [os.path.join(root, folder) for folder in folders]


def _auto_appended(config):
    """The snippets pymdownx.snippets adds to the end of every page (abbreviations.md here)."""
    if "pymdownx.snippets" not in config.markdown_extensions:
        return []
    names = (config.mdx_configs.get("pymdownx.snippets") or {}).get("auto_append", [])
    return [names] if isinstance(names, str) else list(names)


def _available_snippets():
    """{name: path} of every Markdown snippet, first folder first; None when snippets are off."""
    if not _state["snippet_folders"]:
        return None
    available = {}
    for folder in reversed(_state["snippet_folders"]):
        if os.path.isdir(folder):
            available.update({name: os.path.join(folder, name) for name in os.listdir(folder)
                              if name.endswith(".md")})
    return available


def _check_snippets(known_keys, available):
    """Read and check each snippet that a page uses, once; log its findings at the snippet's lines."""
    used = {name for names in _state["page_snippets"].values() for name in names if name in available}
    used |= {name for name in _state["auto_appended"] if name in available}
    for name in sorted(used):
        text, problem = read_page(available[name])
        if problem:
            log.warning(problem.as_text())
            continue  # left out of the pages; the warning stops a strict build
        report = check_snippet(_display_path(available[name]), text, known_keys, _state["terms"])
        _state["snippet_reports"][name] = report
        # Pages show the snippet with its bad citations disarmed at their own positions.
        _state["snippets"][name] = disarm_citations(text, report.findings)
        for finding in report.findings:
            log.warning(finding.as_text())


def _all_reports():
    return list(_state["reports"].values()) + list(_state["snippet_reports"].values())


def _display_path(abs_path):
    """The file's path as an editor sees it in the repository, e.g. docs/index.md."""
    return os.path.relpath(abs_path, _state["root"])


def _with_notice(markdown, notice):
    """The notice just under the page's main heading, or at the top if it has none."""
    heading, newline, rest = markdown.lstrip("\n").partition("\n")
    if heading.startswith("# "):
        return f"{heading}\n\n{notice}\n{newline}{rest}"
    return f"{notice}\n\n{markdown}"


def _as_plain_text(markdown):
    """The page's text in one code block, under its main heading.

    Python-Markdown goes one level deeper in Python for each level of nesting, so a
    page damaged to hundreds of levels would stop the build with a RecursionError
    and no line number. Shown as text, the page builds, and the INPUT002 finding
    says which line to fix.
    """
    heading, newline, rest = markdown.lstrip("\n").partition("\n")
    if not heading.startswith("# "):
        heading, rest = "", markdown
    longest = max((len(run) for run in re.findall(r"`+", rest)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{heading}\n\n{fence}text\n{rest}\n{fence}\n"


def _snippet_findings(src_uri):
    """Findings in the snippets a page shows (logged once, in on_files)."""
    return [finding for name in _state["page_snippets"].get(src_uri, [])
            for finding in getattr(_state["snippet_reports"].get(name), "findings", [])]


def _notice(findings, page_path):
    """A box at the top of the page in `mkdocs serve`, listing what to fix."""
    items = "\n".join(
        f"<li><strong>{'' if f.path == page_path else html.escape(f.path) + ', '}Line {f.line}, {f.code} {f.slug}</strong>: "
        f"{_with_code(html.escape(f.message))}"
        + (f"<br><q>{html.escape(f.sentence)}</q>" if f.sentence else "") + "</li>"
        for f in findings)
    box = (f'<div class="claims-notice" role="alert">\n<p><strong>{len(findings)} problem'
           f'{"s" if len(findings) != 1 else ""} to fix on this page</strong> (shown only in preview; '
           f'see CONTRIBUTING.md, “What the checks mean”).</p>\n<ul>\n{items}\n</ul>\n'
           + (f'<p>{_with_code(html.escape(RESTART_ADVICE))}</p>\n' if _state.get("hooks_edited") else "")
           + '</div>')
    return escape_citation_syntax(box)  # so the citation plugin leaves "[@key]" in the advice alone


def _with_code(escaped):
    """`[@key]` in a message shown as code, as in CONTRIBUTING, not with its backticks."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def _title(src_uri):
    return _state["reports"][src_uri].title or src_uri


def _sources_list(page, files):
    citations, anchors = {}, {}
    for src_uri, report in sorted(_state["reports"].items()):
        for key, _, raw_heading in report.citations:
            heading, anchors[(src_uri, heading)] = _heading_and_anchor(raw_heading)
            citations.setdefault(key, []).append((_title(src_uri), heading, src_uri))
        # A snippet's sources are cited on every page that shows it.
        for name in _state["page_snippets"].get(src_uri, []):
            for key, _, _ in getattr(_state["snippet_reports"].get(name), "citations", []):
                citations.setdefault(key, []).append((_title(src_uri), "", src_uri))

    def link_to(src_uri, heading):
        # The list is raw HTML, so MkDocs does not rewrite its links: give final URLs.
        target = get_relative_url(files.get_file_from_path(src_uri).url, page.file.url)
        title = _title(src_uri)
        return target if not heading or heading == title else f"{target}#{anchors[(src_uri, heading)]}"

    # The list is in the language of the page it is on (sources.zh.md: Chinese).
    return sources_markdown(_state["bibliography"], citations, link_to,
                            language="zh" if page.file.src_uri.endswith(TRANSLATED_SUFFIX) else "en")


def _heading_and_anchor(heading):
    """A heading's text without its `{ #id }` attribute list, and the id its section gets.

    MkDocs' toc extension uses the id an editor gives, and otherwise the slug of the text.
    """
    match = _ATTRIBUTE_LIST.search(heading)
    text = heading[:match.start()] if match else heading
    given = re.search(r"#([\w-]+)", match.group(1)) if match else None
    return text, given.group(1) if given else _state["slugify"](text, "-")


def _write_report(path, reports):
    snippet_paths = {report.path for report in _state["snippet_reports"].values()}
    reports = sorted(reports, key=lambda r: r.path)
    data = {
        "pages": [_report_data(r) for r in reports if r.path not in snippet_paths],
        "snippets": [_report_data(r) for r in reports if r.path in snippet_paths],
        "bibliography_findings": [f.as_dict() for f in _state["bib_findings"]],
        "exempt_by_kind": count_by_kind([e for report in reports for e in report.exemptions]),
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")


def _rounded(number):
    return None if number is None else round(number, 1)


def _report_data(report):
    return {"path": report.path, "claims": report.claims, "cited": report.cited, "exempt": report.exempt,
            "reading_grade": _rounded(report.reading_grade),
            "reading_grade_limit": grade_limit(report.path),
            "exempt_by_kind": count_by_kind(report.exemptions),
            "exempt_sentences": [exemption.as_dict() for exemption in report.exemptions],
            "citations": [{"key": key, "line": line, "section": heading}
                          for key, line, heading in report.citations],
            "findings": [finding.as_dict() for finding in report.findings]}
