"""Shared text from includes/: find `--8<-- "name.md"` lines and put the text in their place.

pymdownx.snippets inserts shared text while Markdown is converted, which is
after mkdocs-bibtex has turned `[@key]` into references, so citations in a
snippet would reach the reader as raw `[@key]`. Expanding the snippet lines
first lets the citation plugin see them. Only whole-line snippets of
Markdown files are expanded here; anything else is left to pymdownx.

Codes
  SNIPPET001  a page includes a snippet file that does not exist
"""

import re

from .findings import finding

# `--8<-- "name.md"` alone on its line, maybe indented (inside a box or a list).
_SNIPPET_LINE = re.compile(r'^(?P<indent>[ \t]*)-{1,2}8<-{1,2}[ \t]+"(?P<name>[^"\n]+\.md)"[ \t]*$', re.M)



def snippet_names(text):
    """The names of the snippets a page includes, in order of first use."""
    return list(dict.fromkeys(match.group("name") for match in _SNIPPET_LINE.finditer(text)))


def missing_snippets(path, text, available):
    """SNIPPET001 for each snippet line whose file is not among `available` names."""
    findings, line, counted = [], 1, 0
    for match in _SNIPPET_LINE.finditer(text):
        name = match.group("name")
        if name not in available:
            # Count only the lines since the last finding: counting from the top each time is quadratic.
            line += text.count("\n", counted, match.start())
            counted = match.start()
            findings.append(finding(path, line, len(match.group("indent")) + 1, "SNIPPET001",
                                    sentence=match.group(0).strip(), name=name))
    return findings


def expand_snippets(markdown, read_snippet):
    """The Markdown with each snippet line replaced by the snippet's text.

    `read_snippet(name)` returns the text, or None when there is no such file;
    such a line is removed, because its finding (SNIPPET001) already stops a
    strict build, and left in place pymdownx would end the build with a traceback.
    The line's indentation is put before every inserted line, so a snippet
    inside a box or a list stays inside it.
    """

    def replace(match):
        text = read_snippet(match.group("name"))
        if text is None:
            return ""
        indent = match.group("indent")
        return "\n".join(indent + line for line in text.rstrip("\n").split("\n"))

    return _SNIPPET_LINE.sub(replace, markdown)
