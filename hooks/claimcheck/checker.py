"""Check whole pages: front matter, then every prose unit."""

import datetime
from dataclasses import dataclass, field

from .blocks import prose_units
from .findings import Finding
from .frontmatter import front_matter_lines
from .metadata import read_metadata
from .rules import check_unit


@dataclass
class PageReport:
    path: str
    title: str = ""
    findings: list = field(default_factory=list)
    claims: int = 0
    cited: int = 0
    exempt: int = 0
    citations: list = field(default_factory=list)  # (key, line, heading)


def check_page(path, text, known_keys, today=None):
    """Every finding for one page's Markdown source, with counts for the summary."""
    findings, meta = read_metadata(path, text, today or datetime.date.today())
    report = PageReport(path, title=str(meta.get("title") or ""), findings=findings)
    skipped = front_matter_lines(text)
    body = text.split("\n", skipped)[-1] if skipped else text
    for unit in prose_units(body, first_line=skipped + 1):
        result = check_unit(path, unit, known_keys)
        report.findings += result.findings
        report.claims += result.claims
        report.cited += result.cited
        report.exempt += result.exempt
        report.citations += [(key, line, unit.heading) for key, line in result.keys]
    report.findings.sort()
    return report


def summary_line(reports, finding_count):
    """One line for the end of a run: pages, claims, cited, exempt, findings."""
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
