"""The one shape every check reports in."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a place in a file, with the text it is about."""

    path: str
    line: int
    column: int
    code: str
    message: str
    sentence: str = ""

    def as_text(self):
        """`path:line:col: CODE message`, the format editors' tools read."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self):
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "sentence": self.sentence,
        }


class InputError(Exception):
    """Input the checks cannot read at all; shown as one line, never a traceback."""
