"""Rules for each page's front matter: title, description, review dates and evidence date.

Codes
  META001  a required field is missing or empty
  META002  a review or evidence date is not a real ISO date (YYYY-MM-DD)
  META003  next_review has passed: the page is due for review
  META004  next_review is not after last_reviewed, or more than 12 months after it
  META005  the front matter is not valid YAML
  META006  evidence_checked is in the future
  META007  evidence_checked is more than 12 months before last_reviewed
"""

import datetime
import re

from .findings import Finding
from .frontmatter import FrontMatterError, field_line, split_front_matter

REQUIRED_FIELDS = ("title", "description", "last_reviewed", "next_review", "evidence_checked")
DATE_FIELDS = ("last_reviewed", "next_review", "evidence_checked")
MAX_REVIEW_INTERVAL_MONTHS = 12
# A review may reuse a recent search for new evidence, but not one older than this.
MAX_EVIDENCE_AGE_MONTHS = 12


def check_metadata(path, text, today):
    """All front-matter findings for one page."""
    return read_metadata(path, text, today)[0]


def read_metadata(path, text, today):
    """(findings, front matter fields) for one page; the fields are {} if unreadable."""
    try:
        meta, _, _ = split_front_matter(text)
    except FrontMatterError as error:
        return [Finding(path, error.line, 1, "META005",
                        f"The front matter is not valid YAML ({error.problem}). "
                        "Check the lines between the two `---` lines: each must be `name: value`.")], {}
    findings = _missing_fields(path, text, meta)
    dates = {}
    for name in DATE_FIELDS:
        if name in meta and meta[name] not in (None, ""):
            value = _as_date(meta[name])
            if value is None:
                findings.append(Finding(path, field_line(text, name), 1, "META002",
                                        f"`{name}: {meta[name]}` is not a date. "
                                        "Write it as YYYY-MM-DD, for example 2026-11-26."))
            else:
                dates[name] = value
    if "last_reviewed" in dates and "next_review" in dates:
        findings += _review_window(path, text, dates["last_reviewed"], dates["next_review"], today)
    if "evidence_checked" in dates:
        findings += _evidence_date(path, text, dates["evidence_checked"], dates.get("last_reviewed"), today)
    return findings, meta


def _missing_fields(path, text, meta):
    return [
        Finding(path, 1, 1, "META001",
                f"The front matter has no `{name}`. Add a line `{name}: …` between the `---` lines "
                "at the top of the page (see CONTRIBUTING.md, “Page details”).")
        for name in REQUIRED_FIELDS
        if meta.get(name) in (None, "")
    ]


def _as_date(value):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _review_window(path, text, last_reviewed, next_review, today):
    line = field_line(text, "next_review")
    if next_review < today:
        return [Finding(path, line, 1, "META003",
                        f"The next review was due on {next_review.isoformat()}. Review the page "
                        "against its sources, then set `last_reviewed` to today and `next_review` "
                        "to a date at most 12 months later.")]
    latest = _add_months(last_reviewed, MAX_REVIEW_INTERVAL_MONTHS)
    if not last_reviewed < next_review <= latest:
        return [Finding(path, line, 1, "META004",
                        f"`next_review: {next_review.isoformat()}` must fall after `last_reviewed` "
                        f"and no later than {latest.isoformat()} (12 months after it).")]
    return []


def _evidence_date(path, text, checked, last_reviewed, today):
    """`evidence_checked` must not be in the future, nor long before the page's review."""
    line = field_line(text, "evidence_checked")
    if checked > today:
        return [Finding(path, line, 1, "META006",
                        f"`evidence_checked: {checked.isoformat()}` is in the future (today is "
                        f"{today.isoformat()}). Set it to the day you last searched for new evidence.")]
    if last_reviewed is None:
        return []
    earliest = _add_months(last_reviewed, -MAX_EVIDENCE_AGE_MONTHS)
    if checked < earliest:
        return [Finding(path, line, 1, "META007",
                        f"`evidence_checked: {checked.isoformat()}` is more than 12 months before "
                        f"`last_reviewed: {last_reviewed.isoformat()}`. Search for new evidence on this "
                        f"page's topic, then set `evidence_checked` to that day (on or after "
                        f"{earliest.isoformat()}).")]
    return []


def _add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 29 February plus a year falls back to 28 February.
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=last_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")
