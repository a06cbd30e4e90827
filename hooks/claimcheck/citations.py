"""Which citations mkdocs-bibtex will accept, and why the others fail.

mkdocs-bibtex reads `[@key]` and `[@a; @b]`. It silently drops unknown
keys, cuts keys at `:` or `.`, and drops prefixes such as `[see @a, p. 3]`
when no CSL style is set, so each of those is a finding here.
"""

import difflib
import re
from dataclasses import dataclass

SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_CITATION_BODY = re.compile(r"^\s*@[^\s;@\]]*(?:\s*;\s*@[^\s;@\]]*)*\s*$")


@dataclass
class Problem:
    code: str
    message: str


def citation_problems(raw, in_code, known_keys):
    """Problems with one bracketed citation; an empty list means it counts."""
    if in_code:
        return [Problem("CITE004", f"`{raw}` is inside code, so it does not count as a citation, "
                                   "but the citation plugin still rewrites it. Move it out of the "
                                   "backticks, or remove it.")]
    inner = raw[1:-1]
    if not _CITATION_BODY.match(inner):
        return [Problem("CITE005", f"`{raw}` has words around the key, which the citation plugin "
                                   "drops. Write just the keys, like [@key] or [@key1; @key2], and "
                                   "put any page number in the sentence.")]
    problems = []
    for key in (part.strip()[1:] for part in inner.split(";")):
        problems += _key_problems(key, known_keys)
    return problems


def _key_problems(key, known_keys):
    if not key:
        return [Problem("CITE003", "Empty citation `[@]`. Put a key from refs.bib after the @, "
                                   "like [@casiraghi2020tolerance].")]
    if not SAFE_KEY.match(key):
        return [Problem("CITE002", f"The key `{key}` contains characters the citation plugin "
                                   "cuts off (only letters, digits, _ and - are safe). Rename the "
                                   "entry in refs.bib and here.")]
    if key not in known_keys:
        return [Problem("CITE001", f"No entry `{key}` in refs.bib.{_suggestion(key, known_keys)} "
                                   "Fix the key, or add the source to refs.bib.")]
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
