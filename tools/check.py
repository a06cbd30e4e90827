"""`make check`: every check an edit to the pages can fail, except the browser suite.

1. The strict build, which runs the claim checks (citations, reading grade,
   overclaiming words, review dates, menu) and MkDocs' own link checks.
2. The tests that read the built site (marked `site` in tests/conftest.py).

It ends with one plain sentence, and exits 1 when there is something to fix.
The tests read the build of step 1 rather than building again, and the test that
two builds are identical is left to `make test`, which runs every test, the
browser suite included. About 22 seconds with both languages (median of 3 runs,
29 November 2026: `farm-bench -n 3 -- .venv/bin/python tools/check.py`).
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "WARNING -  claims: docs/x.md:3:1: CLAIM001 ..." -> "docs/x.md:3:1: CLAIM001 ..."
LOG_PREFIX = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(?:claims: )?")
FAILED_TEST = re.compile(r"^FAILED (\S+)")
# How PyYAML names the place of a mistake: in "/path/mkdocs.yml", line 89, column 1
SETTINGS_PLACE = re.compile(r'in "([^"]+)", line (\d+), column (\d+)')


def build_problems(site, log):
    """The strict build's warnings and errors, as the editor should read them. The build goes to
    `site` and its log to `log`, for the site tests to read."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
                            cwd=ROOT, capture_output=True, text=True, env=_env(), check=False)
    Path(log).write_text(result.stderr, encoding="utf-8")
    problems = [LOG_PREFIX.sub("", line) for line in result.stderr.splitlines()
                if line.startswith(("WARNING", "ERROR"))]
    # "Aborted with N warnings in strict mode!" restates the lines above it.
    problems = [line for line in problems if not line.startswith("Aborted with")]
    if result.returncode and not problems:
        problems = [settings_problem(result.stderr) or _last_line(result.stderr)]
    return problems


def settings_problem(stderr):
    """mkdocs.yml that cannot be read, as one located line in plain words, or ""."""
    place = SETTINGS_PLACE.search(stderr)
    if "parsing the configuration file" not in stderr or not place:
        return ""
    reason = stderr.split("configuration file:", 1)[1].split(" in \"", 1)[0]
    reason = " ".join(line.strip() for line in reason.splitlines() if line.strip())
    return (f"{os.path.relpath(place.group(1), ROOT)}:{place.group(2)}:{place.group(3)}: the settings file "
            f"cannot be read ({reason}). Indent with spaces, never a Tab, and line this line up with the "
            f"lines around it.")


def _last_line(stderr):
    return stderr.strip().splitlines()[-1] if stderr.strip() else "The build failed."


def failed_site_tests(site, log):
    """Names of the failed tests that read the built site, with pytest's report printed. They read
    the build just made (tests/conftest.py, CHECKED_SITE); the test that two builds are identical
    needs a second build and is left to `make test`."""
    env = dict(_env(), CHECKED_SITE=site, CHECKED_SITE_LOG=log)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "site and not browser and not reproducibility",
                             "-p", "no:cacheprovider", "--no-header", "-rf"],
                            cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    failed = [match.group(1) for line in result.stdout.splitlines() if (match := FAILED_TEST.match(line))]
    if failed:
        print(result.stdout)
    elif result.returncode not in (0, 5):  # 5: no tests selected
        print(result.stdout + result.stderr)
        failed = ["the site tests could not run"]
    return failed


def _env():
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def main():
    with tempfile.TemporaryDirectory(prefix="site-check-") as work:
        site, log = os.path.join(work, "site"), os.path.join(work, "build.log")
        print("Building the site strictly and running the claim checks ...", flush=True)
        problems = build_problems(site, log)
        for line in problems:
            print(line)
        if problems:
            # Content tests on a site that did not build would only repeat these problems.
            print(_sentence(len(problems)))
            return 1
        print("Running the tests that read the built site ...", flush=True)
        failed = failed_site_tests(site, log)
    print(_sentence(len(failed)))
    return 1 if failed else 0


def _sentence(count):
    if not count:
        return "No problems found."
    return (f"{count} problem{'s' if count != 1 else ''} to fix; see above. CONTRIBUTING.md, "
            f"\"What the checks mean\", explains each code.")


if __name__ == "__main__":
    sys.exit(main())
