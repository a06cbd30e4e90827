"""Read refs.bib with line numbers, and check each entry.

A small reader of our own, rather than pybtex, because every finding must
name its line, and duplicate keys must be found case-insensitively. It
reads what pybtex (and so mkdocs-bibtex) reads, and refuses what pybtex
refuses, and tests/test_bibtex_reader.py holds the two to the same fields:
an `@` outside an entry starts a new entry (even inside @comment{...}),
`@string` names and the month names (jan ... dec) stand for their text,
`#` joins parts of a value, and a field given twice is an error.

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
from .findings import InputError, finding

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

# pybtex predefines these @string names, as BibTeX's styles do.
MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
          "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
          "nov": "November", "dec": "December"}
# BibTeX's rule for a name (an @string name used as a value): no digit first, none of these.
MACRO_NAME = r'[^\s\d"#%\'(),={}][^\s"#%\'(),={}]*'
REQUIRED = ("title", "year")
# CONTRIBUTING.md's made-up entries all have keys starting so (tests/test_contributing.py).
EXAMPLE_KEY_START = "example"
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
    span: tuple = (0, 0)  # where the entry's text starts and ends in the file


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
    return Bibliography(shown, parse_bibtex(shown, _read_text(path, shown)))


def read_bibliography_for_preview(path, display_path=None):
    """(Bibliography, problems, usable text): what read_usable_part gives, for a file.

    A file that cannot be read at all gives an empty bibliography and its one problem.
    """
    shown = display_path or str(path)
    try:
        text = _read_text(path, shown)
    except _Unreadable as error:
        return Bibliography(shown, []), [error.finding], ""
    return read_usable_part(shown, text)


def _read_text(path, shown):
    def unreadable(situation, **details):
        problem = finding(shown, 1, 1, "BIB001", situation=situation, **details)
        return _Unreadable(problem.as_text(), problem)

    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise unreadable("missing-file") from None
    except UnicodeDecodeError as error:
        raise unreadable("not-utf8", byte=error.start) from None
    except OSError as error:
        raise unreadable("unreadable", reason=error.strerror) from None


def parse_bibtex(path, text):
    return _Reader(path, text).entries()


def read_usable_part(path, text):
    """(Bibliography, problems, usable text) for a file that may be damaged.

    The preview keeps working while an editor fixes refs.bib: an entry that cannot
    be read is left out up to the next line that starts with `@`, and the second
    entry with a key already used is left out too. `problems` holds a BIB001 for
    each entry left out as unreadable and a BIB002 for each repeated key; the
    usable text is the file without those entries, for the citation plugin.
    """
    reader = _Reader(path, text)
    entries, problems, dropped = reader.entries(damaged=[])
    seen = set()
    for entry in entries:
        if entry.key.lower() in seen:
            dropped.append(entry.span)
        seen.add(entry.key.lower())
    problems += [found for found in check_entries(Bibliography(path, entries)) if found.code == "BIB002"]
    kept = [entry for entry in entries if entry.span not in dropped]
    usable, end = [], 0
    for start, stop in sorted(dropped):
        usable.append(text[end:start])
        end = max(end, stop)
    usable.append(text[end:])
    return Bibliography(path, kept), sorted(problems), "".join(usable)


class _Reader:
    """A cursor over BibTeX text that knows its line number."""

    def __init__(self, path, text):
        self.path, self.text, self.pos = path, text, 0
        self.macros = dict(MONTHS)  # @string names, lower case, and what they stand for
        self.last_value = None  # (field name, where the name starts, the value as typed)

    def line_at(self, pos):
        return self.text.count("\n", 0, pos) + 1

    def column_at(self, pos):
        return pos - (self.text.rfind("\n", 0, pos) + 1) + 1

    def fail(self, pos, situation, **details):
        """Stop reading: BIB001 at `pos`, with the catalogue's words for this situation."""
        where = (self.path, self.line_at(pos), self.column_at(pos))
        problem = finding(*where, "BIB001", situation=situation, **details)
        raise _Unreadable(problem.as_text(), problem)

    def entries(self, damaged=None):
        """Every entry. With a list for `damaged`, an entry that cannot be read is
        skipped instead, and (entries, problems, spans skipped) is returned."""
        found, problems = [], []
        while True:
            at = self.text.find("@", self.pos)
            if at == -1:
                return found if damaged is None else (found, problems, damaged)
            self.pos = at + 1
            try:
                entry = self._entry(at)
            except _Unreadable as error:
                if damaged is None:
                    raise
                problems.append(error.finding)
                self.pos = _next_entry_start(self.text, at)
                damaged.append((at, self.pos))
                continue
            if entry:
                entry.span = (at, self.pos)
                found.append(entry)

    def _entry(self, at):
        kind = self._match(r"[A-Za-z]+")
        if not kind:
            self.fail(at, "stray-at")
        self._match(r"\s*")
        opener = self._match(r"[{(]")
        if not opener:
            self.fail(self.pos, "no-opener", kind=kind)
        closer = "}" if opener == "{" else ")"
        if kind.lower() == "comment":
            # BibTeX skips only the word: an @ inside the comment starts an entry.
            return None
        if kind.lower() == "preamble":
            self._balanced_value(at, closer)
            return None
        if kind.lower() == "string":
            self._macro(at, closer)
            return None
        key = self._match(r"\s*[^\s,{}()]*")
        key = key.strip() if key else ""
        if not key or not self._match(r"\s*,"):
            self.fail(at, "no-key", kind=kind)
        entry = Entry(kind.lower(), key, self.line_at(at), span=(at, at))
        self._fields(entry, at, closer)
        return entry

    def _fields(self, entry, at, closer):
        while True:
            self._match(r"\s*")
            if self._match(re.escape(closer)):
                return
            self._fail_if_next_entry_starts(entry, closer)
            name_pos = self.pos
            name = self._match(r"[A-Za-z][\w-]*")
            if not name:
                self.fail(self.pos, "not-closed", key=entry.key, line=entry.line, closer=closer)
            if not self._match(r"\s*=\s*"):
                self.fail(self.pos, "no-equals", name=name, key=entry.key)
            value_start = self.pos
            value = self._value(entry.key, name)
            self.last_value = (name, name_pos, self.text[value_start:self.pos])
            if name.lower() in entry.fields:
                self.fail(name_pos, "duplicate-field", name=name, key=entry.key)
            entry.fields[name.lower()] = value
            entry.field_lines[name.lower()] = self.line_at(name_pos)
            self._match(r"\s*")
            if self._match(re.escape(closer)):
                return
            self._fail_if_next_entry_starts(entry, closer)
            if not self._match(","):
                self.fail(name_pos, "no-comma", name=name, key=entry.key)

    def _fail_if_next_entry_starts(self, entry, closer):
        """An entry still open when the next `@` starts is missing its closing brace:
        say so at the entry's own line, not at the field before the gap."""
        next_entry = _NEXT_ENTRY.match(self.text, self.pos)
        if not next_entry:
            return
        name, name_pos, raw = self.last_value or ("", 0, "")
        if raw and _SWALLOWED_FIELD.search(raw):
            # "title = {An example," never closed: the value ran on over the next
            # fields to the entry's own closing brace. The brace is missing there.
            self.fail(name_pos, "value-runs-on", name=name, key=entry.key)
        last_field = max(entry.field_lines.values(), default=entry.line)
        if next_entry.group(0).endswith("@"):
            self.fail(entry.span[0], "entry-not-closed", key=entry.key, closer=closer,
                      last_line=last_field, next_line=self.line_at(next_entry.end() - 1))
        self.fail(entry.span[0], "last-entry-not-closed", key=entry.key, closer=closer, last_line=last_field)

    def _macro(self, at, closer):
        """Read `@string{name = value}` and remember what the name stands for."""
        self._match(r"\s*")
        name = self._match(MACRO_NAME)
        if not name or not self._match(r"\s*=\s*"):
            self.fail(at, "bad-string")
        self.macros[name.lower()] = self._value("@string", name)
        if not self._match(r"\s*" + re.escape(closer)):
            self.fail(self.pos, "no-comma", name=name, key="@string")

    def _value(self, key, name):
        """A value: braced text, quoted text, a number or an @string name, parts joined by `#`."""
        parts = [self._value_part(key, name)]
        while self._match(r"\s*#\s*"):
            parts.append(self._value_part(key, name))
        return _clean("".join(parts))

    def _value_part(self, key, name):
        start = self.pos
        if self._match(r"\{"):
            return self._balanced_value(start, "}")
        if self._match('"'):
            return self._balanced_value(start, '"')
        number = self._match(r"\d+")
        if number:
            return number
        macro = self._match(MACRO_NAME)
        if macro:
            if macro.lower() not in self.macros:
                self.fail(start, "undefined-string", macro=macro, name=name, key=key)
            return self.macros[macro.lower()]
        self.fail(start, "no-value", name=name, key=key)

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
        self.fail(start, "never-closed", closer=closer)

    def _match(self, pattern):
        match = re.compile(pattern).match(self.text, self.pos)
        if not match:
            return None
        self.pos = match.end()
        return match.group(0)


class _Unreadable(InputError):
    """InputError that keeps its finding, so a lenient reader can collect it."""

    def __init__(self, text, problem):
        super().__init__(text)
        self.finding = problem


# A line inside a value that looks like the start of another field: "  journal = {".
_SWALLOWED_FIELD = re.compile(r"\n[ \t]*[A-Za-z][\w-]*[ \t]*=")
# What follows an entry that was never closed: maybe comment lines, then the next entry.
_NEXT_ENTRY = re.compile(r"(?:[ \t]*%[^\n]*\n|\s)*(?:@|\Z)")
_ENTRY_START = re.compile(r"^[ \t]*@", re.M)


def _next_entry_start(text, after):
    """Where the next line that starts with `@` begins (the end of the text if none)."""
    match = _ENTRY_START.search(text, after + 1)
    return match.start() if match else len(text)


def _clean(value):
    return re.sub(r"\s+", " ", value).strip()


_BRACE_OR_AND = re.compile(r"\{|\}|\s+and\s+", re.IGNORECASE)


def names(value):
    """The names in an author or editor field, split at each `and` outside braces, as BibTeX does.

    `{NHS Blood and Transplant}` is one name: the braces keep its `and`.
    """
    found, depth, start = [], 0, 0
    for match in _BRACE_OR_AND.finditer(value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            found.append(value[start:match.start()])
            start = match.end()
    found.append(value[start:])
    return [name.strip() for name in found if name.strip()]


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
            findings.append(finding(*where, "BIB007", key=entry.key))
        if entry.key.lower().startswith(EXAMPLE_KEY_START):
            findings.append(finding(*where, "BIB009", key=entry.key))
        first = seen.setdefault(entry.key.lower(), entry)
        if first is not entry:
            findings.append(finding(*where, "BIB002", key=entry.key, first_line=first.line))
        findings += _field_findings(bibliography.path, entry)
    return findings


def check_uncited(bibliography, cited):
    """BIB005 for each entry no page cites, unless it says why it stays."""
    return [
        finding(bibliography.path, entry.line, 1, "BIB005", key=entry.key)
        for entry in bibliography.entries
        if entry.key not in cited and not entry.fields.get("allow_uncited")
    ]


def _field_findings(path, entry):
    findings = []
    required = REQUIRED + (REQUIRED_FOR_ARTICLES if entry.type == "article" else ())
    for name in required:
        if not entry.fields.get(name):
            findings.append(finding(path, entry.line, 1, "BIB003", situation="missing-field",
                                    key=entry.key, name=name))
    if not any(entry.fields.get(name) for name in _locators_for(entry)):
        findings.append(finding(path, entry.line, 1, "BIB003", situation="no-locator", key=entry.key))
    findings += _format_findings(path, entry)
    evidence = entry.fields.get("evidence", "")
    if evidence.lower() not in EVIDENCE_LABELS:
        findings.append(finding(path, entry.field_lines.get("evidence", entry.line), 1, "BIB006",
                                key=entry.key, kinds=", ".join(EVIDENCE_LABELS)))
    return findings


def _locators_for(entry):
    """Fields that let a reader find the source.

    Some news reports (a post on a hospital's social-media account) have no stable
    web address, so for them `howpublished` (who published it, where) is enough.
    """
    if entry.fields.get("evidence", "").lower() == "news report":
        return LOCATORS + ("howpublished",)
    return LOCATORS


def _format_findings(path, entry):
    """BIB004 for each year, locator or check date that is not written the way it must be.

    The catalogue's BIB004 has one message per field, named after it.
    """
    findings = []
    checks = (("year", YEAR.match), ("doi", DOI.match), ("pmid", PMID.match),
              ("url", _is_web_address), ("urldate", iso_date))
    for name, valid in checks:
        value = entry.fields.get(name)
        if value and not valid(value):
            findings.append(finding(path, entry.field_lines[name], 1, "BIB004", situation=name,
                                    key=entry.key, value=value))
    return findings


def iso_date(value):
    if not ISO_DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _is_web_address(value):
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and " " not in value
