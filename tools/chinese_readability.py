"""Reading measures for the Simplified Chinese pages, with no network access.

Flesch–Kincaid counts English syllables, so it says nothing about Chinese.
For each built Chinese page this reports what Chinese plain-language
guidance looks at instead:

- the average sentence length, in Han characters (punctuation, digits and
  Latin letters such as "MSC" are not counted);
- how many sentences are longer than 30 Han characters;
- the share of Han characters that are not among the 3,500 common characters
  of level 1 of the Table of General Standard Chinese Characters (2013),
  kept in tools/data/ with its source and licence.

A sentence ends at 。！？； or an ellipsis (……), and at the end of each
paragraph, list item or table cell, so a list of short items is not read as
one long sentence (tools/site_text.py ends each block on its own line).

    python tools/chinese_readability.py [site folder, default: site]
"""

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMON_CHARACTERS_FILE = ROOT / "tools" / "data" / "tongyong-guifan-hanzi-level1.txt"
COMMON_CHARACTER_COUNT = 3500
LONG_SENTENCE = 30  # Han characters; a sentence longer than this is counted as long

# The CJK ideograph blocks of Unicode: unified ideographs, extension A,
# compatibility ideographs and extensions B to H.
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# The Chinese ellipsis is two "…"; a single one, a common slip, ends a sentence too.
SENTENCE_END = re.compile("[。！？；]|…+")


def han_characters(text):
    """The Han characters of `text`, in order."""
    return HAN.findall(text)


def sentences(text):
    """The sentences of plain text: split at Chinese sentence-final punctuation and at line ends."""
    pieces = []
    for line in text.splitlines():
        pieces += [piece for piece in SENTENCE_END.split(line) if piece.strip()]
    return pieces


def sentence_lengths(text):
    """Han characters in each sentence; a sentence with none (an English word, a number) is left out."""
    lengths = [len(han_characters(sentence)) for sentence in sentences(text)]
    return [length for length in lengths if length > 0]


def average(lengths):
    return sum(lengths) / len(lengths) if lengths else 0.0


def long_sentences(lengths, limit=LONG_SENTENCE):
    return sum(1 for length in lengths if length > limit)


def uncommon_characters(text, common):
    """Counter of the Han characters in `text` that are not in the set `common`."""
    return Counter(character for character in han_characters(text) if character not in common)


def uncommon_share(text, common):
    """Share (0–1) of the Han characters in `text`, counted each time they occur, that are not in `common`."""
    total = len(han_characters(text))
    return sum(uncommon_characters(text, common).values()) / total if total else 0.0


def read_common_characters(path=COMMON_CHARACTERS_FILE):
    """The vendored list: one character a line, lines starting with # are notes."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    characters = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if len(characters) != COMMON_CHARACTER_COUNT or len(set(characters)) != COMMON_CHARACTER_COUNT:
        raise ValueError(f"{path}: expected {COMMON_CHARACTER_COUNT} different characters, "
                         f"found {len(set(characters))}")
    return frozenset(characters)


def page_figures(text, common):
    """The page's figures, from its reader's text (site_text.body_text)."""
    lengths = sentence_lengths(text)
    return {
        "sentences": len(lengths),
        "average_sentence": round(average(lengths), 1),
        "longest_sentence": max(lengths, default=0),
        "long_sentences": long_sentences(lengths),
        "han_characters": len(han_characters(text)),
        "uncommon_share": round(uncommon_share(text, common), 4),
        "uncommon_characters": "".join(c for c, _ in uncommon_characters(text, common).most_common()),
    }


def chinese_pages(site):
    """The built Chinese pages: site/zh/**/index.html."""
    return sorted((Path(site) / "zh").rglob("index.html"))


def page_name(site, path):
    """A page's address below the site, such as "zh/case/"."""
    return path.parent.relative_to(site).as_posix() + "/"


def site_figures(site, common=None):
    """{page address: figures} for every built Chinese page."""
    from site_text import body_text  # here, so the counting functions need no bs4

    common = common if common is not None else read_common_characters()
    return {page_name(site, path): page_figures(body_text(path.read_text(encoding="utf-8")), common)
            for path in chinese_pages(site)}


def table(figures):
    """The per-page figures as lines of plain text."""
    lines = [f"  {'page':40} {'sentences':>9} {'average':>7} {'longest':>7} {'>30':>4} {'uncommon':>8}  characters"]
    for name, row in figures.items():
        lines.append(f"  {name:40} {row['sentences']:9} {row['average_sentence']:7.1f} "
                     f"{row['longest_sentence']:7} {row['long_sentences']:4} "
                     f"{row['uncommon_share']:8.2%}  {row['uncommon_characters'][:20]}")
    return lines


def main(argv):
    site = Path(argv[1] if len(argv) > 1 else ROOT / "site")
    figures = site_figures(site)
    if not figures:
        print(f"{site}: no built Chinese pages (zh/**/index.html); build the site first with `make build`.")
        return 1
    print("Chinese pages: sentences, average and longest sentence in Han characters, sentences over "
          f"{LONG_SENTENCE}, share of characters outside the 3,500 common ones, and those characters:")
    print("\n".join(table(figures)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv))
