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

from .findings import finding
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
        return [finding(path, error.line, 1, "META005", problem=error.problem)], {}
    findings = _missing_fields(path, text, meta)
    dates = {}
    for name in DATE_FIELDS:
        if name in meta and meta[name] not in (None, ""):
            value = as_date(meta[name])
            if value is None:
                findings.append(finding(path, field_line(text, name), 1, "META002",
                                        name=name, value=meta[name]))
            else:
                dates[name] = value
    if "last_reviewed" in dates and "next_review" in dates:
        findings += _review_window(path, text, dates["last_reviewed"], dates["next_review"], today)
    if "evidence_checked" in dates:
        findings += _evidence_date(path, text, dates["evidence_checked"], dates.get("last_reviewed"), today)
    return findings, meta


def _missing_fields(path, text, meta):
    return [
        finding(path, 1, 1, "META001", name=name)
        for name in REQUIRED_FIELDS
        if meta.get(name) in (None, "")
    ]


def as_date(value):
    """A front-matter date (written YYYY-MM-DD, or read by YAML as a date), or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _review_window(path, text, last_reviewed, next_review, today):
    # The field's line is looked for only for a finding: most pages have none.
    if next_review < today:
        return [finding(path, field_line(text, "next_review"), 1, "META003", due=next_review.isoformat(),
                        months=MAX_REVIEW_INTERVAL_MONTHS)]
    latest = _add_months(last_reviewed, MAX_REVIEW_INTERVAL_MONTHS)
    if not last_reviewed < next_review <= latest:
        return [finding(path, field_line(text, "next_review"), 1, "META004", next_review=next_review.isoformat(),
                        last_reviewed=last_reviewed.isoformat(), last_line=field_line(text, "last_reviewed"),
                        latest=latest.isoformat(), months=MAX_REVIEW_INTERVAL_MONTHS)]
    return []


def _evidence_date(path, text, checked, last_reviewed, today):
    """`evidence_checked` must not be in the future, nor long before the page's review."""
    if checked > today:
        return [finding(path, field_line(text, "evidence_checked"), 1, "META006", checked=checked.isoformat(),
                        today=today.isoformat())]
    if last_reviewed is None:
        return []
    earliest = _add_months(last_reviewed, -MAX_EVIDENCE_AGE_MONTHS)
    if checked < earliest:
        return [finding(path, field_line(text, "evidence_checked"), 1, "META007", checked=checked.isoformat(),
                        last_reviewed=last_reviewed.isoformat(), earliest=earliest.isoformat(),
                        months=MAX_EVIDENCE_AGE_MONTHS)]
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
