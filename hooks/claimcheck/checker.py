"""Check whole pages (front matter, then every prose unit) and shared snippets."""

import datetime
from dataclasses import dataclass, field

from .blocks import MAX_NESTING, prose_units, unit_text
from .chinese import has_han
from .findings import count_by_kind, finding
from .frontmatter import front_matter_lines
from .metadata import read_metadata
from .reading import page_grade, reading_findings
from .rules import PageContext, check_unit
from .terminology import term_findings
from .wording import may_overclaim_in_source
from .snippets import missing_snippets


@dataclass
class PageReport:
    path: str
    title: str = ""
    findings: list = field(default_factory=list)
    claims: int = 0
    cited: int = 0
    exemptions: list = field(default_factory=list)  # Exemption: each sentence not treated as a claim
    citations: list = field(default_factory=list)  # (key, line, heading)
    # The text of every unit the rules read, so a test can prove no reader-visible text is missed.
    examined: list = field(default_factory=list)
    # (line, column, text, plain text) of each sentence read, for the reading grade.
    sentences: list = field(default_factory=list)
    reading_grade: "float | None" = None  # reading.page_grade of those sentences

    @property
    def exempt(self):
        return len(self.exemptions)


def check_page(path, text, known_keys, today=None, snippets=None, terms=()):
    """Every finding for one page's Markdown source, with counts for the summary.

    `snippets` is the set of file names in the includes folder; when given,
    a page that includes a file not in it is a finding. The snippets' own
    text is checked once, by check_snippet, not on every page that uses it.
    `terms` (terminology.read_terms) are checked in every Chinese sentence.
    """
    findings, meta = read_metadata(path, text, today or datetime.date.today())
    if snippets is not None:
        findings += missing_snippets(path, text, snippets)
    report = PageReport(path, title=str(meta.get("title") or ""), findings=findings)
    skipped = front_matter_lines(text)
    body = text.split("\n", skipped)[-1] if skipped else text
    _check_prose(report, body, skipped + 1, known_keys, terms)
    return report


def check_snippet(path, text, known_keys, terms=()):
    """Every finding for one shared snippet: its prose only, as it has no front matter."""
    report = PageReport(path)
    _check_prose(report, text, 1, known_keys, terms)
    return report


def _check_prose(report, body, first_line, known_keys, terms=()):
    units = prose_units(body, first_line=first_line)
    texts = [unit_text(unit) for unit in units]
    # No banned word in any unit's text: no sentence can use one (no search per sentence).
    page = PageContext(overclaims_possible=may_overclaim_in_source("\n".join(text for text, _ in texts)))
    for unit, text_and_starts in zip(units, texts):
        if unit.nesting_cut:
            report.findings.append(finding(report.path, *unit.nesting_cut, "INPUT002", limit=MAX_NESTING))
        report.examined.append(text_and_starts[0])
        result = check_unit(report.path, unit, known_keys, text_and_starts, page)
        report.findings += result.findings
        report.claims += result.claims
        report.cited += result.cited
        report.exemptions += result.exemptions
        report.citations += [(key, line, unit.heading) for key, line in result.keys]
        report.sentences += result.sentences
    # Measured once: the finding and claims-report.json both use it.
    report.reading_grade = page_grade(report.sentences)
    report.findings += reading_findings(report.path, report.sentences, report.reading_grade)
    if terms and has_han(body):  # sentences hold only characters of the body: no Chinese, no TERM finding
        report.findings += term_findings(report.path, report.sentences, terms)
    report.findings.sort()
    report.exemptions.sort()


def summary_line(reports, finding_count):
    """One line for the end of a run: files (pages and snippets), claims, cited, exempt by kind, findings.

    For example "15 pages, 380 claims, 380 cited, 299 exempt (195 directions, 44 questions,
    21 signposts, 39 markers), 0 findings"; kinds with no sentence are left out.
    """
    claims = sum(report.claims for report in reports)
    cited = sum(report.cited for report in reports)
    exemptions = [exemption for report in reports for exemption in report.exemptions]
    kinds = ", ".join(_count(count, kind) for kind, count in count_by_kind(exemptions).items() if count)
    exempt = f"{len(exemptions)} exempt" + (f" ({kinds})" if kinds else "")
    return (f"{_count(len(reports), 'page')}, {_count(claims, 'claim')}, {cited} cited, {exempt}, "
            f"{_count(finding_count, 'finding')}")


def _count(number, word):
    """"1 finding", "2 findings": an editor reads "1 findings" as a mistake."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def read_page(path):
    """The page's text, or a located finding when it is not UTF-8."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(), None
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        return None, finding(str(path), line, 1, "INPUT001", byte=error.object[error.start],
                             offset=error.start)
