"""Compare two built copies of the site, file by file, and say where they differ.

Used to check that another site generator (ProperDocs, the maintained
continuation of MkDocs 1.6) builds the same pages as MkDocs:

    python tools/compare_builds.py /tmp/site-mkdocs /tmp/site-properdocs --names MkDocs ProperDocs

Only what is allowed to differ is made equal before comparing: the
`<meta name="generator">` tag, which names the tool and its version, and the
gzip header of sitemap.xml.gz (its contents are compared). For each file that
still differs, the first differing line is reported as
`path:line:col: CODE message`, with both versions of that line.

Exit status: 0 when the builds match, 1 when they differ, 2 when a folder is
missing.
"""

import argparse
import gzip
import re
import sys
from pathlib import Path

# The generator tag names the tool that built the page, so it always differs.
GENERATOR_TAG = re.compile(r'(<meta\s+name="generator"\s+content=")[^"]*(")')
# Files compared as text, line by line; any other file is compared byte by byte.
TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".svg", ".map", ".gz"}
# How much of a differing line to show on each side of the first difference.
CONTEXT = 40


def normalised_text(path):
    """The file's text with the parts that may legitimately differ made equal."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        # The gzip header holds a time stamp and file name; only the contents matter.
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            pass  # not gzip after all: compare it as it is, rather than stop with a traceback
    text = data.decode("utf-8", errors="replace")
    return GENERATOR_TAG.sub(r"\1\2", text)


def relative_files(folder):
    """Every file in the folder, as paths relative to it, in a stable order."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def first_difference(first_lines, second_lines):
    """The 1-based line and column where two lists of lines first differ, or None."""
    for number, (one, two) in enumerate(zip(first_lines, second_lines), start=1):
        if one != two:
            column = next((i for i, (a, b) in enumerate(zip(one, two)) if a != b), min(len(one), len(two)))
            return number, column + 1
    if len(first_lines) != len(second_lines):
        return min(len(first_lines), len(second_lines)) + 1, 1
    return None


def excerpt(lines, number, column):
    """The part of line `number` around `column`, quoted, or what stands there instead."""
    if number > len(lines):
        return "nothing (the file ends before this line)"
    line = lines[number - 1]
    if not line.strip():
        return "an empty line"
    start = max(column - 1 - CONTEXT, 0)
    piece = line[start:column - 1 + CONTEXT].strip()
    before = "..." if start > 0 else ""
    after = "..." if column - 1 + CONTEXT < len(line) else ""
    return f"`{before}{piece}{after}`"


def describe_difference(first_lines, second_lines, number, column, names):
    """Both versions of the first differing line, in plain words."""
    both_have_it = number <= min(len(first_lines), len(second_lines))
    if both_have_it and first_lines[number - 1].split() == second_lines[number - 1].split():
        # Quoting two lines that look the same would only puzzle the reader.
        return "the line differs only in spacing"
    return (f"the {names[0]} build has {excerpt(first_lines, number, column)}, "
            f"the {names[1]} build has {excerpt(second_lines, number, column)}")


def compare_file(name, first_folder, second_folder, names):
    """A finding for one file present in both builds, or None when they match."""
    first_path, second_path = first_folder / name, second_folder / name
    if first_path.suffix not in TEXT_SUFFIXES:
        if first_path.read_bytes() == second_path.read_bytes():
            return None
        return f"{name}:1:1: BUILD004 the file differs between the {names[0]} and {names[1]} builds"
    first_lines = normalised_text(first_path).splitlines()
    second_lines = normalised_text(second_path).splitlines()
    place = first_difference(first_lines, second_lines)
    if place is None:
        return None
    number, column = place
    detail = describe_difference(first_lines, second_lines, number, column, names)
    return f"{name}:{number}:{column}: BUILD003 the file differs from here on: {detail}"


def compare_folders(first_folder, second_folder, names=("first", "second")):
    """One finding per file that is missing from a build or differs between the builds."""
    first_files = relative_files(first_folder)
    second_files = relative_files(second_folder)
    findings = [f"{name}:1:1: BUILD001 only the {names[0]} build has this file"
                for name in first_files if name not in second_files]
    findings += [f"{name}:1:1: BUILD002 only the {names[1]} build has this file"
                 for name in second_files if name not in first_files]
    for name in first_files:
        if name in second_files:
            finding = compare_file(name, first_folder, second_folder, names)
            if finding:
                findings.append(finding)
    return findings, len(set(first_files) | set(second_files))


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Compare two built site folders page by page.")
    parser.add_argument("first", type=Path, help="folder of the first build")
    parser.add_argument("second", type=Path, help="folder of the second build")
    parser.add_argument("--names", nargs=2, default=["first", "second"], metavar=("FIRST", "SECOND"),
                        help="what to call the two builds in messages, e.g. MkDocs ProperDocs")
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(argv)
    for folder in (arguments.first, arguments.second):
        if not folder.is_dir():
            print(f"{folder}:1:1: BUILD000 there is no built site in this folder; build it first")
            return 2
    findings, count = compare_folders(arguments.first, arguments.second, arguments.names)
    for finding in findings:
        print(finding)
    first, second = arguments.names
    if findings:
        print(f"compare_builds: {len(findings)} of {count} files differ between the {first} and {second} builds")
        return 1
    print(f"compare_builds: all {count} files match between the {first} and {second} builds "
          "(generator tags aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
