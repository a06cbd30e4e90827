"""A small jieba dictionary holding only the words this site's Chinese text can use.

Material's search cuts each run of Chinese characters (Han script) into
words with jieba. jieba's own dictionary has 349,046 words; loading it takes
about half a second of every build, and this site's text can use only about
3,000 of them, because jieba only ever picks a word that is part of the run
it is cutting. This module writes a dictionary of those words, with their
frequencies, plus one line that stands for the rest of jieba's total (which
jieba uses to weigh one long word against two short ones), so the cuts are
exactly the ones the full dictionary gives (tests/test_search_dictionary.py).

The dictionary is remade (in about a second) only when the site's Chinese
text changes: it is kept in the system's temporary folder, as jieba keeps its
own cache, named after a fingerprint of that text and of jieba's dictionary
file. Nothing here imports MkDocs.
"""

import hashlib
import os
import re
import tempfile

# Han characters, as Material's \p{script: Han} picks them out of the page for jieba.
HAN_RUN = re.compile(r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                     r"\uf900-\ufaff\U00020000-\U0003134f]+")
# Markup that disappears between two characters on the rendered page.
HTML_TAG = re.compile(r"<[^<>]*>")
LINK_ADDRESS = re.compile(r"\]\([^()]*\)|\]\[[^\[\]]*\]")
MARKUP_CHARACTERS = re.compile(r"[*_~=^`\[\]]")
# A character that is not Han, so it never matches text: its line carries the rest of the total.
REST_OF_TOTAL = "\ue000"
# Where a page's Chinese text can come from: the pages, the shared text, the sources
# (the Sources page is searchable) and the words our hooks and templates add.
TEXT_SOURCES = ("docs", "includes", "overrides", "hooks", "refs.bib", "mkdocs.yml", "terminology.yml")
TEXT_SUFFIXES = (".md", ".html", ".py", ".bib", ".yml", ".yaml", ".txt")
FOLDER = "msc-site-search"

_last = {"text": None, "path": None}


def site_dictionary(root, full_dictionary):
    """The path of the small dictionary for the Chinese text under `root`, written if it is not there yet."""
    text = site_text(root)
    if _last["text"] == (root, full_dictionary, text):
        return _last["path"]  # each language is a build of its own, and `serve` rebuilds after each edit
    runs = han_runs(text)
    full = os.stat(full_dictionary)
    fingerprint = hashlib.sha256("\n".join([full_dictionary, str(full.st_size), str(full.st_mtime_ns)]
                                           + sorted(runs)).encode("utf-8")).hexdigest()[:16]
    path = os.path.join(tempfile.gettempdir(), FOLDER, f"zh-words-{fingerprint}.txt")
    if not os.path.isfile(path):
        with open(full_dictionary, encoding="utf-8") as handle:
            _write(path, dictionary_lines(handle.read(), runs))
    _last.update(text=(root, full_dictionary, text), path=path)
    return path


def site_text(root):
    """All text of the files a page's words can come from, one file after another."""
    texts = []
    for name in TEXT_SOURCES:
        top = os.path.join(root, name)
        paths = [top] if os.path.isfile(top) else [
            os.path.join(folder, file) for folder, _, files in os.walk(top) for file in sorted(files)
            if file.endswith(TEXT_SUFFIXES)]
        for path in paths:
            with open(path, encoding="utf-8", errors="replace") as handle:
                texts.append(handle.read())
    return "\n".join(texts)


def han_runs(text):
    """The runs of Han characters in `text`, also as they join up once Markdown and HTML are rendered:
    **间充质**基质细胞 and [间充质](link)基质细胞 are one run, 间充质基质细胞, on the page."""
    return set(HAN_RUN.findall(text)) | set(HAN_RUN.findall(_without_markup(text)))


def _without_markup(text):
    return MARKUP_CHARACTERS.sub("", LINK_ADDRESS.sub("", HTML_TAG.sub("", text)))


def dictionary_lines(full_text, runs):
    """jieba's lines ("word frequency [tag]") for the words found inside `runs`, then the rest of the total."""
    entries = [line.split(" ", 2) for line in full_text.splitlines() if line]
    longest = max(len(entry[0]) for entry in entries)
    pieces = _pieces(runs, longest)
    kept, rest = [], 0
    for entry in entries:
        if entry[0] in pieces:
            kept.append(" ".join(entry))
        else:
            rest += int(entry[1])
    return kept + [f"{REST_OF_TOTAL} {rest}"]


def _pieces(runs, longest):
    """Every piece of every run, up to `longest` characters: the only words jieba can use."""
    pieces = set()
    for run in runs:
        for start in range(len(run)):
            for end in range(start + 1, min(len(run), start + longest) + 1):
                pieces.add(run[start:end])
    return pieces


def _write(path, lines):
    """Write whole or not at all: two builds at once may write the same file."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".partial")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(partial, path)
