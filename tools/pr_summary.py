"""A summary of a pull request in plain words, for the page GitHub shows after the checks.

Usage:
    python tools/pr_summary.py --site site --changed changed-files.txt \\
        [--bib refs.bib] [--base-bib base-refs.bib] [--artifact-url URL] >> "$GITHUB_STEP_SUMMARY"

--site is the folder of the strict build: it holds claims-report.json
(written by hooks/mkdocs_checks.py) and the built pages, whose reading level
is measured as tests/test_content.py measures it. Whether a page is too hard
is left to the claim checker (READ001), so the summary never judges a page
differently from the check. --changed lists the files the pull request
changes, one a line, as `git diff --name-only` prints them.
--base-bib is refs.bib before the change, so the keys added since are the
new sources. --artifact-url is where the downloadable copy of the site is.
A missing input gives a shorter summary that says what is missing, never a
traceback: the summary runs after failed steps too.
"""

import argparse
import json
import re
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(TOOLS.parent / "hooks"))
from claimcheck.bibliography import read_bibliography  # noqa: E402
from claimcheck.findings import EXEMPT_KINDS, InputError  # noqa: E402
from readability import grade  # noqa: E402
from site_text import article, body_text  # noqa: E402

REPORT_FILE = "claims-report.json"
# The same unscored page as tests/test_content.py (tests/test_github.py checks this).
NOT_SCORED = {"docs/about/sources.md": "a list of sources, not scored"}
# The checker's code for text that reads above its page's grade limit.
HARD_TO_READ = "READ001"
# The name and lifetime of the downloadable site in .github/workflows/test.yml (checked by the same test).
PREVIEW_NAME = "site-preview"
PREVIEW_KEPT_DAYS = 14
# Plain names for the reasons a sentence was not counted as a fact.
KIND_WORDS = {"direction": "advice", "question": "questions", "signpost": "signposts",
              "marker": "marked by an editor", "definition": "abbreviations"}
# A BibTeX entry's start, `@article{key,`; these three kinds of block hold no source.
ENTRY_START = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.M)
NOT_SOURCES = {"comment", "string", "preamble"}


def main(argv=None):
    args = _arguments(argv)
    site = Path(args.site)
    report = read_report(site / REPORT_FILE)
    changed = read_lines(args.changed)
    new_keys = sorted(bib_keys(args.bib) - bib_keys(args.base_bib)) if args.base_bib else []
    print(summary(report, changed, site, new_keys, source_titles(args.bib), args.artifact_url))
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python tools/pr_summary.py",
                                     description="Summarise a pull request for GitHub's job summary.")
    parser.add_argument("--site", required=True, help=f"the built site, with {REPORT_FILE}")
    parser.add_argument("--changed", required=True, help="a file listing the changed files, one a line")
    parser.add_argument("--bib", default="refs.bib", help="refs.bib as changed")
    parser.add_argument("--base-bib", help="refs.bib before the change")
    parser.add_argument("--artifact-url", default="", help="where to download the built site")
    return parser.parse_args(argv)


# -----------------------------------------------------------------------------
# Reading the inputs
# -----------------------------------------------------------------------------

def read_report(path):
    """The build's claims report, or None when the build did not get far enough to write it."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_lines(path):
    try:
        return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def bib_keys(path):
    """Every entry key in a BibTeX file; none for a missing file (refs.bib may be new)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {key for kind, key in ENTRY_START.findall(text) if kind.lower() not in NOT_SOURCES}


def source_titles(path):
    """{key: "Title (year)"} from refs.bib; empty when it cannot be read (the build says why)."""
    try:
        entries = read_bibliography(path).entries
    except InputError:
        return {}
    return {entry.key: _title(entry.fields) for entry in entries}


def _title(fields):
    title = re.sub(r"[{}]", "", fields.get("title", "")).strip()
    year = fields.get("year", "").strip()
    return f"{title} ({year})" if title and year else title


def built_page(site, page):
    """Where the build put a page: docs/a/b.md -> site/a/b/index.html, docs/a/index.md -> site/a/index.html."""
    parts = Path(page).with_suffix("").parts[1:]  # without docs/ and .md
    if parts and parts[-1] == "index":
        parts = parts[:-1]
    return Path(site, *parts, "index.html")


def read_built_page(site, page):
    try:
        return built_page(site, page).read_text(encoding="utf-8")
    except OSError:
        return None


# -----------------------------------------------------------------------------
# Writing the summary
# -----------------------------------------------------------------------------

def summary(report, changed, site, new_keys, titles, artifact_url):
    """The whole summary as Markdown."""
    if report is None:
        return "\n".join([
            "# Checks on this change", "",
            "The site could not be built, so the pages were not checked. "
            "In the list of steps, open the first one with a red cross to see why.", "",
            *preview_section(artifact_url)])
    findings = all_findings(report)
    return "\n".join([
        "# Checks on this change", "",
        *status_section(findings),
        *pages_section(report, changed, site),
        *problems_section(findings),
        *sources_section(new_keys, titles, report),
        *site_section(report, findings),
        *preview_section(artifact_url)])


def all_findings(report):
    found = list(report.get("bibliography_findings", []))
    for part in report.get("pages", []) + report.get("snippets", []):
        found += part.get("findings", [])
    return sorted(found, key=lambda f: (f["path"], f["line"], f["column"], f["code"]))


def status_section(findings):
    if not findings:
        return ["**No problems found:** every statement of fact has a source, and the page details are "
                "in order. Other checks (reading level, links, accessibility) must also pass: a green "
                "tick next to the check means they all did.", ""]
    count = _count(len(findings), "problem", "problems")
    return [f"**{count} to fix before this change can go on the site.** All are listed below under "
            "\"Problems to fix\". Those in files this change touches are also marked on their line in the "
            "**Files changed** tab (GitHub shows at most 10).", ""]


def pages_section(report, changed, site):
    by_path = {part["path"]: part for part in report.get("pages", []) + report.get("snippets", [])}
    pages = [name for name in changed if name.endswith(".md") and name.startswith(("docs/", "includes/"))]
    others = [name for name in changed if name not in pages]
    lines = ["## Pages you changed", ""]
    if not pages:
        lines += ["This change does not touch any page.", ""]
    else:
        lines += ["| Page | Facts | With a source | Not counted as facts | Problems | Reading level |",
                  "| --- | ---: | ---: | --- | ---: | --- |"]
        lines += [_page_row(name, by_path.get(name), site) for name in pages]
        lines += ["",
                  "**Facts** are sentences that state a fact, so each needs a source. **Not counted as facts** "
                  "are advice, questions, signposts to other parts of the site and sentences an editor marked "
                  "as not a claim: a reviewer should check that each really is one of these. **Reading level** "
                  "is the school year (US grade) a reader needs to read the page easily: the lower, the easier. "
                  "A page that is too hard is listed under \"Problems to fix\".", ""]
    if others:
        lines += ["Other files changed: " + ", ".join(f"`{name}`" for name in others), ""]
    return lines


def _page_row(name, part, site):
    if part is None:
        return f"| `{name}` | | | | | not on the site (removed, or renamed?) |"
    html = None if name.startswith("includes/") else read_built_page(site, name)
    title = _page_title(html)
    label = f"{_escape(title)}<br>`{name}`" if title else f"`{name}`"
    return (f"| {label} | {part['claims']} | {part['cited']} | {_exempt_words(part)} "
            f"| {len(part.get('findings', []))} | {_reading_level(name, html, part)} |")


def _page_title(html):
    heading = article(html).find("h1") if html else None
    if heading is None:
        return ""
    for anchor in heading.select("a.headerlink"):  # the heading's link symbol
        anchor.decompose()
    return heading.get_text(" ", strip=True)


def _exempt_words(part):
    counts = part.get("exempt_by_kind", {})
    words = ", ".join(f"{KIND_WORDS.get(kind, kind)} {counts[kind]}" for kind in _kinds(counts) if counts[kind])
    return f"{part['exempt']} ({words})" if words else str(part["exempt"])


def _kinds(counts):
    return [kind for kind in EXEMPT_KINDS if kind in counts] + [k for k in counts if k not in EXEMPT_KINDS]


def _reading_level(name, html, part):
    if name.startswith("includes/"):
        level = "shared text: see the pages that show it"
    elif name in NOT_SCORED:
        level = NOT_SCORED[name]
    elif html is None:
        level = "page not built"
    else:
        level = f"{grade(body_text(html)):.1f}"
    if any(found["code"] == HARD_TO_READ for found in part.get("findings", [])):
        return f"**too hard**: {level}"
    return level


def problems_section(findings):
    if not findings:
        return []
    lines = ["## Problems to fix", ""]
    for found in findings:
        sentence = f" The sentence: \u201c{_escape(found['sentence'])}\u201d" if found.get("sentence") else ""
        lines.append(f"- `{found['path']}`, line {found['line']}: **{found['code']} {found['slug']}**. "
                     f"{_escape(found['message'])}{sentence}")
    lines += ["", "CONTRIBUTING.md explains each code under \"What the checks mean\".", ""]
    return lines


def sources_section(new_keys, titles, report):
    lines = ["## New sources", ""]
    if not new_keys:
        return lines + ["No sources were added to `refs.bib`.", ""]
    cited_on = {}
    for part in report.get("pages", []) + report.get("snippets", []):
        for citation in part.get("citations", []):
            cited_on.setdefault(citation["key"], set()).add(part["path"])
    for key in new_keys:
        title = f": {_escape(titles[key])}" if titles.get(key) else ""
        pages = ", ".join(f"`{path}`" for path in sorted(cited_on.get(key, ())))
        where = f"Cited on {pages}." if pages else "Not cited on any page yet."
        lines.append(f"- `{key}`{title}. {where}")
    return lines + [""]


def site_section(report, findings):
    pages, snippets = report.get("pages", []), report.get("snippets", [])
    every = pages + snippets
    claims = sum(part["claims"] for part in every)
    cited = sum(part["cited"] for part in every)
    by_kind = report.get("exempt_by_kind", {})
    exempt = {"exempt": sum(by_kind.values()), "exempt_by_kind": by_kind}
    return ["## The whole site", "",
            f"{_count(len(pages), 'page', 'pages')} and {_count(len(snippets), 'shared text', 'shared texts')}: "
            f"{claims} facts, {cited} with a source, {_count(len(findings), 'problem', 'problems')}; "
            f"sentences not counted as facts: {_exempt_words(exempt)}.", ""]


def preview_section(artifact_url):
    lines = ["## See the site as it will look", ""]
    if not artifact_url:
        return lines + ["There is no copy of the site to download this time: it could not be built or saved. "
                        "The next run makes one once the site builds again.", ""]
    return lines + [
        f"1. [Download the site]({artifact_url}) (you must be signed in to GitHub). It is also at the foot "
        f"of this page under **Artifacts**, named `{PREVIEW_NAME}`. It is kept for {PREVIEW_KEPT_DAYS} days.",
        "2. Unzip it: on Windows, right-click the file and choose **Extract All**; on a Mac, double-click it.",
        "3. Open the unzipped folder and double-click `index.html`. The site opens in your web browser, "
        "with nothing to install.",
        "",
        "Every page, the menu, the links between pages, the sources at the foot of each page and the "
        "pop-up previews of sources work from the downloaded folder, also without internet. The **search box "
        "does not**: it needs the site to be on a web server, so use the menu instead. Links to other "
        "websites need an internet connection.", ""]


def _count(number, one, many):
    return f"{number} {one if number == 1 else many}"


def _escape(text):
    """Text safe in a Markdown table or list: `<` would start hidden HTML, `|` a new table cell.

    Code spans (`...`) are left alone, because Markdown shows them exactly as written.
    """
    pieces = text.split("`")
    for index in range(0, len(pieces), 2):
        pieces[index] = (pieces[index].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                         .replace("|", "\\|"))
    return "`".join(pieces)


if __name__ == "__main__":
    sys.exit(main())
