"""Find the prose in a Markdown page: paragraphs, list items and table rows.

The reader is line-based and deliberately small. It knows the Markdown that
this site uses (CommonMark, tables, admonitions, footnotes, abbreviations,
snippets) well enough to tell prose from everything else, and it remembers
where each piece of text came from so findings can point at it.
"""

import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}(?:\s|$)")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s+\S")
BLOCKQUOTE = re.compile(r"^>\s?")
LIST_ITEM = re.compile(r"^([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
TASK_BOX = re.compile(r"^\[[ xX]\][ \t]+")
TABLE_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
HTML_BLOCK = re.compile(r"^</?[A-Za-z][\w-]*(?:[\s/>]|$)")
COMMENT_START = "<!--"
COMMENT_END = "-->"
NOT_A_CLAIM = re.compile(r"<!--\s*not-a-claim\b")
DEFINITION = re.compile(r"^(?:\[\^?[^\]]+\]:|\*\[[^\]]+\]:)")
SNIPPET = re.compile(r"^-{1,2}8<-{1,2}")
THEMATIC_BREAK = re.compile(r"^([-*_])(?:\s*\1){2,}\s*$")
IMAGE_ONLY = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?\s*)+$")


@dataclass
class Line:
    """One line of source text and where its first character sits in the file."""

    number: int
    column: int
    text: str


@dataclass
class Unit:
    """A paragraph, list item or table row: the scope a citation covers."""

    kind: str
    lines: list
    heading: str = ""
    list_intro: "Unit | None" = None
    cells: list = field(default_factory=list)
    # Cache: does this unit's last sentence carry a valid citation? (set by the rules)
    last_sentence_cited: "bool | None" = None


@dataclass
class _Context:
    heading: str = ""


def prose_units(body, first_line=1):
    """Every prose unit in `body`, whose first line is `first_line` of the file."""
    lines = [Line(first_line + index, 1, text.expandtabs(4))
             for index, text in enumerate(body.split("\n"))]
    return _parse(lines, _Context())


def unit_text(unit):
    """The unit's text, lines joined by newlines, and each line's start offset."""
    starts, offset = [], 0
    for line in unit.lines:
        starts.append(offset)
        offset += len(line.text) + 1
    return "\n".join(line.text for line in unit.lines), starts


# -----------------------------------------------------------------------------
# Block reader
# -----------------------------------------------------------------------------

def _parse(lines, context):
    units, paragraph, index = [], [], 0
    list_intro = None  # the cited "...include:" paragraph above the current list
    in_list = False
    last_was_paragraph = False

    def flush():
        nonlocal paragraph, last_was_paragraph
        if paragraph:
            units.append(Unit("paragraph", paragraph, context.heading))
            last_was_paragraph = True
        paragraph = []

    while index < len(lines):
        line = lines[index]
        text = line.text
        indent = len(text) - len(text.lstrip(" "))
        body = text[indent:]
        if not body.strip():
            flush()
            index += 1
            continue
        if indent >= 4 and not paragraph:
            index = _skip_indented_code(lines, index)
            in_list, last_was_paragraph = False, False
            continue
        if paragraph and SETEXT_UNDERLINE.match(body) and indent < 4:
            context.heading = " ".join(part.text.strip() for part in paragraph)
            paragraph = []
            index += 1
            continue
        item = LIST_ITEM.match(body)
        if item and not THEMATIC_BREAK.match(body):
            flush()
            if last_was_paragraph and units and _ends_with_colon(units[-1]):
                list_intro = units[-1]
            elif not in_list:
                list_intro = None
            index = _read_list_item(lines, index, indent, item, context, units, list_intro)
            in_list, last_was_paragraph = True, False
            continue
        if not _starts_prose(body, paragraph, lines, index):
            flush()
            index = _skip_block(lines, index, indent, body, context, units)
            in_list, last_was_paragraph, list_intro = False, False, None
            continue
        if not paragraph:
            in_list, list_intro = False, None
        paragraph.append(Line(line.number, line.column + indent, body))
        index += 1
    flush()
    return units


def _starts_prose(body, paragraph, lines, index):
    """Whether this line is paragraph text rather than the start of another block."""
    if body.startswith(COMMENT_START):
        return _is_marked_prose(lines, index, body)
    if FENCE.match(body) or HEADING.match(body) or ADMONITION.match(body):
        return False
    if BLOCKQUOTE.match(body) or DEFINITION.match(body) or SNIPPET.match(body):
        return False
    if HTML_BLOCK.match(body) or IMAGE_ONLY.match(body) or THEMATIC_BREAK.match(body):
        return False
    if not paragraph and _is_table_start(lines, index, body):
        return False
    return True


def _is_marked_prose(lines, index, body):
    """A not-a-claim marker with text after it, or alone just above a text line."""
    if not NOT_A_CLAIM.match(body):
        return False
    end = body.find(COMMENT_END)
    if end == -1:
        return False
    if body[end + len(COMMENT_END):].strip():
        return True
    return index + 1 < len(lines) and bool(lines[index + 1].text.strip())


def _is_table_start(lines, index, body):
    return "|" in body and index + 1 < len(lines) and bool(TABLE_DELIMITER.match(lines[index + 1].text.strip()))


def _ends_with_colon(unit):
    text = unit.lines[-1].text.rstrip()
    return unit.kind == "paragraph" and text.endswith(":")


def _skip_block(lines, index, indent, body, context, units):
    """Handle one non-paragraph block starting at `index`; return the next index."""
    if body.startswith(COMMENT_START):
        return _skip_comment(lines, index)
    if FENCE.match(body):
        return _skip_fence(lines, index, FENCE.match(body).group(1))
    if HEADING.match(body):
        context.heading = body.lstrip("#").strip().rstrip("#").strip()
        return index + 1
    if ADMONITION.match(body):
        return _read_container(lines, index, indent + 4, context, units)
    if BLOCKQUOTE.match(body):
        return _read_blockquote(lines, index, context, units)
    if DEFINITION.match(body):
        return _skip_definition(lines, index)
    if HTML_BLOCK.match(body):
        return _skip_until_blank(lines, index)
    if _is_table_start(lines, index, body):
        return _read_table(lines, index, context, units)
    return index + 1  # snippet line, image-only line or thematic break


def _skip_indented_code(lines, index):
    while index < len(lines) and (not lines[index].text.strip() or lines[index].text.startswith("    ")):
        index += 1
    return index


def _skip_fence(lines, index, fence):
    index += 1
    while index < len(lines):
        if lines[index].text.strip().startswith(fence[0] * len(fence)):
            return index + 1
        index += 1
    return index


def _skip_comment(lines, index):
    while index < len(lines) and COMMENT_END not in lines[index].text:
        index += 1
    return index + 1


def _skip_until_blank(lines, index):
    while index < len(lines) and lines[index].text.strip():
        index += 1
    return index


def _skip_definition(lines, index):
    index += 1
    while index < len(lines) and lines[index].text.startswith("    "):
        index += 1
    return index


def _read_container(lines, index, body_indent, context, units):
    """An admonition or collapsible box: its indented body is read as Markdown."""
    body, index = [], index + 1
    while index < len(lines):
        text = lines[index].text
        if text.strip() and len(text) - len(text.lstrip(" ")) < body_indent:
            break
        body.append(_dedent(lines[index], body_indent))
        index += 1
    units.extend(_parse(body, context))
    return index


def _read_blockquote(lines, index, context, units):
    body = []
    while index < len(lines) and lines[index].text.strip():
        line = lines[index]
        stripped = line.text.lstrip(" ")
        offset = len(line.text) - len(stripped)
        marker = BLOCKQUOTE.match(stripped)
        if marker:
            offset += marker.end()
        body.append(Line(line.number, line.column + offset, line.text[offset:]))
        index += 1
    units.extend(_parse(body, context))
    return index


def _read_table(lines, index, context, units):
    units.append(_table_row(lines[index], "table header", context))
    index += 2  # the header row and the delimiter row
    while index < len(lines) and "|" in lines[index].text and lines[index].text.strip():
        units.append(_table_row(lines[index], "table row", context))
        index += 1
    return index


def _table_row(line, kind, context):
    cells = []
    for match in re.finditer(r"(?:[^|\\`]|\\.|`[^`]*`)+", line.text):
        if match.group(0).strip():
            cells.append(Line(line.number, line.column + match.start(), match.group(0)))
    return Unit(kind, [Line(line.number, line.column, line.text)], context.heading, cells=cells)


def _read_list_item(lines, index, indent, item, context, units, list_intro):
    first = lines[index]
    content_offset = indent + item.end()
    first_text = first.text[content_offset:]
    box = TASK_BOX.match(first_text)
    if box:
        content_offset += box.end()
        first_text = first_text[box.end():]
    content_indent = indent + len(item.group(1)) + 1
    body = [Line(first.number, first.column + content_offset, first_text)]
    index += 1
    while index < len(lines):
        line = lines[index]
        text = line.text
        line_indent = len(text) - len(text.lstrip(" "))
        if not text.strip():
            # Take the whole run of blank lines at once: looking ahead from each one is quadratic.
            following = _next_text_line(lines, index)
            if following < len(lines) and _indent(lines[following].text) >= content_indent:
                body += [Line(blank.number, blank.column, "") for blank in lines[index:following]]
                index = following
                continue
            break
        if line_indent >= content_indent:
            body.append(_dedent(line, content_indent))
        elif body[-1].text.strip() and _is_lazy_continuation(text.strip()):
            body.append(Line(line.number, line.column + line_indent, text[line_indent:]))
        else:
            break
        index += 1
    item_units = _parse(body, context)
    if item_units and item_units[0].lines[0].number == first.number:
        item_units[0].kind = "list item"
        item_units[0].list_intro = list_intro
    units.extend(item_units)
    return index


def _next_text_line(lines, index):
    """The index of the first line at or after `index` that is not blank (len(lines) if none)."""
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    return index


def _indent(text):
    return len(text) - len(text.lstrip(" "))


def _is_lazy_continuation(text):
    """Plain text that continues the item's last line rather than starting a block."""
    blocks = (LIST_ITEM, HEADING, FENCE, ADMONITION, BLOCKQUOTE, HTML_BLOCK, DEFINITION, SNIPPET)
    return not any(pattern.match(text) for pattern in blocks) and not text.startswith(COMMENT_START)


def _dedent(line, width):
    text = line.text
    removed = min(width, len(text) - len(text.lstrip(" ")))
    return Line(line.number, line.column + removed, text[removed:])
