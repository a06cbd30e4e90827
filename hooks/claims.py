"""Check that every claim in the site's Markdown pages cites a source.

Usage:
    python hooks/claims.py [--bib FILE] [--format text|json|github] [--explain] PATH...

PATH is a Markdown file or a folder, searched for *.md. For a folder, the
shared snippets in the `includes` folder beside it (docs -> includes) are
checked too, once each. Exit status: 0 no findings, 1 findings, 2 a usage
or input error (shown as one line).
--explain also lists every sentence the rules did not treat as a claim, with
its location and the kind of reason (direction, question, signpost, marker,
definition), so a reviewer can audit those decisions; the exit status is the same.
--format github prints each finding as a GitHub Actions error annotation, so a
pull request shows it on the file and line it is about.
The rules are explained in CONTRIBUTING.md, "What the checks mean".
"""

import argparse
import json
import sys
from pathlib import Path

# Run as a script, the folder of this file is on sys.path; the package sits beside it.
from claimcheck.bibliography import check_entries, check_uncited, read_bibliography
from claimcheck.checker import check_page, check_snippet, read_page, summary_line
from claimcheck.findings import InputError

REPOSITORY = Path(__file__).resolve().parent.parent


def main(argv=None):
    args = _arguments(argv)
    try:
        bibliography = read_bibliography(args.bib)
        pages = _markdown_files(args.paths)
    except InputError as error:
        if args.format == "github":
            print(_github_error(str(error)))  # GitHub reads workflow commands from standard output
        else:
            print(error, file=sys.stderr)
        return 2
    findings, reports, unreadable = check_entries(bibliography), [], []
    known_keys = set(bibliography.by_key())
    for path, includes in pages:
        text, problem = read_page(path)
        if problem:
            unreadable.append(problem)
            continue
        reports.append(check_page(str(path), text, known_keys, snippets=_snippet_names(includes)))
    for path in _snippet_files({includes for _, includes in pages if includes}):
        text, problem = read_page(path)
        if problem:
            unreadable.append(problem)
            continue
        reports.append(check_snippet(str(path), text, known_keys))
    findings += unreadable + [finding for report in reports for finding in report.findings]
    if any(Path(path).is_dir() for path in args.paths):
        # Only a whole folder shows which entries no page cites.
        cited = {key for report in reports for key, _, _ in report.citations}
        findings += check_uncited(bibliography, cited)
    findings.sort()
    exemptions = sorted(e for report in reports for e in report.exemptions) if args.explain else None
    _print(findings, reports, args.format, exemptions)
    if unreadable:
        return 2
    return 1 if findings else 0


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python hooks/claims.py",
        description="Check that every claim in Markdown pages cites a source in refs.bib.")
    parser.add_argument("--bib", default=str(REPOSITORY / "refs.bib"),
                        help="the BibTeX file (default: refs.bib next to mkdocs.yml)")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="github: one annotation per finding, for a GitHub Actions step")
    parser.add_argument("--explain", action="store_true",
                        help="also list each sentence not treated as a claim, and why")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or folders")
    return parser.parse_args(argv)


def _markdown_files(paths):
    """[(page, its includes folder or None)]: only a folder's pages know where their snippets are."""
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            includes = path.parent / "includes"
            files += [(page, includes if includes.is_dir() else None) for page in sorted(path.rglob("*.md"))]
        elif path.is_file():
            files.append((path, None))
        else:
            raise InputError(f"{name}: no such file or folder. Give a Markdown file or a folder of them.")
    return files


def _snippet_names(includes):
    return {path.name for path in includes.glob("*.md")} if includes else None


def _snippet_files(folders):
    """Each snippet in the given includes folders, checked once however many pages use it."""
    return sorted(path for folder in folders for path in folder.glob("*.md"))


def _print(findings, reports, output_format, exemptions=None):
    """Findings (and, with --explain, exemptions), then the summary line in text format.

    Without --explain the JSON output stays a list of findings; with it, an
    object {"findings": [...], "exempt": [...]}.
    """
    if output_format == "json":
        data = [finding.as_dict() for finding in findings]
        if exemptions is not None:
            data = {"findings": data, "exempt": [exemption.as_dict() for exemption in exemptions]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if output_format == "github":
        # Exemptions are decisions to audit, not problems, so they get no annotation.
        for finding in findings:
            print(_github_annotation(finding))
        print(summary_line(reports, len(findings)))
        return
    for finding in findings:
        print(finding.as_text())
    for exemption in exemptions or []:
        print(exemption.as_text())
    print(summary_line(reports, len(findings)))


def _github_annotation(finding):
    """`::error file=…,line=…,col=…,title=CODE slug::message`, which GitHub shows on that line of the file."""
    properties = (f"file={_github_property(_repository_path(finding.path))}",
                  f"line={finding.line}", f"col={finding.column}",
                  f"title={_github_property(f'{finding.code} {finding.slug}')}")
    return f"::error {','.join(properties)}::{_github_data(finding.message)}"


def _github_error(message):
    """An annotation with no file, for input that could not be read at all."""
    return f"::error::{_github_data(message)}"


def _repository_path(path):
    """The path from the repository's top folder, as GitHub names files; other paths unchanged."""
    try:
        return Path(path).resolve().relative_to(REPOSITORY).as_posix()
    except ValueError:
        return path


def _github_data(text):
    """Escape a message as GitHub's workflow commands require (actions/toolkit, escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text):
    """Escape a property value: as a message, and also `:` and `,`, which end a property."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
