"""Split a page into its YAML front matter and its Markdown body."""

import re

import yaml

# The C loader is several times faster; fall back where libyaml is missing.
class _TextDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Leaves dates as text, so `2026-13-01` is reported, not a crash."""


_TextDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class FrontMatterError(ValueError):
    """Front matter that is not valid YAML; carries the 1-based line."""

    def __init__(self, line, problem):
        super().__init__(problem)
        self.line = line
        self.problem = problem


def front_matter_lines(text):
    """How many lines the front matter takes (0 if none), valid YAML or not.

    Checks of the body add this to report lines of the original file.
    """
    match = _FRONT_MATTER.match(text)
    return match.group(0).count("\n") if match else 0


def split_front_matter(text):
    """Return (metadata dict, body, number of lines the front matter took)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    raw = match.group(1) or ""
    try:
        meta = yaml.load(raw, Loader=_TextDatesLoader) or {}
    except yaml.YAMLError as error:
        # Where the broken construct starts is more useful than where YAML gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise FrontMatterError(line, getattr(error, "problem", None) or str(error)) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a list of `name: value` lines")
    return meta, text[match.end():], match.group(0).count("\n")


def field_line(text, name):
    """1-based line of `name:` in the front matter, or 1 when it is absent."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
        if number > 1 and line.strip() in ("---", "..."):
            break
    return 1
