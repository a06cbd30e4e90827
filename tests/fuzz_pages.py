"""Random damaged Markdown pages, for the reader's robustness test and bench/fuzz_reader.py."""

import random

FRONT = ("---\ntitle: Fuzz\ndescription: A damaged page.\nlast_reviewed: 2026-11-26\n"
         "next_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")
# Pieces of every construct the reader knows, and the ways editors and tools break them.
PIECES = ["- ", "* ", "1. ", "> ", "    ", "  ", "\t", "!!! note \"Box\"", "??? info \"Box\"", "???+ tip",
          "<div markdown>", "<div markdown=\"1\">", "</div>", "<div>", "<figure markdown=\"span\">", "</figure>",
          "<details markdown>", "<summary>Title</summary>", "<abbr title=\"x\">MSC</abbr>", "<span>", "</span>",
          "<p>", "</p>", "<hr>", "<svg>", "</svg>", "[^note]: ", "[^note]", "[ref]: https://example.org/ ",
          "*[MSC]: Mesenchymal", "| a | b |", "| --- | --- |", "|", "```", "~~~", "`", "<!--", "-->",
          "<!-- not-a-claim: reason -->", "[@smith2020example]", "[@", "]", "[", "(", ")", "](", "#", "## ",
          "--8<-- \"help.md\"", "---", "***", "[ ] ", "[x] ", "MSCs come from bone marrow.", "Call your team.",
          "In 1 in 3 patients.", "COVID-19", "e.g.", "Dr.", "é", "\u200b", "“", "\\", "{: .class}", ":", "?", "!",
          "**", "_", "=", "<", ">", "&amp;", "\r", "\x00"]


# Pieces that a damaged page may repeat many times in a row, backticks included.
REPEATED = PIECES


def damaged_page(seed, lines=40):
    """A page of `lines` random lines, each a few random pieces, some repeated many times."""
    chooser = random.Random(seed)
    body = []
    for _ in range(lines):
        parts = [chooser.choice(PIECES) for _ in range(chooser.randint(0, 8))]
        if chooser.random() < 0.05:
            parts = [chooser.choice(REPEATED)] * chooser.randint(50, 3000) + parts
        body.append("".join(parts))
    return FRONT + "\n".join(body) + ("\n" if chooser.random() < 0.5 else "")
