"""Which citations mkdocs-bibtex will accept, and why the others fail.

mkdocs-bibtex reads `[@key]` and `[@a; @b]`. It silently drops unknown
keys, cuts keys at `:` or `.`, and drops prefixes such as `[see @a, p. 3]`
when no CSL style is set, so each of those is a finding here.
"""

import difflib
import re
from dataclasses import dataclass

from .catalogue import message

SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_CITATION_BODY = re.compile(r"^\s*@[^\s;@\]]*(?:\s*;\s*@[^\s;@\]]*)*\s*$")


@dataclass
class Problem:
    code: str
    message: str

    @classmethod
    def of(cls, code, **details):
        """The problem with its words from the rule catalogue."""
        return cls(code, message(code, **details))


def citation_problems(raw, in_code, known_keys):
    """Problems with one bracketed citation; an empty list means it counts."""
    if in_code:
        return [Problem.of("CITE004", citation=raw)]
    inner = raw[1:-1]
    if not _CITATION_BODY.match(inner):
        return [Problem.of("CITE005", citation=raw)]
    problems = []
    for key in (part.strip()[1:] for part in inner.split(";")):
        problems += _key_problems(key, known_keys)
    return problems


def _key_problems(key, known_keys):
    if not key:
        return [Problem.of("CITE003")]
    if not SAFE_KEY.match(key):
        return [Problem.of("CITE002", key=key)]
    if key not in known_keys:
        return [Problem.of("CITE001", key=key, suggestion=_suggestion(key, known_keys))]
    return []


def _suggestion(key, known_keys):
    # Keys differ mostly in case or a typo; compare in lower case.
    lowered = {known.lower(): known for known in known_keys}
    close = difflib.get_close_matches(key.lower(), list(lowered), n=3, cutoff=0.6)
    if not close:
        return ""
    return " Did you mean " + " or ".join(f"`{lowered[c]}`" for c in close) + "?"


def cited_keys(raw):
    """The keys in a well-formed citation, in order."""
    return [part.strip()[1:] for part in raw[1:-1].split(";")]
