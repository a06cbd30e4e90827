"""Pull requests that review themselves: annotations, the job summary, and the GitHub files around them."""

import datetime
import json
import re
import shlex
import subprocess
import sys

import pytest
import yaml

from conftest import FIXTURE_BIB, ROOT, build_env

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))
import claims  # noqa: E402
import pr_summary  # noqa: E402
from claimcheck.catalogue import message  # noqa: E402
from claimcheck.findings import Finding  # noqa: E402
from readability import grade  # noqa: E402
from site_text import body_text  # noqa: E402

CLI = [sys.executable, str(ROOT / "hooks" / "claims.py")]
WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"


def front_matter():
    """Valid page details for today, so the fixture page is never overdue."""
    today = datetime.date.today()
    return (f"---\ntitle: Test page\ndescription: A page for a test.\nlast_reviewed: {today}\n"
            f"next_review: {today + datetime.timedelta(days=180)}\nevidence_checked: {today}\n---\n")


# -----------------------------------------------------------------------------
# hooks/claims.py --format github
# -----------------------------------------------------------------------------

def test_github_format_prints_one_annotation_per_finding_then_the_summary(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "page, one.md"
    page.write_text(front_matter() + "\n# Test page\n\n"
                    "Kidneys filter blood [@smith2020example].\nKidneys make hormones.\n", encoding="utf-8")
    github = subprocess.run([*CLI, "--bib", str(FIXTURE_BIB), "--format", "github", str(docs)],
                            capture_output=True, text=True, check=False)
    text = subprocess.run([*CLI, "--bib", str(FIXTURE_BIB), str(docs)],
                          capture_output=True, text=True, check=False)
    path = str(page).replace(",", "%2C")  # outside the repository, so shown as given
    assert github.stdout.splitlines() == [
        f"::error file={path},line=12,col=1,title=CLAIM001 uncited-claim::{message('CLAIM001')}",
        "1 page, 2 claims, 1 cited, 0 exempt, 1 finding",
    ]
    assert github.stdout.splitlines()[-1] == text.stdout.splitlines()[-1]
    assert (github.returncode, github.stderr) == (1, "")


def test_github_format_escapes_the_message_and_the_properties():
    found = Finding(str(ROOT / "docs" / "a,b:c.md"), 3, 2, "CLAIM001", "50% done,\r\nnext: line")
    assert claims._github_annotation(found) == (
        "::error file=docs/a%2Cb%3Ac.md,line=3,col=2,title=CLAIM001 uncited-claim"
        "::50%25 done,%0D%0Anext: line")


def test_github_format_names_files_from_the_top_of_the_repository():
    found = Finding(str(ROOT / "refs.bib"), 12, 1, "BIB005", "No page cites `x`.")
    assert claims._github_annotation(found) == (
        "::error file=refs.bib,line=12,col=1,title=BIB005 uncited-entry::No page cites `x`.")


def test_github_format_reports_unreadable_input_as_an_annotation(tmp_path):
    missing = tmp_path / "missing.bib"
    result = subprocess.run([*CLI, "--bib", str(missing), "--format", "github", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    expected = f"{missing}:1:1: BIB001 unreadable-bibliography {message('BIB001', 'missing-file')}"
    assert result.stdout == f"::error::{expected}\n"
    assert (result.returncode, result.stderr) == (2, "")


# -----------------------------------------------------------------------------
# tools/pr_summary.py
# -----------------------------------------------------------------------------

EASY_PAGE = ('<article class="md-content__inner"><h1>Home<a class="headerlink" href="#home">¶</a></h1>'
             "<p>You take your medicines every day. They protect your kidney.</p></article>")
HARD_PAGE = ('<article class="md-content__inner"><h1>Hard | page</h1><p>Mesenchymal stromal cell '
             "administration demonstrated immunomodulatory characteristics facilitating operational "
             "tolerance investigations internationally.</p></article>")


def page_report(path, claims_count, cited, by_kind=None, findings=(), citations=()):
    by_kind = dict(dict.fromkeys(("definition", "direction", "marker", "question", "signpost"), 0), **(by_kind or {}))
    return {"path": path, "claims": claims_count, "cited": cited, "exempt": sum(by_kind.values()),
            "exempt_by_kind": by_kind, "exempt_sentences": [], "findings": list(findings),
            "citations": [{"key": key, "line": 1, "section": ""} for key in citations]}


def finding_data(path, line, code, slug, text, sentence=""):
    return {"path": path, "line": line, "column": 1, "code": code, "slug": slug, "message": text,
            "sentence": sentence}


UNCITED = finding_data("docs/hard.md", 9, "CLAIM001", "uncited-claim",
                       "Claim without a citation. Add [@key], or mark it <!-- not-a-claim: reason -->.",
                       "Kidneys make <b>hormones</b>.")
TOO_HARD = finding_data("docs/hard.md", 8, "READ001", "hard-to-read", "This text reads at school grade 19.0.")
UNCITED_SOURCE = finding_data("refs.bib", 20, "BIB005", "uncited-entry", "No page cites `lonely2026`.")
REPORT = {
    "pages": [page_report("docs/about/sources.md", 0, 0, {"signpost": 2}),
              page_report("docs/hard.md", 3, 2, {"direction": 1, "marker": 1}, [TOO_HARD, UNCITED]),
              page_report("docs/index.md", 2, 2, {"question": 1}, citations=["new2026", "old2020"])],
    "snippets": [page_report("includes/help.md", 1, 1, {"direction": 4})],
    "bibliography_findings": [UNCITED_SOURCE],
    "exempt_by_kind": {"definition": 0, "direction": 5, "marker": 1, "question": 1, "signpost": 2},
}
BASE_BIB = '@string{journal = "J"}\n@article{old2020,\n  title = {Old},\n  year = {2020}\n}\n'
NEW_BIB = BASE_BIB + ("@comment{oldnote,}\n@misc{new2026,\n  title = {{New} guidance},\n  year = {2026}\n}\n"
                      "@misc{lonely2026,\n  title = {Lonely},\n  year = {2026}\n}\n")
CHANGED = "docs/index.md\ndocs/hard.md\ndocs/about/sources.md\nincludes/help.md\ndocs/gone.md\nrefs.bib\n"


def write_fixture(tmp_path, report=REPORT):
    site = tmp_path / "site"
    (site / "hard").mkdir(parents=True)
    (site / "index.html").write_text(EASY_PAGE, encoding="utf-8")
    (site / "hard" / "index.html").write_text(HARD_PAGE, encoding="utf-8")
    if report is not None:
        (site / pr_summary.REPORT_FILE).write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "changed.txt").write_text(CHANGED, encoding="utf-8")
    (tmp_path / "base.bib").write_text(BASE_BIB, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(NEW_BIB, encoding="utf-8")
    return site


def run_summary(tmp_path, *extra):
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pr_summary.py"), "--site", str(tmp_path / "site"),
         "--changed", str(tmp_path / "changed.txt"), "--bib", str(tmp_path / "refs.bib"),
         "--base-bib", str(tmp_path / "base.bib"), *extra],
        capture_output=True, text=True, check=False)


def test_summary_of_a_pull_request(tmp_path):
    write_fixture(tmp_path)
    easy, hard = grade(body_text(EASY_PAGE)), grade(body_text(HARD_PAGE))
    result = run_summary(tmp_path, "--artifact-url", "https://github.com/o/r/actions/runs/1/artifacts/2")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"""# Checks on this change

**3 problems to fix before this change can go on the site.** All are listed below under "Problems to fix". \
Those in files this change touches are also marked on their line in the **Files changed** tab (GitHub shows at most 10).

## Pages you changed

| Page | Facts | With a source | Not counted as facts | Problems | Reading level |
| --- | ---: | ---: | --- | ---: | --- |
| Home<br>`docs/index.md` | 2 | 2 | 1 (questions 1) | 0 | {easy:.1f} |
| Hard \\| page<br>`docs/hard.md` | 3 | 2 | 2 (advice 1, marked by an editor 1) | 2 | \
**too hard**: {hard:.1f} |
| `docs/about/sources.md` | 0 | 0 | 2 (signposts 2) | 0 | a list of sources, not scored |
| `includes/help.md` | 1 | 1 | 4 (advice 4) | 0 | shared text: see the pages that show it |
| `docs/gone.md` | | | | | not on the site (removed, or renamed?) |

**Facts** are sentences that state a fact, so each needs a source. **Not counted as facts** are advice, \
questions, signposts to other parts of the site and sentences an editor marked as not a claim: a reviewer should \
check that each really is one of these. **Reading level** is the school year (US grade) a reader needs to read \
the page easily: the lower, the easier. A page that is too hard is listed under "Problems to fix".

Other files changed: `refs.bib`

## Problems to fix

- `docs/hard.md`, line 8: **READ001 hard-to-read**. This text reads at school grade 19.0.
- `docs/hard.md`, line 9: **CLAIM001 uncited-claim**. Claim without a citation. Add [@key], or mark it \
&lt;!-- not-a-claim: reason --&gt;. The sentence: \u201cKidneys make &lt;b&gt;hormones&lt;/b&gt;.\u201d
- `refs.bib`, line 20: **BIB005 uncited-entry**. No page cites `lonely2026`.

CONTRIBUTING.md explains each code under "What the checks mean".

## New sources

- `lonely2026`: Lonely (2026). Not cited on any page yet.
- `new2026`: New guidance (2026). Cited on `docs/index.md`.

## The whole site

3 pages and 1 shared text: 6 facts, 5 with a source, 3 problems; sentences not counted as facts: \
9 (advice 5, questions 1, signposts 2, marked by an editor 1).

## See the site as it will look

1. [Download the site](https://github.com/o/r/actions/runs/1/artifacts/2) (you must be signed in to GitHub). \
It is also at the foot of this page under **Artifacts**, named `site-preview`. It is kept for 14 days.
2. Unzip it: on Windows, right-click the file and choose **Extract All**; on a Mac, double-click it.
3. Open the unzipped folder and double-click `index.html`. The site opens in your web browser, with nothing to install.

Every page, the menu, the links between pages, the sources at the foot of each page and the pop-up previews of \
sources work from the downloaded folder, also without internet. The **search box does not**: it needs the site to \
be on a web server, so use the menu instead. Links to other websites need an internet connection.

"""


def test_summary_when_nothing_was_found_and_nothing_was_saved(tmp_path):
    clean = {"pages": [page_report("docs/index.md", 2, 2)], "snippets": [], "bibliography_findings": [],
             "exempt_by_kind": dict.fromkeys(("definition", "direction", "marker", "question", "signpost"), 0)}
    write_fixture(tmp_path, clean)
    (tmp_path / "changed.txt").write_text("mkdocs.yml\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BASE_BIB, encoding="utf-8")
    assert run_summary(tmp_path).stdout == """# Checks on this change

**No problems found:** every statement of fact has a source, and the page details are in order. Other checks \
(reading level, links, accessibility) must also pass: a green tick next to the check means they all did.

## Pages you changed

This change does not touch any page.

Other files changed: `mkdocs.yml`

## New sources

No sources were added to `refs.bib`.

## The whole site

1 page and 0 shared texts: 2 facts, 2 with a source, 0 problems; sentences not counted as facts: 0.

## See the site as it will look

There is no copy of the site to download this time: it could not be built or saved. The next run makes one \
once the site builds again.

"""


def test_summary_when_the_site_was_not_built(tmp_path):
    write_fixture(tmp_path, report=None)
    result = run_summary(tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == """# Checks on this change

The site could not be built, so the pages were not checked. In the list of steps, open the first one with a \
red cross to see why.

## See the site as it will look

There is no copy of the site to download this time: it could not be built or saved. The next run makes one \
once the site builds again.

"""


def test_built_page_follows_the_sites_addresses(tmp_path):
    assert pr_summary.built_page(tmp_path, "docs/index.md") == tmp_path / "index.html"
    assert pr_summary.built_page(tmp_path, "docs/case/index.md") == tmp_path / "case" / "index.html"
    assert pr_summary.built_page(tmp_path, "docs/living/medicines.md") == tmp_path / "living/medicines/index.html"


def test_summary_leaves_out_the_pages_the_content_tests_leave_out():
    import test_content  # here, so that a change there stops only this test
    not_scored = {pr_summary.built_page("", page).as_posix() for page in pr_summary.NOT_SCORED}
    assert not_scored == test_content.NOT_SCORED - {"404.html"}


# -----------------------------------------------------------------------------
# .github/workflows/test.yml
# -----------------------------------------------------------------------------

def workflow_steps():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]["steps"]


def step_running(text):
    found = [step for step in workflow_steps() if text in step.get("run", "") + step.get("uses", "")]
    assert len(found) == 1, f"one step of {WORKFLOW.name} should run {text!r}"
    return found[0]


def test_workflow_still_runs_every_check_first():
    steps = workflow_steps()
    checks = step_running("bash .ci/run")
    assert checks["run"] == "bash .ci/run" and "if" not in checks
    later = steps[steps.index(checks) + 1:]
    assert later and all(step["if"].startswith("always()") for step in later)


def test_workflow_annotates_docs_and_includes():
    # A folder of pages takes the includes folder beside it, read once as shared text.
    assert step_running("--format github")["run"] == ".venv/bin/python hooks/claims.py --format github docs"


def test_workflow_saves_the_site_the_summary_describes():
    preview, upload = step_running("--no-directory-urls"), step_running("actions/upload-artifact")
    folder = re.search(r"--site-dir (\S+)", preview["run"]).group(1).replace('"', "")
    assert "search_index.js" in preview["run"]
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert upload["with"]["name"] == pr_summary.PREVIEW_NAME
    assert upload["with"]["retention-days"] == pr_summary.PREVIEW_KEPT_DAYS
    assert upload["with"]["path"] == folder.replace("$RUNNER_TEMP", "${{ runner.temp }}")
    assert upload["if"] == f"always() && steps.{preview['id']}.outcome == 'success'"


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    """The copy of the site the workflow saves, made by the workflow's own commands, as GitHub runs them."""
    runner_temp = tmp_path_factory.mktemp("runner-temp")
    script = step_running("--no-directory-urls")["run"]
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=ROOT,
                            env=dict(build_env(), RUNNER_TEMP=str(runner_temp)),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return runner_temp / "site-preview"


def test_preview_links_name_files_so_they_open_from_disk(preview_site):
    index = (preview_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(index.removeprefix("var __index = "))["docs"]
    broken = []
    for page in preview_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # its links start at the site's address on the web, on purpose
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            target = href.split("#")[0]
            if target and ":" not in target and not (page.parent / target).is_file():
                broken.append((page.relative_to(preview_site).as_posix(), href))
    assert broken == []


@pytest.mark.browser
def test_preview_opened_from_disk_works_as_the_summary_says(browser, preview_site):
    page = browser.new_page()
    try:
        page.goto((preview_site / "index.html").as_uri())
        menu = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
        pages = sorted({href for href in menu if "#" not in href})
        assert len(pages) > 5
        for address in pages:
            page.goto(address)
            assert page.locator("article h1").count() == 1, address
        page.goto((preview_site / "case" / "index.html").as_uri())
        citation = page.locator("article sup a").first
        citation.hover()
        page.wait_for_selector(".md-tooltip2--active", timeout=5000)  # the pop-up preview of the source
        citation.click()
        assert page.locator("div.footnote li:target").count() == 1  # the source at the foot of the page
    finally:
        page.close()


def test_workflow_writes_the_summary_with_the_download_link():
    upload, summary = step_running("actions/upload-artifact"), step_running("tools/pr_summary.py")
    assert summary["env"]["ARTIFACT_URL"] == f"${{{{ steps.{upload['id']}.outputs.artifact-url }}}}"
    assert '--artifact-url "$ARTIFACT_URL"' in summary["run"]
    assert summary["run"].rstrip().endswith('>> "$GITHUB_STEP_SUMMARY"')
    changed = step_running("git diff --name-only")
    assert '"$base...HEAD"' in changed["run"] and '"$base:refs.bib"' in changed["run"]


def test_every_action_is_pinned_to_a_version_tag_or_a_full_commit():
    for path in sorted(ROOT.glob(".github/workflows/*.yml")):
        for name in re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", name), f"{path.name}: {name}"


# -----------------------------------------------------------------------------
# Issue forms, the pre-commit hooks and Dependabot
# -----------------------------------------------------------------------------

def test_issue_forms_for_editors_exist():
    names = {yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
             for path in ROOT.glob(".github/ISSUE_TEMPLATE/*.yml") if path.name != "config.yml"}
    assert {"Report a mistake on a page", "Suggest a source", "Ask for help with editing"} <= names


def pre_commit_hooks():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    return {hook["id"]: hook for hook in config["repos"][0]["hooks"]}


def test_pre_commit_checks_changed_pages_with_the_claim_checker():
    hook = pre_commit_hooks()["claims-in-changed-pages"]
    assert hook["entry"] == ".venv/bin/python hooks/claims.py"
    assert hook.get("pass_filenames", True)
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("docs/index.md", "docs/living/medicines.md"))
    assert not any(files.search(name) for name in ("README.md", "docs/stylesheets/extra.css", "includes/x.md"))


def test_pre_commit_checks_shared_text_and_sources_with_every_page():
    hook = pre_commit_hooks()["claims-in-shared-text-and-sources"]
    assert hook["entry"] == ".venv/bin/python hooks/claims.py docs"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("includes/get-help.md", "refs.bib"))
    assert not any(files.search(name) for name in ("docs/index.md", "refs.bib.orig"))


def test_pre_commit_hook_command_runs_the_checker(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(front_matter() + "\n# Test page\n\nKidneys make hormones.\n", encoding="utf-8")
    entry = shlex.split(pre_commit_hooks()["claims-in-changed-pages"]["entry"])
    assert entry[:2] == [".venv/bin/python", "hooks/claims.py"]
    result = subprocess.run([sys.executable, *entry[1:], "--bib", str(FIXTURE_BIB), str(page)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "CLAIM001 uncited-claim" in result.stdout


def test_dependabot_watches_the_python_packages_and_the_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    folders = {update["package-ecosystem"]: ROOT / update["directory"].lstrip("/") for update in config["updates"]}
    assert set(folders) == {"pip", "github-actions"}
    for name in ("requirements.in", "requirements-dev.in", "requirements.lock", "requirements-dev.lock"):
        assert (folders["pip"] / name).is_file(), name
    assert list(folders["github-actions"].glob(".github/workflows/*.yml"))


def exact_pins(path):
    """{package: version} for each `name==version` line of a .in file and the .in files it includes."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            pins.update(exact_pins(path.parent / line[3:].strip()))
        elif match := re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*==\s*(\S+)", line):
            pins[_normalised(match.group(1))] = match.group(2)
    return pins


def locked_versions(path):
    return {_normalised(name): version for name, version in
            re.findall(r"^([A-Za-z0-9_.\-]+)==([^ \\\n]+)", path.read_text(encoding="utf-8"), re.M)}


def _normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pin_mismatches(folder):
    """A message for each exact pin in a requirements*.in that its .lock file does not have."""
    problems = []
    for source in sorted(folder.glob("requirements*.in")):
        lock = source.with_suffix(".lock")
        if not lock.is_file():
            continue
        locked = locked_versions(lock)
        for package, wanted in exact_pins(source).items():
            have = locked.get(package, "nothing")
            if not (have.startswith(wanted[:-1]) if wanted.endswith("*") else have == wanted):
                problems.append(f"{source.name} asks for {package}=={wanted} but {lock.name} has {have}. "
                                "Run `make lock` and commit the changed .lock files.")
    return problems


def test_lock_files_match_the_versions_the_in_files_ask_for():
    # Dependabot changes only the .in files, so this fails its pull requests until `make lock` has run.
    assert pin_mismatches(ROOT) == []


def test_a_pin_the_lock_file_lacks_is_named(tmp_path):
    (tmp_path / "requirements.in").write_text("mkdocs==1.6.2\nMkDocs_Redirects==1.2.2  # why\n")
    (tmp_path / "requirements.lock").write_text("mkdocs==1.6.1 \\\n    --hash=sha256:0\nmkdocs-redirects==1.2.2\n")
    (tmp_path / "requirements-dev.in").write_text("-r requirements.in\n-c requirements.lock\npytest==9.*\n")
    (tmp_path / "requirements-dev.lock").write_text("mkdocs==1.6.2\nmkdocs-redirects==1.2.2\npytest==8.4.2\n")
    (tmp_path / "requirements-other.in").write_text("never==1.0\n")  # no lock file: not compared
    assert pin_mismatches(tmp_path) == [
        "requirements-dev.in asks for pytest==9.* but requirements-dev.lock has 8.4.2. "
        "Run `make lock` and commit the changed .lock files.",
        "requirements.in asks for mkdocs==1.6.2 but requirements.lock has 1.6.1. "
        "Run `make lock` and commit the changed .lock files.",
    ]
