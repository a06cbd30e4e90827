"""Figures as Chromium shows them: no glaring light block in dark mode, readable text in both schemes.

Each figure is an SVG file in docs/assets/figures/, drawn dark on its own
white background and shown with <img>, which cannot take the page's colours.
docs/stylesheets/extra.css turns figures round in the dark scheme with a CSS
filter. These tests measure what the reader gets:

- in dark mode, the most common colour of each shown figure (its background)
  is compared with the page's background;
- each text of each figure, on the shape drawn under it, keeps WCAG AA
  contrast (4.5:1) in the light scheme as drawn, and in the dark scheme as
  the filter shows it. The colours after the filter are measured on swatches
  drawn with the very filter the site's CSS gives a figure.

The shape under a text is the last rectangle, circle or ellipse drawn before
it that covers the text's first letters; paths and reused symbols are
pictures, not backgrounds, in these figures.
"""

import base64
import math
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from test_browser import close, open_page

pytestmark = pytest.mark.browser

FIGURES = ROOT / "docs" / "assets" / "figures"
SVG = "{http://www.w3.org/2000/svg}"
AA_TEXT = 4.5
# A figure whose background differs from the page's by more than this stands out as a block.
MOST_BACKGROUND_CONTRAST = 1.5
NOT_DRAWN = {f"{SVG}{name}" for name in ("defs", "title", "desc", "symbol", "marker")}
IDENTITY = (1, 0, 0, 1, 0, 0)

# Draws the PNG screenshot `data` (base64) on a canvas whose 2D `context` the code after it reads.
DRAW_PNG = """
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
"""
# The most common colour of a PNG screenshot, decoded by the browser: [r, g, b].
MOST_COMMON_COLOUR = "async (data) => {" + DRAW_PNG + """    const pixels = context.getImageData(0, 0, image.width, image.height).data, counts = new Map();
    let best = null, bestCount = 0;
    for (let i = 0; i < pixels.length; i += 4) {
        const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
        const count = (counts.get(key) || 0) + 1;
        counts.set(key, count);
        if (count > bestCount) { best = key; bestCount = count; }
    }
    return [best >> 16, (best >> 8) & 255, best & 255];
}"""
# The centre pixel of each 20px swatch of a column, from a PNG screenshot of it.
SWATCH_COLOURS = "async ([data, count]) => {" + DRAW_PNG + """    const colours = [];
    for (let i = 0; i < count; i++) {
        colours.push(Array.from(context.getImageData(10, i * 20 + 10, 1, 1).data.slice(0, 3)));
    }
    return colours;
}"""


# -----------------------------------------------------------------------------
# Colour arithmetic (WCAG 2.2)
# -----------------------------------------------------------------------------

def hex_to_rgb(colour):
    match = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour)
    assert match, f"figures use #rrggbb colours, so these checks can read them; found {colour!r}"
    digits = match.group(1) if len(match.group(1)) == 6 else "".join(c * 2 for c in match.group(1))
    return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))


def css_rgb(value):
    """(r, g, b) of a computed CSS colour such as "rgb(30, 33, 41)"."""
    return tuple(int(float(part)) for part in re.findall(r"[\d.]+", value)[:3])


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -----------------------------------------------------------------------------
# Reading a figure: each text's colour and the colour under it
# -----------------------------------------------------------------------------

def _multiply(m, n):
    a, b, c, d, e, f = m
    g, h, i, j, k, l = n
    return (a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f)


def _transform(text):
    """The affine matrix of an SVG transform attribute (translate, rotate and scale)."""
    matrix = IDENTITY
    for name, arguments in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        values = [float(value) for value in re.split(r"[\s,]+", arguments.strip()) if value]
        if name == "translate":
            step = (1, 0, 0, 1, values[0], values[1] if len(values) > 1 else 0)
        elif name == "scale":
            step = (values[0], 0, 0, values[-1], 0, 0)
        elif name == "rotate":
            angle = math.radians(values[0])
            cx, cy = values[1:3] if len(values) == 3 else (0, 0)
            turn = (math.cos(angle), math.sin(angle), -math.sin(angle), math.cos(angle), 0, 0)
            step = _multiply(_multiply((1, 0, 0, 1, cx, cy), turn), (1, 0, 0, 1, -cx, -cy))
        else:
            pytest.fail(f"a figure uses the transform {name!r}, which this check cannot read")
        matrix = _multiply(matrix, step)
    return matrix


def _apply(matrix, x, y):
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _inverse(matrix):
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _covers(shape, x, y):
    number = lambda name: float(shape.get(name, 0))  # noqa: E731
    kind = shape.tag[len(SVG):]
    if kind == "rect":
        return (number("x") <= x <= number("x") + number("width")
                and number("y") <= y <= number("y") + number("height"))
    if kind == "circle":
        return (x - number("cx")) ** 2 + (y - number("cy")) ** 2 <= number("r") ** 2
    return ((x - number("cx")) / number("rx")) ** 2 + ((y - number("cy")) / number("ry")) ** 2 <= 1


def text_colours(svg_file):
    """[(text, its colour, the colour under it)] for every text of a figure, in drawing order."""
    shapes, texts = [], []

    def walk(element, fill, matrix, size):
        if element.tag in NOT_DRAWN:
            return
        fill = element.get("fill", fill)
        matrix = _multiply(matrix, _transform(element.get("transform")))
        size = float(element.get("font-size", size))
        if element.tag in (f"{SVG}rect", f"{SVG}circle", f"{SVG}ellipse") and fill != "none":
            shapes.append((element, fill, matrix))
        if element.tag == f"{SVG}text":
            # A point inside the first letters: half a letter in from the anchor, a third of the size up.
            shift = {"start": 0.5, "middle": 0, "end": -0.5}[element.get("text-anchor", "start")] * size
            point = _apply(matrix, float(element.get("x", 0)) + shift, float(element.get("y", 0)) - 0.35 * size)
            under = next((colour for shape, colour, shape_matrix in reversed(shapes)
                          if _covers(shape, *_apply(_inverse(shape_matrix), *point))), None)
            assert under is not None, f"{svg_file.name}: no background under {''.join(element.itertext())!r}"
            texts.append(("".join(element.itertext()).strip(), fill, under))
        for child in element:
            walk(child, fill, matrix, size)

    walk(ElementTree.parse(svg_file).getroot(), "#000000", IDENTITY, 16)
    return texts


# -----------------------------------------------------------------------------
# Pages and what the browser shows
# -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def figure_pages(built_site):
    """{page path: [figure file]} for every built page that shows a figure."""
    pages = {}
    for html_file in sorted(Path(built_site).rglob("index.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        figures = [(html_file.parent / img["src"]).resolve().name for img in soup.select('article img[src$=".svg"]')]
        if figures:
            relative = html_file.parent.relative_to(built_site).as_posix()
            pages["" if relative == "." else relative + "/"] = figures
    assert pages, "no page shows a figure"
    return pages


def most_common_colour(page, png):
    return tuple(page.evaluate(MOST_COMMON_COLOUR, base64.b64encode(png).decode()))


def shown_figures(page):
    """The page's figures, each loaded and scrolled into view."""
    images = page.query_selector_all('article img[src$=".svg"]')
    for image in images:
        image.scroll_into_view_if_needed()
        page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=image)
    return images


def colours_through_figure_filter(page, colours):
    """{#rrggbb: (r, g, b) as the reader sees it} when drawn with the CSS filter this page gives a figure."""
    css_filter = page.evaluate("""() => getComputedStyle(document.querySelector('article img[src$=".svg"]')).filter""")
    page.evaluate("""([colours, cssFilter]) => {
        const column = document.createElement('div');
        column.id = 'swatches';
        column.style.cssText = 'position:fixed;top:0;left:0;z-index:9999;width:20px';
        for (const colour of colours) {
            const swatch = document.createElement('div');
            swatch.style.cssText = `width:20px;height:20px;background:${colour};filter:${cssFilter}`;
            column.append(swatch);
        }
        document.body.append(column);
    }""", [colours, css_filter])
    png = page.query_selector("#swatches").screenshot()
    shown = page.evaluate(SWATCH_COLOURS, [base64.b64encode(png).decode(), len(colours)])
    page.evaluate("document.getElementById('swatches').remove()")
    return {colour: tuple(rgb) for colour, rgb in zip(colours, shown)}


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------

def test_no_figure_is_a_light_block_in_dark_mode(browser, base_url, figure_pages):
    light_blocks = []
    for path in figure_pages:
        page = open_page(browser, base_url + path, "dark")
        page_background = css_rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
        for image in shown_figures(page):
            background = most_common_colour(page, image.screenshot())
            if (luminance(background) > luminance(page_background)
                    and contrast(background, page_background) > MOST_BACKGROUND_CONTRAST):
                light_blocks.append(f"/{path}: {image.get_attribute('src')} has the background {background} "
                                    f"on a page of {page_background}")
        close(page)
    assert light_blocks == []


def test_figure_text_keeps_aa_contrast_in_both_schemes(browser, base_url, figure_pages):
    shown = sorted({name for names in figure_pages.values() for name in names})
    texts = [(name, *text) for name in shown for text in text_colours(FIGURES / name)]
    colours = sorted({colour for _, _, fill, under in texts for colour in (fill, under)})
    page = open_page(browser, base_url + next(iter(figure_pages)), "dark")
    dark = colours_through_figure_filter(page, colours)
    close(page)
    light = {colour: hex_to_rgb(colour) for colour in colours}
    too_faint = [f"{name} ({scheme}): {words!r}, {fill} on {under}, {contrast(seen[fill], seen[under]):.2f}:1"
                 for scheme, seen in (("light", light), ("dark", dark))
                 for name, words, fill, under in texts
                 if contrast(seen[fill], seen[under]) < AA_TEXT]
    assert too_faint == []


def test_every_figure_file_is_checked(figure_pages):
    """A figure in docs/assets/figures/ that no page shows would escape these checks; say so."""
    # mkdocs-static-i18n publishes x.zh.svg as zh/assets/figures/x.svg, which the Chinese pages show.
    shown = {name if not page.startswith("zh/") else name.removesuffix(".svg") + ".zh.svg"
             for page, names in figure_pages.items() for name in names}
    assert {path.name for path in FIGURES.glob("*.svg")} <= shown
