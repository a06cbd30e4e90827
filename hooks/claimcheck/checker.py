"""Check whole pages (front matter, then every prose unit) and shared snippets."""

import datetime
from dataclasses import dataclass, field

from .blocks import prose_units
from .findings import Finding
from .frontmatter import front_matter_lines
from .metadata import read_metadata
from .rules import check_unit
from .snippets import missing_snippets


@dataclass
class PageReport:
    path: str
    title: str = ""
    findings: list = field(default_factory=list)
    claims: int = 0
    cited: int = 0
    exempt: int = 0
    citations: list = field(default_factory=list)  # (key, line, heading)


def check_page(path, text, known_keys, today=None, snippets=None):
    """Every finding for one page's Markdown source, with counts for the summary.

    `snippets` is the set of file names in the includes folder; when given,
    a page that includes a file not in it is a finding. The snippets' own
    text is checked once, by check_snippet, not on every page that uses it.
    """
    findings, meta = read_metadata(path, text, today or datetime.date.today())
    if snippets is not None:
        findings += missing_snippets(path, text, snippets)
    report = PageReport(path, title=str(meta.get("title") or ""), findings=findings)
    skipped = front_matter_lines(text)
    body = text.split("\n", skipped)[-1] if skipped else text
    _check_prose(report, body, skipped + 1, known_keys)
    return report


def check_snippet(path, text, known_keys):
    """Every finding for one shared snippet: its prose only, as it has no front matter."""
    report = PageReport(path)
    _check_prose(report, text, 1, known_keys)
    return report


def _check_prose(report, body, first_line, known_keys):
    for unit in prose_units(body, first_line=first_line):
        result = check_unit(report.path, unit, known_keys)
        report.findings += result.findings
        report.claims += result.claims
        report.cited += result.cited
        report.exempt += result.exempt
        report.citations += [(key, line, unit.heading) for key, line in result.keys]
    report.findings.sort()


def summary_line(reports, finding_count):
    """One line for the end of a run: files (pages and snippets), claims, cited, exempt, findings."""
    claims = sum(report.claims for report in reports)
    cited = sum(report.cited for report in reports)
    exempt = sum(report.exempt for report in reports)
    return (f"{len(reports)} pages, {claims} claims, {cited} cited, {exempt} exempt, "
            f"{finding_count} findings")


def read_page(path):
    """The page's text, or a located finding when it is not UTF-8."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(), None
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        return None, Finding(str(path), line, 1, "INPUT001",
                             f"The file is not UTF-8 text (byte 0x{error.object[error.start]:02x} at "
                             f"offset {error.start}). Save it as UTF-8 in your editor.")
