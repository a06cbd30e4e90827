"""The one shape every check reports in."""

from dataclasses import dataclass

from .catalogue import BY_CODE, message


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a place in a file, with the text it is about."""

    path: str
    line: int
    column: int
    code: str
    message: str
    sentence: str = ""

    @property
    def slug(self):
        """The rule's name in words, such as `uncited-claim`, shown next to its code."""
        return BY_CODE[self.code].slug

    def as_text(self):
        """`path:line:col: CODE slug message`, the format editors' tools read."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.slug} {self.message}"

    def as_dict(self):
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "slug": self.slug,
            "message": self.message,
            "sentence": self.sentence,
        }


def finding(path, line, column, code, *, sentence="", situation=None, **details):
    """A Finding whose words come from the rule catalogue, with this case's details filled in."""
    return Finding(path, line, column, code, message(code, situation, **details), sentence)


# Why a sentence was not treated as a claim, in the order the summary lists them.
EXEMPT_KINDS = ("direction", "question", "signpost", "marker", "definition")


@dataclass(frozen=True, order=True)
class Exemption:
    """A sentence the rules did not treat as a claim, and the kind of reason, for reviewers to audit."""

    path: str
    line: int
    column: int
    kind: str           # one of EXEMPT_KINDS
    sentence: str
    reason: str = ""    # the words of a not-a-claim marker

    def as_text(self):
        """`path:line:col: exempt KIND: sentence`, so an editor can jump to each decision."""
        reason = f" ({self.reason})" if self.reason else ""
        return f"{self.path}:{self.line}:{self.column}: exempt {self.kind}{reason}: {self.sentence}"

    def as_dict(self):
        return {"path": self.path, "line": self.line, "column": self.column, "kind": self.kind,
                "sentence": self.sentence, "reason": self.reason}


def count_by_kind(exemptions):
    """{kind: count} for every kind in EXEMPT_KINDS (zeros included), then any other kind."""
    counts = dict.fromkeys(EXEMPT_KINDS, 0)
    for exemption in exemptions:
        counts[exemption.kind] = counts.get(exemption.kind, 0) + 1
    return counts


class InputError(Exception):
    """Input the checks cannot read at all; shown as one line, never a traceback."""
