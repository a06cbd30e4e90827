"""Generate a corpus of realistic cited Markdown pages, with planted uncited claims.

Each page has about 1,000 words: headings, paragraphs that end with a
citation, cited list items, a table and an admonition, like the site's pages.
Every page with a number divisible by 50 gets one uncited claim, so a run can
prove the checker still finds every planted finding at scale.

shape_body() writes one long block instead (a paragraph on one line or on
many, a list, a table), the inputs on which the checker once grew quadratically.
"""

import datetime
import random
from pathlib import Path

KEYS = ["casiraghi2020tolerance", "perico2018longterm", "tan2012induction", "lalu2012safecell",
        "kawai2008hla", "sawitzki2020onestudy", "dominici2006minimal", "butler2004nonadherence"]
SENTENCES = [
    "Mesenchymal stromal cells are grown in a laboratory from a small sample of bone marrow",
    "The transplant team checks kidney function with regular blood tests at the clinic",
    "Doctors reduced the anti-rejection medicines slowly while they watched for signs of rejection",
    "Researchers measured immune cells in the blood before and after the cells were given",
    "Regulatory T cells help to keep the immune system calm and may support tolerance",
    "Most people need anti-rejection medicines for as long as the new kidney works",
    "The study did not have a control group, so it cannot show what caused the result",
    "Side effects of these medicines can include infections and some kinds of cancer",
]
PLANTED = "This planted claim has no citation at all"


REVIEWED = datetime.date(2026, 11, 26)  # pass as `today` to check_page, so no date rule fires


def front_matter(title):
    """The front matter every generated page starts with, and the blank line after it."""
    return (f"---\ntitle: {title}\ndescription: A generated page.\nlast_reviewed: {REVIEWED}\n"
            f"next_review: {REVIEWED.replace(year=REVIEWED.year + 1)}\nevidence_checked: {REVIEWED}\n---\n\n")


def page_text(number, rng):
    lines = front_matter(f"Page {number}").split("\n")[:-1] + [f"# Page {number}", ""]
    words = 0
    section = 0
    while words < 1000:
        section += 1
        lines += [f"## Section {section}", ""]
        for _ in range(3):
            paragraph = [s + "." for s in rng.sample(SENTENCES, 4)]
            paragraph[-1] = paragraph[-1][:-1] + f" [@{rng.choice(KEYS)}]."
            lines += paragraph + [""]
            words += sum(len(s.split()) for s in paragraph)
        lines += [f"Signs to watch for include [@{rng.choice(KEYS)}]:", "", "- fever", "- swollen ankles",
                  f"- {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}].", ""]
        lines += ["| Study | Finding |", "| --- | --- |",
                  f"| A study | {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}] |", ""]
        lines += ['!!! note "Good to know"', f"    {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}].", ""]
        words += 60
    if number % 50 == 0:
        lines += [PLANTED + ".", ""]
    return "\n".join(lines)


def write_corpus(folder, pages, seed=2026):
    """Write `pages` pages into folder; return how many planted findings it holds."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, pages + 1):
        (folder / f"page{number:05d}.md").write_text(page_text(number, rng), encoding="utf-8")
    return pages // 50


def corpus_bib(path):
    entries = [f"@misc{{{key},\n  evidence = {{case report}},\n  title = {{{key}}},\n  year = {{2020}},\n"
               f"  url = {{https://example.org/{key}}}\n}}\n" for key in KEYS]
    Path(path).write_text("\n".join(entries), encoding="utf-8")


# -----------------------------------------------------------------------------
# One block of a given shape, for the checker's scaling benchmark and its 1 MB test
# -----------------------------------------------------------------------------

# How each shape writes one sentence, and what comes before the first.
SHAPES = {"one line": ("", "{} "), "one sentence per line": ("", "{}\n"), "one list": ("", "- {}\n"),
          "one table": ("| Study | Finding |\n| --- | --- |\n", "| A study | {} |\n")}
PLANTED_NUMBER = "In 3 of 4 patients the medicines were reduced."


def shape_body(shape, size, key=KEYS[0]):
    """About `size` characters of Markdown, all in one block of `shape` (a key of SHAPES).

    Every sentence is cited or is advice, except the last, which gives a
    number with no citation: exactly one finding, on the last line, shows that
    the checker read to the end. A one-line page has one paragraph of
    thousands of sentences; a list, thousands of items under no lead-in.
    """
    head, form = SHAPES[shape]
    pieces, total = [head], len(head)
    while total < size:
        if len(pieces) % 5 == 0 and shape != "one table":  # a table row needs a citation, advice or not
            sentence = "Ask your team about this."
        else:
            sentence = f"{SENTENCES[len(pieces) % len(SENTENCES)]} [@{key}]."
        pieces.append(form.format(sentence))
        total += len(pieces[-1])
    pieces.append(form.format(PLANTED_NUMBER))
    return "".join(pieces).rstrip(" \n") + "\n"
