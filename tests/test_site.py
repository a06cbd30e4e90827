"""The foundation: a strict, private, reproducible build with review dates."""

import datetime
import filecmp
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.metadata import check_metadata  # noqa: E402

VALID_FRONT_MATTER = (
    "---\ntitle: Test page\ndescription: A page for a test.\n"
    "last_reviewed: {last}\nnext_review: {next}\nevidence_checked: {last}\n---\n"
)


def page(last="2026-11-26", next_="2027-11-26", body="# Test page\n\nDo not stop your medicines.\n"):
    return VALID_FRONT_MATTER.format(last=last, next=next_) + "\n" + body


def content_pages():
    return sorted(ROOT.glob("docs/**/*.md"))


def built_pages(site_dir):
    return sorted(Path(site_dir).rglob("*.html"))


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------

def test_site_builds_strictly_with_zero_warnings(site_builds):
    for _, result in site_builds:
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
        assert warnings == []


@pytest.mark.reproducibility
def test_two_builds_are_byte_identical(site_builds):
    (first, _), (second, _) = site_builds
    comparison = filecmp.dircmp(first, second)
    assert _differences(comparison) == []


def _differences(comparison):
    found = comparison.left_only + comparison.right_only + comparison.funny_files
    # dircmp compares by size and mtime first; compare contents for certain.
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right,
                                           comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_every_page_has_valid_review_metadata():
    today = datetime.date.today()
    findings = []
    for path in content_pages():
        findings += check_metadata(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), today)
    assert [f.as_text() for f in findings] == []


def test_every_built_page_shows_review_dates(built_site):
    pages = [p for p in built_pages(built_site) if p.name != "404.html"]
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if "/zh/" in path.as_posix():
            assert "本页上次审核：" in html and "下次审核：" in html, path
        else:
            assert "Page last reviewed:" in html and "Next review due:" in html, path


class _ResourceCollector(HTMLParser):
    """Collects every URL the browser would load (not plain links)."""

    LOADING_ATTRIBUTES = {
        "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"],
        "source": ["src", "srcset"], "audio": ["src"], "video": ["src", "poster"],
        "embed": ["src"], "object": ["data"], "track": ["src"], "input": ["src"],
    }

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in self.LOADING_ATTRIBUTES.get(tag, []):
            if attrs.get(name):
                self.urls += [part.split()[0] for part in attrs[name].split(",") if part.strip()]
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if not set(rel) & {"canonical", "alternate", "author", "license", "help", "search"}:
                self.urls.append(attrs["href"])
        if attrs.get("style"):
            self.urls += _css_urls(attrs["style"])

    def handle_data(self, data):
        if self.lasttag == "style":
            self.urls += _css_urls(data)


def _css_urls(css):
    return re.findall(r"""url\(\s*['"]?([^'")\s]+)""", css) + re.findall(r"""@import\s+['"]([^'"]+)""", css)


def _is_remote(url):
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I))


def test_built_html_loads_nothing_from_another_host(built_site):
    remote = []
    for path in built_pages(built_site):
        collector = _ResourceCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        remote += [f"{path.relative_to(built_site)}: {url}" for url in collector.urls if _is_remote(url)]
    for path in Path(built_site).rglob("*.css"):
        remote += [f"{path.relative_to(built_site)}: {url}"
                   for url in _css_urls(path.read_text(encoding="utf-8")) if _is_remote(url)]
    assert remote == []


def test_no_github_api_widget_or_google_fonts(built_site):
    for path in built_pages(built_site):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, path
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path


def test_no_placeholder_text_in_built_pages(built_site):
    placeholder = re.compile(r"\b(TODO|FIXME|TBD|lorem ipsum|placeholder)\b", re.I)
    hits = []
    for path in built_pages(built_site):
        text = _visible_text(path.read_text(encoding="utf-8"))
        hits += [f"{path.relative_to(built_site)}: {m.group(0)}" for m in placeholder.finditer(text)]
    assert hits == []


def _visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


# -----------------------------------------------------------------------------
# Fixture sites: review metadata fails the build, naming the file
# -----------------------------------------------------------------------------

def test_past_due_review_fails_the_build_and_names_the_file(fixture_site):
    config, site = fixture_site({"index.md": page(last="2020-01-01", next_="2020-06-01")})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert ("docs/index.md:5:1: META003 review-overdue The next review was due on 2020-06-01. Review the page "
            "against its sources and search for new evidence, then set `last_reviewed` and `evidence_checked` "
            "to today, and change `next_review` on this line to a date at most 12 months later.") in result.stderr


def test_missing_metadata_fails_the_build_and_names_the_file(fixture_site):
    config, site = fixture_site({"index.md": "---\ntitle: Test page\n---\n# Test page\n\nAsk your team.\n"})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert "docs/index.md:1:1: META001 missing-page-detail The front matter has no `description`." in result.stderr
    assert "docs/index.md:1:1: META001 missing-page-detail The front matter has no `next_review`." in result.stderr
    assert "Traceback" not in result.stderr


def test_valid_fixture_page_builds_clean(fixture_site):
    config, site = fixture_site({"index.md": page()})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr


# -----------------------------------------------------------------------------
# The metadata rules themselves
# -----------------------------------------------------------------------------

TODAY = datetime.date(2026, 11, 26)


@pytest.mark.parametrize("text, code", [
    (page(), None),
    (page(last="2026-11-26", next_="2027-11-26"), None),
    (page(last="2026-11-26", next_="2027-11-27"), "META004"),
    (page(last="2026-11-26", next_="2026-11-26"), "META004"),
    (page(last="2026-13-01"), "META002"),
    (page(next_="next year"), "META002"),
    (page(last="2025-01-01", next_="2025-12-01"), "META003"),
    ("---\ntitle: [unclosed\n---\n# Page\n", "META005"),
    ("# No front matter\n", "META001"),
])
def test_metadata_rule_examples(text, code):
    codes = {finding.code for finding in check_metadata("docs/x.md", text, TODAY)}
    assert codes == ({code} if code else set())


def test_leap_day_review_window():
    text = page(last="2028-02-29", next_="2029-02-28")
    # Reviewed on the leap day itself, so that evidence_checked is not in the future.
    assert check_metadata("docs/x.md", text, datetime.date(2028, 2, 29)) == []


# -----------------------------------------------------------------------------
# Repository files
# -----------------------------------------------------------------------------

def test_workflows_and_issue_forms_are_valid():
    issue_config = ROOT / ".github/ISSUE_TEMPLATE/config.yml"
    checks = [
        ("vendor.github-workflows", sorted(ROOT.glob(".github/workflows/*.yml"))),
        ("vendor.github-issue-forms", sorted(set(ROOT.glob(".github/ISSUE_TEMPLATE/*.yml")) - {issue_config})),
        ("vendor.github-issue-config", [issue_config]),
        ("vendor.dependabot", [ROOT / ".github/dependabot.yml"]),
    ]
    for schema, files in checks:
        assert files
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
            capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_make_test_and_nothing_else():
    lines = [line.strip() for line in (ROOT / ".ci/run").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert "make test" in lines


def test_quiet_is_never_combined_with_strict():
    for path in [ROOT / "Makefile", ROOT / ".ci/run", *ROOT.glob(".github/workflows/*.yml")]:
        for line in path.read_text().splitlines():
            if "mkdocs" in line and "--strict" in line:
                assert not re.search(r"\s(-q|--quiet)\b", line), f"{path}: {line}"


def test_lock_files_pin_every_package_with_a_hash():
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text()
        requirements = re.findall(r"^([A-Za-z0-9_.\-\[\]]+)(==[^ \\]+)?", text, re.M)
        assert requirements, name
        for package, pin in requirements:
            assert pin, f"{name}: {package} is not pinned with =="
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
        for block in blocks:
            if re.match(r"[A-Za-z0-9]", block):
                assert "--hash=sha256:" in block, f"{name}: no hash for {block.splitlines()[0]}"


def test_moved_page_redirect_works_offline(fixture_site):
    config, site = fixture_site({"index.md": page()}, redirects={"old-page.md": "index.md"})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    redirect = (site / "old-page" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "//" not in redirect.split("url=")[1].split('"')[0]
