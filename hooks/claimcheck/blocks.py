"""Find the prose in a Markdown page: paragraphs, list items, table rows and footnotes.

The reader is line-based and deliberately small. It knows the Markdown that
this site uses (CommonMark, tables, admonitions, footnotes, abbreviations,
snippets, HTML with md_in_html) well enough to tell prose from everything
else, and it remembers where each piece of text came from so findings can
point at it. Whatever a reader sees as text is prose, except headings, code,
pictures (with their captions; each has a text version box beside it) and
the titles of boxes; tests/test_coverage.py holds the reader to that.
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
HTML_TAG = re.compile(r"^</?([A-Za-z][\w-]*)(?=[\s/>]|$)")
# Python-Markdown's Markdown.block_level_elements: only these tags start an HTML
# block; a line that starts with any other tag (<abbr>, <span>, <strong>) is a
# paragraph. tests/test_coverage.py compares the two lists.
HTML_BLOCK_TAGS = frozenset("""
    address article aside blockquote body canvas center colgroup dd details div dl dt
    fieldset figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup hr html
    iframe legend li main map math menu nav noscript object ol option output p pre
    progress script section style summary table tbody td textarea tfoot th thead tr ul video
""".split())
VOID_TAGS = frozenset({"hr"})
# md_in_html: `markdown`, `markdown="1"`, "block" or "span" makes the element's content Markdown.
MARKDOWN_ATTRIBUTE = re.compile(r"""\smarkdown(?:\s*=\s*["']?([^"'\s>]*)["']?)?(?=[\s/>])""")
# HTML elements whose text is not prose: pictures and their captions, code, box titles, headings.
NOT_PROSE_ELEMENTS = ("figure", "svg", "pre", "code", "script", "style", "summary", "title",
                      "h1", "h2", "h3", "h4", "h5", "h6")
NOT_PROSE_ELEMENT = re.compile(r"<(%s)\b.*?</\1\s*>" % "|".join(NOT_PROSE_ELEMENTS), re.S | re.I)
COMMENT_START = "<!--"
COMMENT_END = "-->"
NOT_A_CLAIM = re.compile(r"<!--\s*not-a-claim\b")
FOOTNOTE = re.compile(r"^\[\^[^\]\s]+\]:[ \t]*")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
# A link's address defined apart: label, address, at most a title. Any other text after
# the address makes the line a paragraph, which readers see.
LINK_DEFINITION = re.compile(r"""^\[[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$""")
SNIPPET = re.compile(r"^-{1,2}8<-{1,2}")
THEMATIC_BREAK = re.compile(r"^([-*_])(?:\s*\1){2,}\s*$")
IMAGE_ONLY = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?\s*)+$")
# Boxes, lists and quotes inside each other are read to this depth; deeper text is
# read as one paragraph with a finding (INPUT002), so a damaged page can neither
# exhaust Python's stack nor hide its text.
MAX_NESTING = 20
# A table cell: text up to the next "|" that is not escaped (\|) or inside `code`.
# A run of plain characters is taken at once; nothing follows the repetition, so it
# never backtracks, and each cell ends where one character at a time would end it.
_CELL = re.compile(r"(?:[^|\\`]+|\\.|`[^`]*`)+")
CONTAINER_MARKS = re.compile(r"""(?:\s*(?:[-*+>]|\d{1,9}[.)]|(?:!!!|\?\?\?\+?)[ \t]+\w+(?:[ \t]+"[^"\n]*")?)(?=\s|$))*\s*""")


@dataclass
class Line:
    """One line of source text and where its first character sits in the file."""

    number: int
    column: int
    text: str


@dataclass
class Unit:
    """A paragraph, list item, table row or abbreviation line: the scope a citation covers."""

    kind: str
    lines: list
    heading: str = ""
    list_intro: "Unit | None" = None
    cells: list = field(default_factory=list)
    # Cache: does this unit's last sentence carry a valid citation? (set by the rules)
    last_sentence_cited: "bool | None" = None
    # Cache: what the rules found out about this unit as the lead-in of a list, read
    # once for all its items (set by the rules).
    as_lead_in: dict = field(default_factory=dict, repr=False, compare=False)
    # (line, column) where text nested deeper than MAX_NESTING begins; that text is read flat.
    nesting_cut: "tuple | None" = None


@dataclass
class _Context:
    heading: str = ""
    depth: int = 0


def prose_units(body, first_line=1):
    """Every prose unit in `body`, whose first line is `first_line` of the file."""
    lines = [Line(first_line + index, 1, text.expandtabs(4) if "\t" in text else text)
             for index, text in enumerate(body.split("\n"))]
    return _parse(lines, _Context())


def unit_text(unit):
    """The unit's text, lines joined by newlines, and each line's start offset."""
    if len(unit.lines) == 1:  # most list items and table rows
        return unit.lines[0].text, [0]
    starts, offset = [], 0
    for line in unit.lines:
        starts.append(offset)
        offset += len(line.text) + 1
    return "\n".join([line.text for line in unit.lines]), starts


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
        if _is_plain_text(body) and (paragraph or not _is_table_start(lines, index, body)):
            # Most lines: text that no check below would take for anything but prose.
            if not paragraph:
                in_list, list_intro = False, None
            paragraph.append(Line(line.number, line.column + indent, body) if indent else line)
            index += 1
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


# What every block but a paragraph or a table can start with (a digit too, for "1. "):
# the first characters of the patterns above, of a comment and of an HTML tag.
_BLOCK_MARKS = frozenset("<`~#!?>[*-_+=")


def _is_plain_text(body):
    """A line that starts with none of the marks of a block: paragraph text, or a table's first row."""
    return body[0] not in _BLOCK_MARKS and not body[0].isdecimal()


def _starts_prose(body, paragraph, lines, index):
    """Whether this line is paragraph text rather than the start of another block."""
    if body.startswith(COMMENT_START):
        return _is_marked_prose(lines, index, body)
    if FENCE.match(body) or HEADING.match(body) or ADMONITION.match(body):
        return False
    if BLOCKQUOTE.match(body) or _is_definition(body) or SNIPPET.match(body):
        return False
    if _html_block_tag(body) or IMAGE_ONLY.match(body) or THEMATIC_BREAK.match(body):
        return False
    if not paragraph and _is_table_start(lines, index, body):
        return False
    return True


def _is_definition(body):
    """A footnote, abbreviation or link address defined on its own line."""
    return bool(FOOTNOTE.match(body) or ABBREVIATION.match(body) or LINK_DEFINITION.match(body))


def _html_block_tag(body):
    """The tag's name when the line starts an HTML block (Python-Markdown's rule), else ""."""
    tag = HTML_TAG.match(body)
    name = tag.group(1).lower() if tag else ""
    return name if name in HTML_BLOCK_TAGS else ""


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
    return unit.kind == "paragraph" and text.endswith((":", "："))


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
    if FOOTNOTE.match(body):
        return _read_footnote(lines, index, indent, FOOTNOTE.match(body), context, units)
    if ABBREVIATION.match(body):
        # The meaning shows when a reader points at the word, so it is recorded
        # (as a "definition" exemption) for reviewers to audit.
        units.append(Unit("abbreviation", [_dedent(lines[index], indent)], context.heading))
        return index + 1
    if _is_definition(body):
        return _skip_definition(lines, index)
    if _html_block_tag(body):
        return _read_html(lines, index, indent, _html_block_tag(body), context, units)
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
    units.extend(_parse_nested(body, context))
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
    units.extend(_parse_nested(body, context))
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
    for match in _CELL.finditer(line.text):
        if match.group(0).strip():
            cells.append(Line(line.number, line.column + match.start(), match.group(0)))
    return Unit(kind, [Line(line.number, line.column, line.text)], context.heading, cells=cells)


def _read_list_item(lines, index, indent, item, context, units, list_intro):
    first = lines[index]
    content_offset = indent + item.end()
    box = TASK_BOX.match(first.text[content_offset:])
    if box:
        content_offset += box.end()
    body, index = _read_item_body(lines, index, content_offset, indent + len(item.group(1)) + 1)
    item_units = _parse_nested(body, context)
    if item_units and item_units[0].lines[0].number == first.number:
        item_units[0].kind = "list item"
        item_units[0].list_intro = list_intro
    units.extend(item_units)
    return index


def _read_footnote(lines, index, indent, definition, context, units):
    """A footnote's text, shown to readers at the foot of the page: its first line and
    the lines indented under it, read as Markdown like a list item's."""
    first = lines[index]
    body, index = _read_item_body(lines, index, indent + definition.end(), indent + 4)
    footnote_units = _parse_nested(body, context)
    if footnote_units and footnote_units[0].lines[0].number == first.number:
        footnote_units[0].kind = "footnote"
    units.extend(footnote_units)
    return index


def _read_item_body(lines, index, content_offset, content_indent):
    """The lines of a list item or footnote: the first line's text after its marker, then
    every line indented to `content_indent` and every lazy continuation line.
    Returns (body lines, the index after them)."""
    first = lines[index]
    body = [Line(first.number, first.column + content_offset, first.text[content_offset:])]
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
    return body, index


def _read_html(lines, index, indent, tag, context, units):
    """An HTML block, to the end of its element (or of the page, as Python-Markdown reads
    an element that is never closed). Pictures and other non-prose elements are passed
    over; an element with a `markdown` attribute holds Markdown; in any other block
    the text between the tags is prose, since readers see it."""
    end, close_start, end_offset = _element_end(lines, index, indent, tag)
    first = lines[index]
    opening_end = first.text.find(">", indent)
    markdown = MARKDOWN_ATTRIBUTE.search(first.text[indent:opening_end + 1]) if opening_end != -1 else None
    if tag in NOT_PROSE_ELEMENTS:
        pass
    elif markdown and (markdown.group(1) or "") in ("", "1", "block", "span") and end > index:
        inner = [Line(first.number, first.column + opening_end + 1, first.text[opening_end + 1:])]
        inner += lines[index + 1:end]
        last = lines[end]
        inner.append(Line(last.number, last.column, last.text[:close_start]))
        units.extend(_parse_nested(inner, context))
    else:
        block = lines[index:end] + [Line(lines[end].number, lines[end].column, lines[end].text[:end_offset])]
        units.append(Unit("html", _without_non_prose_elements(block), context.heading))
    last = lines[end]
    if last.text[end_offset:].strip():
        # Text after the closing tag starts a new block: read the rest of the line from there.
        lines[end] = Line(last.number, last.column + end_offset, last.text[end_offset:])
        return end
    return end + 1


def _element_end(lines, index, indent, tag):
    """(line index, start offset, end offset) of the tag that closes the element opened at
    `index`; the end of the last line when it never closes."""
    if tag in VOID_TAGS:
        return index, len(lines[index].text), len(lines[index].text)
    pattern = re.compile(r"<(/?)%s(?=[\s/>])[^>]*?(/?)>" % re.escape(tag), re.I)
    depth, start = 0, indent
    for number in range(index, len(lines)):
        for match in pattern.finditer(lines[number].text, start):
            if match.group(1):
                depth -= 1
            elif not match.group(2):
                depth += 1
            if depth <= 0:
                return number, match.start(), match.end()
        start = 0
    return len(lines) - 1, len(lines[-1].text), len(lines[-1].text)


def _without_non_prose_elements(block):
    """The block's lines with pictures, code and titles blanked, columns unchanged."""
    text = "\n".join(line.text for line in block)
    text = NOT_PROSE_ELEMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    return [Line(line.number, line.column, part) for line, part in zip(block, text.split("\n"))]


def _parse_nested(body, context):
    """The units in the body of a box, list item, quote, footnote or HTML element, one level down.

    Beyond MAX_NESTING levels each line of the body is read as a paragraph of
    its own, without its list and quote marks, so its text is still checked and
    the stack stays small; the first records in nesting_cut where the cut is.
    """
    if context.depth >= MAX_NESTING:
        deeper = [line for line in body if line.text.strip()]
        flat = [_without_container_marks(line) for line in deeper]
        units = [Unit("paragraph", [line], context.heading) for line in flat if line.text.strip()]
        if units:
            units[0].nesting_cut = (deeper[0].number, deeper[0].column)
        return units
    single = _single_paragraph(body, context)
    if single is not None:
        return single
    context.depth += 1
    try:
        return _parse(body, context)
    finally:
        context.depth -= 1


def _single_paragraph(body, context):
    """What _parse gives for the usual list item or box: one line of plain text, then blank
    lines only; that line as a paragraph. None for any other body, which _parse reads."""
    if not body or any(line.text.strip() for line in body[1:]):
        return None
    first = body[0]
    indent = _indent(first.text)
    text = first.text[indent:]
    if indent >= 4 or not text.strip() or not _is_plain_text(text):
        return None
    line = Line(first.number, first.column + indent, text) if indent else first
    return [Unit("paragraph", [line], context.heading)]


def _without_container_marks(line):
    """The line without the list, quote and box marks in front of its text."""
    marks = CONTAINER_MARKS.match(line.text)
    return Line(line.number, line.column + marks.end(), line.text[marks.end():])


def _next_text_line(lines, index):
    """The index of the first line at or after `index` that is not blank (len(lines) if none)."""
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    return index


def _indent(text):
    return len(text) - len(text.lstrip(" "))


def _is_lazy_continuation(text):
    """Plain text that continues the item's last line rather than starting a block."""
    blocks = (LIST_ITEM, HEADING, FENCE, ADMONITION, BLOCKQUOTE, SNIPPET)
    if any(pattern.match(text) for pattern in blocks) or text.startswith(COMMENT_START):
        return False
    return not (_is_definition(text) or _html_block_tag(text))


def _dedent(line, width):
    text = line.text
    removed = min(width, len(text) - len(text.lstrip(" ")))
    return Line(line.number, line.column + removed, text[removed:])
