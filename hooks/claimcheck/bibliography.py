"""Read refs.bib with line numbers, and check each entry.

A small reader of our own, rather than pybtex, because every finding must
name its line, and duplicate keys must be found case-insensitively. It
follows BibTeX's rule that an `@` outside an entry starts a new entry, which
is also what pybtex (and so mkdocs-bibtex) does.

Codes
  BIB001  the file cannot be read as BibTeX (an unclosed brace, say)
  BIB002  two entries share a key (case ignored)
  BIB003  a required field is missing
  BIB004  a DOI, PMID or URL is malformed
  BIB005  no page cites the entry
  BIB006  the `evidence` field is missing or not in the vocabulary
  BIB007  the key has characters the citation plugin cuts off
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .citations import SAFE_KEY
from .findings import Finding, InputError

# Kinds of evidence, strongest first, with the label readers see.
EVIDENCE_LABELS = {
    "guideline": "Clinical guideline",
    "systematic review": "Systematic review",
    "randomised trial": "Randomised trial",
    "case series": "Case series",
    "case report": "Case report",
    "laboratory or animal study": "Laboratory or animal study",
    "expert statement": "Expert position statement",
    "narrative review": "Expert review",
    "trial registry record": "Trial registry record",
    "regulator or patient information": "Regulator or patient information",
    # What a newspaper or a hospital's public account said; never evidence of a fact
    # about a patient, only of what was reported.
    "news report": "News report",
}

SKIPPED_TYPES = {"comment", "preamble", "string"}
REQUIRED = ("title", "year")
REQUIRED_FOR_ARTICLES = ("author", "journal")
LOCATORS = ("doi", "pmid", "url")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^\d{1,9}$")
YEAR = re.compile(r"^(?:\d{4}|n\.d\.)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Entry:
    type: str
    key: str
    line: int
    fields: dict = field(default_factory=dict)
    field_lines: dict = field(default_factory=dict)

    def checked_on(self):
        """The day we last checked an undated web source (its `urldate`), as "29 November 2026".

        Web pages often carry no date of their own (`year = {n.d.}`); the day we
        read them is then the only date a reader can weigh the source by.
        """
        day = _iso_date(self.fields.get("urldate", ""))
        return f"{day.day} {day:%B %Y}" if day else ""

    def evidence_label(self):
        label = EVIDENCE_LABELS.get(self.fields.get("evidence", "").lower(), "")
        participants = self.fields.get("participants")
        return f"{label} ({participants})" if label and participants else label


@dataclass
class Bibliography:
    path: str
    entries: list

    def by_key(self):
        return {entry.key: entry for entry in self.entries}


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------

def read_bibliography(path, display_path=None):
    """Parse the file; raise InputError with a located message if it cannot be read.

    Messages name the file as `display_path` (as the editor knows it), or as `path`.
    """
    shown = display_path or str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise InputError(f"{shown}:1:1: BIB001 The bibliography file does not exist.") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{shown}:1:1: BIB001 The bibliography is not UTF-8 text "
                         f"(byte {error.start}). Save it as UTF-8.") from None
    except OSError as error:
        raise InputError(f"{shown}:1:1: BIB001 The bibliography cannot be read ({error.strerror}).") from None
    return Bibliography(shown, parse_bibtex(shown, text))


def parse_bibtex(path, text):
    return _Reader(path, text).entries()


class _Reader:
    """A cursor over BibTeX text that knows its line number."""

    def __init__(self, path, text):
        self.path, self.text, self.pos = path, text, 0

    def line_at(self, pos):
        return self.text.count("\n", 0, pos) + 1

    def column_at(self, pos):
        return pos - (self.text.rfind("\n", 0, pos) + 1) + 1

    def fail(self, pos, message):
        raise InputError(f"{self.path}:{self.line_at(pos)}:{self.column_at(pos)}: BIB001 {message}")

    def entries(self):
        found = []
        while True:
            at = self.text.find("@", self.pos)
            if at == -1:
                return found
            self.pos = at + 1
            entry = self._entry(at)
            if entry:
                found.append(entry)

    def _entry(self, at):
        kind = self._match(r"[A-Za-z]+")
        if not kind:
            self.fail(at, "An `@` outside an entry starts a new entry in BibTeX. Write entries as "
                          "@article{key, ...}; in comments, avoid the @ sign.")
        self._match(r"\s*")
        opener = self._match(r"[{(]")
        if not opener:
            self.fail(self.pos, f"`@{kind}` must be followed by {{ or (.")
        closer = "}" if opener == "{" else ")"
        if kind.lower() in SKIPPED_TYPES:
            self._balanced_value(at, closer)
            return None
        key = self._match(r"\s*[^\s,{}()]*")
        key = key.strip() if key else ""
        if not key or not self._match(r"\s*,"):
            self.fail(at, f"The @{kind} entry needs a key and a comma, like @{kind}{{key2024word, ...")
        entry = Entry(kind.lower(), key, self.line_at(at))
        self._fields(entry, at, closer)
        return entry

    def _fields(self, entry, at, closer):
        while True:
            self._match(r"\s*")
            if self._match(re.escape(closer)):
                return
            name_pos = self.pos
            name = self._match(r"[A-Za-z][\w-]*")
            if not name:
                self.fail(self.pos, f"Entry `{entry.key}` (line {entry.line}) is not closed: expected a "
                                    f"field name or `{closer}` here. Check for a missing brace or comma.")
            if not self._match(r"\s*=\s*"):
                self.fail(self.pos, f"The field `{name}` in `{entry.key}` needs `=` and a value.")
            value = self._value(entry, name)
            entry.fields[name.lower()] = value
            entry.field_lines[name.lower()] = self.line_at(name_pos)
            self._match(r"\s*")
            if self._match(re.escape(closer)):
                return
            if not self._match(","):
                self.fail(name_pos, f"After the field `{name}` in `{entry.key}`, expected a comma or "
                                    f"the end of the entry. A brace in this field may be missing.")

    def _value(self, entry, name):
        start = self.pos
        if self._match(r"\{"):
            return _clean(self._balanced_value(start, "}"))
        if self._match('"'):
            return _clean(self._balanced_value(start, '"'))
        word = self._match(r"[\w.-]+")
        if word:
            return word
        self.fail(start, f"The field `{name}` in `{entry.key}` has no value; write it as {name} = {{...}}.")

    def _balanced_value(self, start, closer):
        """Text up to the closer at brace depth zero; the cursor moves past it."""
        depth, pos = 0, self.pos
        while pos < len(self.text):
            char = self.text[pos]
            if char == "{":
                depth += 1
            elif char == "}" and depth > 0:
                depth -= 1
            elif char == closer and depth == 0:
                self.pos = pos + 1
                return self.text[start + 1:pos]
            pos += 1
        self.fail(start, "This opening brace or quote is never closed. Add the missing "
                         f"`{'}' if closer != chr(34) else chr(34)}`.")

    def _match(self, pattern):
        match = re.compile(pattern).match(self.text, self.pos)
        if not match:
            return None
        self.pos = match.end()
        return match.group(0)


def _clean(value):
    return re.sub(r"\s+", " ", value).strip()


# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------

def check_entries(bibliography):
    """Findings about the entries themselves, whatever the pages cite."""
    findings = []
    seen = {}
    for entry in bibliography.entries:
        where = (bibliography.path, entry.line, 1)
        if not SAFE_KEY.match(entry.key):
            findings.append(Finding(*where, "BIB007", f"The key `{entry.key}` has characters the citation "
                                    "plugin cuts off. Use only letters, digits, _ and -."))
        first = seen.setdefault(entry.key.lower(), entry)
        if first is not entry:
            findings.append(Finding(*where, "BIB002", f"The key `{entry.key}` is already used by the entry "
                                    f"on line {first.line} (keys are compared ignoring case). "
                                    "Give one of them a different key."))
        findings += _field_findings(bibliography.path, entry)
    return findings


def check_uncited(bibliography, cited):
    """BIB005 for each entry no page cites, unless it says why it stays."""
    return [
        Finding(bibliography.path, entry.line, 1, "BIB005",
                f"No page cites `{entry.key}`. Cite it, delete it, or add "
                "`allow_uncited = {reason}` to the entry.")
        for entry in bibliography.entries
        if entry.key not in cited and not entry.fields.get("allow_uncited")
    ]


def _field_findings(path, entry):
    findings = []
    required = REQUIRED + (REQUIRED_FOR_ARTICLES if entry.type == "article" else ())
    for name in required:
        if not entry.fields.get(name):
            findings.append(Finding(path, entry.line, 1, "BIB003",
                                    f"`{entry.key}` has no `{name}`. Add it from the source itself."))
    if not any(entry.fields.get(name) for name in _locators_for(entry)):
        findings.append(Finding(path, entry.line, 1, "BIB003",
                                f"`{entry.key}` has no doi, pmid or url, so readers cannot find it. "
                                "Add one you have checked; a PubMed search URL will do."))
    year = entry.fields.get("year")
    if year and not YEAR.match(year):
        findings.append(Finding(path, entry.field_lines["year"], 1, "BIB004",
                                f"`year = {{{year}}}` in `{entry.key}` should be four digits, or n.d. "
                                "for an undated web page."))
    findings += _locator_findings(path, entry)
    evidence = entry.fields.get("evidence", "")
    if evidence.lower() not in EVIDENCE_LABELS:
        findings.append(Finding(path, entry.field_lines.get("evidence", entry.line), 1, "BIB006",
                                f"`{entry.key}` needs `evidence = {{...}}` with one of: "
                                + ", ".join(EVIDENCE_LABELS) + "."))
    return findings


def _locators_for(entry):
    """Fields that let a reader find the source.

    Some news reports (a post on a hospital's social-media account) have no stable
    web address, so for them `howpublished` (who published it, where) is enough.
    """
    if entry.fields.get("evidence", "").lower() == "news report":
        return LOCATORS + ("howpublished",)
    return LOCATORS


def _locator_findings(path, entry):
    findings = []
    checks = (
        ("doi", lambda v: DOI.match(v), "a DOI looks like 10.1000/xyz123, without https://doi.org/"),
        ("pmid", lambda v: PMID.match(v), "a PMID is digits only"),
        ("url", _is_web_address, "a URL starts with https:// or http:// and names a website"),
        ("urldate", _iso_date, "the day you checked the page is written YYYY-MM-DD, for example 2026-11-29"),
    )
    for name, valid, hint in checks:
        value = entry.fields.get(name)
        if value and not valid(value):
            findings.append(Finding(path, entry.field_lines[name], 1, "BIB004",
                                    f"`{name} = {{{value}}}` in `{entry.key}` is malformed: {hint}."))
    return findings


def _iso_date(value):
    if not ISO_DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _is_web_address(value):
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and " " not in value
