"""tools/compare_builds.py: two tiny built sites, compared file by file.

The CI job in .github/workflows/properdocs.yml relies on this tool to say
whether ProperDocs builds the same site as MkDocs, so it must ignore only
the generator tag (and gzip headers) and report everything else.
"""

import gzip
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from compare_builds import compare_folders, main  # noqa: E402

NAMES = ("MkDocs", "ProperDocs")


def page(generator, body="<p>MSCs are cells.</p>"):
    return ("<html>\n<head>\n"
            f'<meta name="generator" content="{generator}, mkdocs-material-9.8.2">\n'
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def build(folder, files):
    """A fake built site: {relative path: text or bytes}."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def sitemap_gz(mtime):
    return gzip.compress(b"<urlset><url><loc>https://example.org/</loc></url></urlset>\n", mtime=mtime)


def two_builds(tmp_path, first_files, second_files):
    return build(tmp_path / "mkdocs", first_files), build(tmp_path / "properdocs", second_files)


def test_builds_that_differ_only_by_generator_and_gzip_header_match(tmp_path, capsys):
    first, second = two_builds(
        tmp_path,
        {"index.html": page("mkdocs-1.6.1"), "case/index.html": page("mkdocs-1.6.1"),
         "sitemap.xml.gz": sitemap_gz(1), "assets/logo.png": b"\x89PNG\x00\x01"},
        {"index.html": page("mkdocs-ProperDocs 1.6.7"), "case/index.html": page("mkdocs-ProperDocs 1.6.7"),
         "sitemap.xml.gz": sitemap_gz(2), "assets/logo.png": b"\x89PNG\x00\x01"})
    assert compare_folders(first, second, NAMES) == ([], 4)
    assert main([str(first), str(second), "--names", *NAMES]) == 0
    assert "all 4 files match between the MkDocs and ProperDocs builds" in capsys.readouterr().out


def test_first_differing_line_is_reported_with_both_versions(tmp_path):
    first, second = two_builds(
        tmp_path,
        {"case/index.html": page("mkdocs-1.6.1", "<p>MSCs are cells.</p>\n<p>Second line.</p>")},
        {"case/index.html": page("mkdocs-ProperDocs 1.6.7", "<p>MSCs are stem cells.</p>\n<p>Other.</p>")})
    findings, _ = compare_folders(first, second, NAMES)
    # Only the first difference of a page is reported, at its line and column.
    assert findings == [
        "case/index.html:6:13: BUILD003 the file differs from here on: "
        "the MkDocs build has `<p>MSCs are cells.</p>`, the ProperDocs build has `<p>MSCs are stem cells.</p>`"]


def test_a_page_that_ends_early_is_reported(tmp_path):
    first, second = two_builds(tmp_path, {"index.html": "<p>a</p>\n<p>b</p>\n"}, {"index.html": "<p>a</p>\n"})
    assert compare_folders(first, second, NAMES)[0] == [
        "index.html:2:1: BUILD003 the file differs from here on: "
        "the MkDocs build has `<p>b</p>`, the ProperDocs build has nothing (the file ends before this line)"]


def test_a_difference_in_spacing_is_reported_as_such(tmp_path):
    first, second = two_builds(tmp_path, {"sitemap.xml": "<urlset>\n    <url>\n"},
                               {"sitemap.xml": "<urlset>\n      <url>\n"})
    assert compare_folders(first, second, NAMES)[0] == [
        "sitemap.xml:2:5: BUILD003 the file differs from here on: the line differs only in spacing"]


def test_files_in_only_one_build_and_changed_binary_files_are_reported(tmp_path, capsys):
    first, second = two_builds(
        tmp_path,
        {"index.html": page("x"), "old-page/index.html": page("x"), "assets/logo.png": b"\x89PNG\x00\x01"},
        {"index.html": page("y"), "search.json": "{}", "assets/logo.png": b"\x89PNG\x00\x02"})
    assert compare_folders(first, second, NAMES) == ([
        "old-page/index.html:1:1: BUILD001 only the MkDocs build has this file",
        "search.json:1:1: BUILD002 only the ProperDocs build has this file",
        "assets/logo.png:1:1: BUILD004 the file differs between the MkDocs and ProperDocs builds",
    ], 4)
    assert main([str(first), str(second), "--names", *NAMES]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "compare_builds: 3 of 4 files differ between the MkDocs and ProperDocs builds")


def test_a_damaged_gzip_file_is_compared_as_it_is(tmp_path):
    first, second = two_builds(tmp_path, {"sitemap.xml.gz": sitemap_gz(1)[:20]}, {"sitemap.xml.gz": b"not gzip"})
    findings, _ = compare_folders(first, second, NAMES)
    assert [finding.split(" the file")[0] for finding in findings] == ["sitemap.xml.gz:1:1: BUILD003"]


def test_a_missing_build_folder_is_a_plain_message(tmp_path, capsys):
    built = build(tmp_path / "built", {"index.html": page("x")})
    assert main([str(tmp_path / "never-built"), str(built)]) == 2
    output = capsys.readouterr().out
    assert output == f"{tmp_path / 'never-built'}:1:1: BUILD000 there is no built site in this folder; build it first\n"
