"""Write an accessible SVG icon array: 100 figures that show "X in 100".

One job: draw one or more groups of 100 people, with X of them filled and the
rest outlined, so that a reader can compare rates on the same base.

- Filled and outlined figures differ by shape fill, not only by colour, so the
  figure works in greyscale, in print and for people who do not see colour.
- Every SVG has <title>, <desc> (which states the numbers), role="img" and
  aria-labelledby, and a light background of its own (first shape), so it reads
  well in dark mode.
- Plain Python, standard library only. Nothing is fetched; the SVG loads nothing.

Use (from the project folder):

    python tools/icon_array.py OUT.svg --title "..." --desc "..." \\
        --group "With the treatment=75" --group "Control group=0" \\
        --filled "Off all medicines" --outlined "On medicines"

The figures on the decision aid page were made with `python tools/icon_array.py --site`,
which writes every figure listed in SITE_FIGURES below into docs/assets/figures/.
"""

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "assets" / "figures"

# Colours: dark text on a white background (contrast above 15:1); figures in a
# dark blue (contrast about 9:1 on white), filled or outlined.
BACKGROUND = "#ffffff"
INK = "#1a1a1a"
FIGURE = "#1f4e79"

COLUMNS = 10
CELL = 34          # size of one figure's square, in SVG units
GROUP_GAP = 60     # space between two groups
MARGIN = 30
HEAD_HEIGHT = 96   # room for a group's label and its "X in 100"
NOTE_HEIGHT = 34   # extra room when a group has a short note under its label
LEGEND_HEIGHT = 100

# One person: a round head and a rounded body, drawn in a 30 x 30 box.
PERSON = (
    '<circle cx="15" cy="7" r="5.5"/>'
    '<path d="M5,28 L5,19 Q5,13.5 10.5,13.5 L19.5,13.5 Q25,13.5 25,19 L25,28 Z"/>'
)


def _person(x, y, filled):
    return f'<use href="#person-{"filled" if filled else "outlined"}" x="{x}" y="{y}"/>'


def icon_array(groups, title, desc, filled_label, outlined_label, prefix="ia"):
    """Return the SVG text. `groups` is a list of (label, count out of 100) or
    (label, count, note): a note is a short line shown under the "X in 100"."""
    groups = [tuple(group) + ("",) * (3 - len(group)) for group in groups]
    head = HEAD_HEIGHT + (NOTE_HEIGHT if any(note for _, _, note in groups) else 0)
    for label, count, _ in groups:
        if not 0 <= count <= 100:
            raise ValueError(f"{label}: {count} is not between 0 and 100")
    grid = COLUMNS * CELL
    width = MARGIN * 2 + len(groups) * grid + (len(groups) - 1) * GROUP_GAP
    height = MARGIN + head + grid + LEGEND_HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">',
        f'  <title id="{prefix}-title">{escape(title)}</title>',
        f'  <desc id="{prefix}-desc">{escape(desc)}</desc>',
        "  <defs>",
        f'    <g id="person-filled" fill="{FIGURE}" stroke="{FIGURE}" stroke-width="1.5">{PERSON}</g>',
        f'    <g id="person-outlined" fill="{BACKGROUND}" stroke="{FIGURE}" stroke-width="2.5">{PERSON}</g>',
        "  </defs>",
        "  <!-- A light background of its own, so the figure reads well in dark mode and in print -->",
        f'  <rect x="0" y="0" width="{width}" height="{height}" fill="{BACKGROUND}"/>',
        f'  <g font-family="system-ui, sans-serif" fill="{INK}">',
    ]
    for index, (label, count, note) in enumerate(groups):
        left = MARGIN + index * (grid + GROUP_GAP)
        centre = left + grid / 2
        out.append(f'    <text x="{centre:g}" y="{MARGIN + 28}" font-size="26" font-weight="700" '
                   f'text-anchor="middle">{escape(label)}</text>')
        out.append(f'    <text x="{centre:g}" y="{MARGIN + 68}" font-size="30" font-weight="700" '
                   f'text-anchor="middle">{count} in 100</text>')
        if note:
            out.append(f'    <text x="{centre:g}" y="{MARGIN + 100}" font-size="20" font-style="italic" '
                       f'text-anchor="middle">{escape(note)}</text>')
        top = MARGIN + head
        # Filled figures first, row by row from the top left, so a reader can count them.
        for n in range(100):
            x = left + (n % COLUMNS) * CELL + 2
            y = top + (n // COLUMNS) * CELL + 2
            out.append("    " + _person(x, y, n < count))
    legend_y = MARGIN + head + grid + 40
    out.append(f'    <use href="#person-filled" x="{MARGIN}" y="{legend_y - 22}"/>')
    out.append(f'    <text x="{MARGIN + 42}" y="{legend_y}" font-size="22">'
               f'Filled figure: {escape(filled_label)}</text>')
    out.append(f'    <use href="#person-outlined" x="{MARGIN}" y="{legend_y + 18}"/>')
    out.append(f'    <text x="{MARGIN + 42}" y="{legend_y + 40}" font-size="22">'
               f'Outlined figure: {escape(outlined_label)}</text>')
    out.append("  </g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


# The figures the decision aid shows. Numbers come from the cited sources; the
# page's text version under each figure carries the citations.
SITE_FIGURES = [
    {
        "file": "icon-array-mdr101-off-drugs.svg",
        "prefix": "mdr101",
        "title": "Off all anti-rejection medicines for more than 2 years in the MDR-101 trial",
        "desc": ("Two groups of 100 figures. With the MDR-101 treatment: 75 in 100 figures are filled, "
                 "for people who stayed off all anti-rejection medicines for more than 2 years. "
                 "Control group on standard care: 0 in 100 figures are filled, because by design this group "
                 "stayed on their usual medicines: the trial did not try to take them off. "
                 "The trial had 20 treated people and 10 controls, so these numbers are uncertain."),
        "groups": [("With MDR-101", 75), ("Control group", 0, "By design, stayed on medicines")],
        "filled": "off all medicines for more than 2 years",
        "outlined": "on anti-rejection medicines",
    },
] + [
    # The Tan trial (benefits-risks page): one group per picture, so each stays 400 units
    # wide and its text large on a phone; the two sit side by side on a wide screen.
    {
        "file": f"icon-array-tan-rejection-{slug}.svg",
        "prefix": prefix,
        "title": f"Tan trial, group with {name}: sudden rejection in the first 6 months",
        "desc": (f"A group of 100 figures for people who got {name} at the time of the transplant in the Tan "
                 f"trial. {count} in 100 figures are filled, for people who had sudden (acute) rejection in "
                 f"the first 6 months. The other {100 - count} are outlined, for people who did not. "
                 "Everyone in the trial kept taking anti-rejection medicines. A later review of 4 trials "
                 f"found no clear difference in rejection. {other}"),
        "groups": [(label, count, "Still on anti-rejection medicines")],
        "filled": "had rejection",
        "outlined": "no rejection",
    }
    for slug, prefix, name, label, count, other in (
        ("mscs", "tanmsc", "MSCs", "With MSCs", 8,
         "A second picture shows the group that got the usual antibody medicine: 22 in 100."),
        ("usual", "tanusual", "the usual antibody medicine", "Usual antibody medicine", 22,
         "A first picture shows the group that got MSCs: 8 in 100."),
    )
]


def write_site_figures(names=None):
    written = []
    for figure in SITE_FIGURES:
        if names and figure["file"] not in names:
            continue
        path = FIGURES / figure["file"]
        path.write_text(icon_array(figure["groups"], figure["title"], figure["desc"], figure["filled"],
                                   figure["outlined"], figure["prefix"]), encoding="utf-8")
        written.append(path)
    return written


def _group(text):
    label, _, count = text.rpartition("=")
    if not label:
        raise argparse.ArgumentTypeError('write a group as "Label=number"')
    return label, int(count)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", help="the SVG file to write")
    parser.add_argument("--site", action="store_true", help="write the site's figures into docs/assets/figures/")
    parser.add_argument("--title")
    parser.add_argument("--desc")
    parser.add_argument("--group", type=_group, action="append", default=[])
    parser.add_argument("--filled", default="yes")
    parser.add_argument("--outlined", default="no")
    parser.add_argument("--prefix", default="ia")
    args = parser.parse_args(argv)
    if args.site:
        for path in write_site_figures():
            print(path.relative_to(ROOT))
        return 0
    if not (args.out and args.title and args.desc and args.group):
        parser.error("give OUT, --title, --desc and at least one --group (or use --site)")
    Path(args.out).write_text(icon_array(args.group, args.title, args.desc, args.filled, args.outlined,
                                         args.prefix), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
