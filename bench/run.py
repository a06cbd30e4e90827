"""Benchmarks for the site and its claim checker; `make bench` runs this and writes bench/results.md.

Figures (median, min and max of several runs each, on the site with both editions):
  1. a full strict build, each in a new process;
  2. the same build without the claim hook, alternated with (1), and their ratio;
  3. the claim checker alone, in process, in words per second on a generated
     corpus (bench/checker_speed.py), and the exponent of its growth;
  4. the claim checker CLI on generated corpora of 100, 1,000 and 10,000 pages;
  5. editor feedback: from saving the case page to the open browser tab of
     `mkdocs serve` showing the new text, live reload included (Playwright);
  6. first-visit weight of every page of both editions, measured with the
     browser suite's own first-visit function, and the search index's weight
     per language;
  7. Lighthouse 12.2.3 scores (mobile) for six pages, median of 3 runs;
  8. the checker in process on one block of each shape (a paragraph on one
     line, one sentence per line, a list, a table) from 100 KB to 4 MB, and
     the exponent of its growth. `python bench/run.py shapes` runs only this
     one and replaces only its section of bench/results.md.
Each figure is printed beside the previous run's (read from results.md).
Other scripts in bench/ keep their own sections of results.md between
`<!-- name:begin -->` and `<!-- name:end -->` lines; a full run keeps them.
These are measurements, not tests: `make test` never runs them.
"""

import datetime
import gzip
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import KEYS, REVIEWED, SHAPES, corpus_bib, front_matter, shape_body, write_corpus  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PYTHON = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
# Every page template: home, the Italian case (the longest page), the glossary (a long table),
# the Sources page, the decision aid (worksheet), and the Chinese case page.
LIGHTHOUSE_PAGES = ["", "case/", "glossary/", "about/sources/", "living/decision-aid/", "zh/case/"]
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
FEEDBACK_PAGE = ("docs/case/index.md", "case/")
CLAIM_HOOK = "hooks/mkdocs_checks.py"
RESULTS = ROOT / "bench" / "results.md"
SHAPE_SIZES = (100_000, 250_000, 500_000, 1_000_000, 2_000_000, 4_000_000)
SHAPES_SECTION, SHAPES_COMMAND = "checker-shapes", "python bench/run.py shapes"
_ANY_SECTION = re.compile(r"^<!-- [\w-]+:begin\b", re.M)


def main():
    rows, notes = [], []
    build_times, bare_times = build_and_overhead()
    rows.append(row("Strict build, both editions (s)", build_times, "≤ 3 s", lambda m: m <= 3))
    rows.append(row("Build without the claim hook (s)", bare_times, "-", None))
    ratios = [a / b for a, b in zip(build_times, bare_times)]
    rows.append(row("Claim hook overhead (build ratio)", ratios, "≤ 1.05", lambda m: m <= 1.05, digits=3))
    rows += checker_speed_rows()
    scaling, planted_ok, exponent = checker_scaling()
    for pages, times in scaling.items():
        goal = ("≤ 10 s", lambda m: m <= 10) if pages == 1000 else ("-", None)
        rows.append(row(f"Checker CLI, {pages:,} pages (s)", times, *goal))
    rows.append(("Checker CLI growth exponent (time ∝ pages^k)", f"{exponent:.2f}", "", "", "≈ 1.0 (linear)",
                 "met" if exponent <= 1.15 else "not met"))
    rows.append(("Planted uncited claims reported", "all" if planted_ok else "some missed", "", "",
                 "all", "met" if planted_ok else "not met"))
    rows += editor_feedback_rows(notes)
    rows += site_size(notes)
    rows += lighthouse_scores(notes)
    write_results(rows, notes)
    write_section(SHAPES_SECTION, SHAPES_COMMAND, shapes_section(shape_scaling()))


# -----------------------------------------------------------------------------
# Measurements
# -----------------------------------------------------------------------------

def build_and_overhead():
    """Alternate full builds with and without the claim hook, each in a new process."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    bare = ROOT / ".bench-without-claims.yml"  # beside mkdocs.yml, so relative paths still work
    bare.write_text(config.replace(f"  - {CLAIM_HOOK}\n", ""), encoding="utf-8")
    with_hook, without = [], []
    try:
        for _ in range(RUNS):
            with_hook.append(timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", scratch("a")]))
            without.append(timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(bare), "-d", scratch("b")]))
    finally:
        bare.unlink()
    return with_hook, without


def checker_scaling():
    work = Path(tempfile.mkdtemp(prefix="claims-corpus-"))
    try:
        bib = work / "refs.bib"
        corpus_bib(bib)
        results, planted_ok = {}, True
        for pages in (100, 1000, 10000):
            folder = work / f"c{pages}"
            planted = write_corpus(folder, pages)
            command = [PYTHON, str(ROOT / "hooks" / "claims.py"), "--bib", str(bib), str(folder)]
            output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
            planted_ok &= output.count(" CLAIM001 ") == planted
            results[pages] = [timed(command, allowed=(1,)) for _ in range(RUNS)]
        sizes = sorted(results)
        exponent = math.log(statistics.median(results[sizes[-1]]) / statistics.median(results[sizes[0]])) / \
            math.log(sizes[-1] / sizes[0])
        return results, planted_ok, exponent
    finally:
        shutil.rmtree(work)


def shape_scaling():
    """{shape: {size: [seconds]}} for check_page on one page whose body is one block of that shape.

    In process, so the times hold the checker alone: no start-up, no file reading.
    """
    sys.path.insert(0, str(ROOT / "hooks"))
    from claimcheck.checker import check_page

    times = {}
    for shape in SHAPES:
        for size in SHAPE_SIZES:
            text = front_matter(f"{shape} of {size:,} characters") + shape_body(shape, size)
            runs = []
            for _ in range(RUNS):
                start = time.perf_counter()
                report = check_page("bench.md", text, set(KEYS), today=REVIEWED)
                runs.append(time.perf_counter() - start)
            if len(report.findings) != 1:  # the planted claim on the last line, and nothing else
                raise SystemExit(f"bench: {shape}, {size:,} characters: expected 1 finding, got "
                                 f"{[finding.as_text() for finding in report.findings[:5]]}")
            times.setdefault(shape, {})[size] = runs
            print(f"  {shape}, {size / 1e6:g} MB: {statistics.median(runs):.3f} s", file=sys.stderr)
    return times


def growth_exponent(seconds_by_size):
    """k in time ∝ size^k: the slope of a least-squares line through the log-log points of the medians."""
    sizes = sorted(seconds_by_size)
    return statistics.linear_regression([math.log(size) for size in sizes],
                                        [math.log(statistics.median(seconds_by_size[size])) for size in sizes]).slope


def checker_speed_rows():
    """The checker alone, in process, on the generated corpus (bench/checker_speed.py)."""
    from checker_speed import measure

    figures = measure(runs=RUNS)
    if not figures["planted_ok"]:
        raise SystemExit(f"bench: the checker's findings on the corpus are not the planted claims: "
                         f"{figures['problems'][:5]}")
    words, low, high = figures["words"], figures["min_s"], figures["max_s"]
    return [(f"Checker alone, words per second ({words:,} words, {figures['pages']:,} pages)",
             f"{figures['words_per_s']:,.0f}", f"{words / high:,.0f}", f"{words / low:,.0f}", "≥ 1,000,000",
             "met" if figures["words_per_s"] >= 1_000_000 else "not met"),
            ("Checker alone, growth exponent (time ∝ words^k)", f"{figures['exponent']:.2f}", "", "",
             "≤ 1.15 (linear)", "met" if figures["exponent"] <= 1.15 else "not met")]


def editor_feedback_rows(notes):
    """Seconds from saving the case page to the open browser tab showing the new text.

    `mkdocs serve` with live reload, as `make serve` starts it; Chromium keeps the page
    open, and the time ends when the reloaded page contains the new sentence.
    """
    from browser import chromium_path, launch

    if chromium_path() is None:
        notes.append("Editor feedback not measured: Chromium is missing (bash tools/install-browser.sh).")
        return []
    from playwright.sync_api import sync_playwright

    source, path = FEEDBACK_PAGE
    page_file = ROOT / source
    original = page_file.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # The command `make serve` runs (tools/serve.py): live reload, and --dirty for the quick preview.
    server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--dev-addr",
                               f"127.0.0.1:{port}"],
                              cwd=ROOT, env=dict(ENV, SITE_URL=base), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    times = []
    try:
        wait_for(base + path, lambda body: "</html>" in body, timeout=120)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            tab = browser.new_page()
            tab.goto(base + path, wait_until="load")
            for run in range(RUNS):
                token = f"Ask your team about bench{run}x{time.time_ns()}."
                start = time.perf_counter()
                page_file.write_text(original + "\n" + token + "\n", encoding="utf-8")
                tab.wait_for_function("token => document.body && document.body.innerText.includes(token)",
                                      arg=token, timeout=60000, polling=10)
                times.append(time.perf_counter() - start)
                page_file.write_text(original, encoding="utf-8")
                tab.wait_for_function("token => document.body && !document.body.innerText.includes(token)",
                                      arg=token, timeout=60000, polling=50)
                time.sleep(1)  # let the server settle before the next edit
            browser.close()
    finally:
        page_file.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=10)
    return [row("Editor feedback, save to the browser showing it (s)", times, "≤ 1.0 s", lambda m: m <= 1.0)]


def site_size(notes):
    from browser import chromium_path, first_visit, launch
    from local_server import serve

    site = Path(scratch("size"))
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=ENV,
                   check=True, capture_output=True)
    editions = {"English": [p for p in sorted(site.rglob("index.html")) if not _in_chinese(site, p)],
                "Chinese": [p for p in sorted(site.rglob("index.html")) if _in_chinese(site, p)]}
    rows = [(f"Pages, {name}", str(len(pages)), "", "", "-", "") for name, pages in editions.items()]
    html_bytes = [p.stat().st_size for pages in editions.values() for p in pages]
    rows.append(("Built HTML per page (KB)", f"{statistics.median(html_bytes) / 1024:.1f}",
                 f"{min(html_bytes) / 1024:.1f}", f"{max(html_bytes) / 1024:.1f}", "-", ""))
    rows += search_index_rows(site)
    if chromium_path() is None:
        notes.append("First-visit weight not measured: Chromium is missing (bash tools/install-browser.sh).")
        return rows
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, pages in editions.items():
            totals = [sum(gz for _, _, gz in first_visit(browser, page_url(base, site, p))) / 1024 for p in pages]
            rows.append((f"First visit, gzip, per page, {name} (KB)", f"{statistics.median(totals):.1f}",
                         f"{min(totals):.1f}", f"{max(totals):.1f}", "≤ 120 KB",
                         "met" if max(totals) <= 120 else "not met"))
        browser.close()
    return rows


def search_index_rows(site):
    """The search index's gzip weight, whole and for each language's entries alone."""
    raw = (site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    rows = [("Search index, both languages, gzip (KB)", f"{len(gzip.compress(raw, mtime=0)) / 1024:.1f}",
             "", "", "-", "")]
    for name, is_chinese in (("English", False), ("Chinese", True)):
        part = dict(index, docs=[doc for doc in index["docs"] if doc["location"].startswith("zh/") == is_chinese])
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        rows.append((f"Search index, {name} entries alone, gzip (KB)",
                     f"{len(gzip.compress(data, mtime=0)) / 1024:.1f}", "", "", "-", ""))
    return rows


def _in_chinese(site, index_file):
    return index_file.relative_to(site).parts[0] == "zh"


def lighthouse_scores(notes):
    from browser import chromium_path
    from local_server import serve

    if not LIGHTHOUSE.exists() or chromium_path() is None:
        notes.append("Lighthouse not run: it needs `npm ci` in bench/lighthouse and Chromium.")
        return []
    # Served at the path of the site's address (/patient-site/), as it is published, so that
    # addresses from the site's root (the language switcher's sitemap.xml) resolve.
    root = Path(scratch("lighthouse"))
    mount = urllib.parse.urlsplit(site_address()).path.strip("/")
    site = root / mount if mount else root
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=ENV,
                   check=True, capture_output=True)
    rows = []
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking " \
            "--disable-component-update --disable-sync --disable-quic"
    with serve(root) as server_base:
        base = server_base + (mount + "/" if mount else "")
        for page in LIGHTHOUSE_PAGES:
            scores = {}
            for _ in range(LIGHTHOUSE_RUNS):
                report = Path(scratch("lh")) / "report.json"
                subprocess.run([str(LIGHTHOUSE), base + page, f"--chrome-path={chromium_path()}",
                                f"--chrome-flags={flags}", "--quiet", "--output=json",
                                f"--output-path={report}",
                                "--only-categories=performance,accessibility,best-practices,seo"],
                               check=True, capture_output=True)
                for name, category in json.loads(report.read_text())["categories"].items():
                    scores.setdefault(name, []).append(round(category["score"] * 100))
            for name, values in scores.items():
                rows.append(row(f"Lighthouse {name}, /{page} (mobile)", values, "100",
                                lambda m: m >= 100, digits=0))
    return rows


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def site_address():
    """The site's address from mkdocs.yml (site_url), as a build without SITE_URL set uses it."""
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml")).site_url or "/"


def timed(command, allowed=(0,)):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in allowed:
        raise SystemExit(f"bench: {' '.join(map(str, command))} failed:\n{result.stderr.decode()[-2000:]}")
    return elapsed


def row(name, values, goal, is_met, digits=2):
    median = statistics.median(values)
    verdict = "" if is_met is None else ("met" if is_met(median) else "not met")
    return (name, f"{median:.{digits}f}", f"{min(values):.{digits}f}", f"{max(values):.{digits}f}", goal, verdict)


_SCRATCH = Path(tempfile.mkdtemp(prefix="bench-"))


def scratch(name):
    path = _SCRATCH / f"{name}-{time.time_ns()}"
    path.mkdir(parents=True)
    return str(path)


def page_url(base, site, index_file):
    folder = index_file.parent.relative_to(site).as_posix()
    return base if folder == "." else f"{base}{folder}/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, ready, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"bench: {url} was not ready within {timeout} s")


def versions():
    def run(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "not installed"

    from importlib.metadata import version
    return {
        "Python": platform.python_version(),
        "MkDocs": version("mkdocs"), "Material": version("mkdocs-material"),
        "mkdocs-bibtex": version("mkdocs-bibtex"),
        "Chromium": run("chromium", "--version") or "not installed",
        "Node.js": run("node", "--version") or "not installed",
        "Lighthouse": run(str(LIGHTHOUSE), "--version") if LIGHTHOUSE.exists() else "not installed",
    }


def machine():
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1) if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s*(\d+)", meminfo.read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){memory}"


# Figures renamed since an earlier run: new name -> the name the previous results used.
EARLIER_NAMES = {
    "Strict build, both editions (s)": "Full strict build (s)",
    "Claim hook overhead (build ratio)": "Checker overhead (build ratio)",
    "Checker CLI growth exponent (time ∝ pages^k)": "Checker growth exponent (time ∝ pages^k)",
    "Editor feedback, save to the browser showing it (s)": "Editor feedback, save to served page (s)",
    "First visit, gzip, per page, English (KB)": "First visit, gzip, per page (KB)",
}
_TABLE_ROW = re.compile(r"^\| (?P<name>[^|]+?) \| (?P<median>[^|]*?) \|", re.M)
_MEASURED = re.compile(r"^Measured (\d{4}-\d{2}-\d{2}) with `make bench`", re.M)


def previous_figures(text):
    """({figure: median}, date) from the main table of an earlier results.md."""
    main = text[:m.start()] if (m := _ANY_SECTION.search(text)) else text
    date = _MEASURED.search(main)
    figures = {match["name"]: match["median"] for match in _TABLE_ROW.finditer(main)
               if match["name"] not in ("Figure", "---")}
    return figures, date.group(1) if date else "earlier"


def write_results(rows, notes):
    """Write the main table at the top of results.md, keeping the other scripts' sections below it."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    previous, previous_date = previous_figures(old)
    lines = ["# Benchmark results", "",
             f"Measured {datetime.date.today().isoformat()} with `make bench` on {machine()}.", "",
             "Versions: " + ", ".join(v if v.startswith(k) else f"{k} {v}" for k, v in versions().items()) + ".", "",
             f"Each figure is the median of {RUNS} runs (Lighthouse: {LIGHTHOUSE_RUNS}), with the minimum and "
             "maximum, on the site with both editions. Builds run in a new process each time; the builds with "
             "and without the claim hook alternate in the same run. \"Previous\" is the median of the run "
             f"before this one ({previous_date}); a dash means the figure was not measured then.", "",
             "| Figure | Median | Min | Max | Previous | Goal | Goal met? |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, median, low, high, goal, verdict in rows:
        before = previous.get(name) or previous.get(EARLIER_NAMES.get(name, ""), "-")
        lines.append("| " + " | ".join((name, median, low, high, before, goal, verdict)) + " |")
    if notes:
        lines += [""] + [f"- {note}" for note in notes]
    sections = _ANY_SECTION.search(old)
    kept = "\n" + old[sections.start():] if sections else ""
    RESULTS.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print("\n".join(lines))


def shapes_section(times):
    sizes = [f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size // 1000} KB" for size in SHAPE_SIZES]
    exponents = {shape: growth_exponent(by_size) for shape, by_size in times.items()}
    lines = ["## Checker time by input shape", "",
             f"Measured {datetime.date.today().isoformat()} with `{SHAPES_COMMAND}` on {machine()}, "
             f"Python {platform.python_version()} ({platform.python_implementation()}).", "",
             "The checker (`check_page`, in process: no start-up, no file reading) on one page whose body is a "
             "single block: a paragraph on one line, the same paragraph with one sentence per line, a list with "
             "one item per sentence, or a table with one row per sentence (bench/corpus.py, `shape_body`). Every "
             "sentence is cited or is advice except the last, and each run must report exactly that one finding. "
             f"Seconds: median of {RUNS} runs, with the minimum and maximum. The exponent k is the slope of a "
             "least-squares line through log(median) against log(size), "
             f"{sizes[0]} to {sizes[-1]}: 1 means time grows in proportion to the input, 2 with its square.", "",
             "| Shape | Exponent k | Goal | Goal met? |", "| --- | --- | --- | --- |"]
    lines += [f"| {shape} | {k:.2f} | ≤ 1.15 (linear) | {'met' if k <= 1.15 else 'not met'} |"
              for shape, k in exponents.items()]
    lines += ["", "| Shape | Size | Median (s) | Min (s) | Max (s) |", "| --- | --- | --- | --- | --- |"]
    for shape, by_size in times.items():
        lines += [f"| {shape} | {label} | {statistics.median(runs):.3f} | {min(runs):.3f} | {max(runs):.3f} |"
                  for label, runs in zip(sizes, by_size.values())]
    return lines


def write_section(name, command, lines):
    """Put `lines` between this section's markers in results.md, in place of the old ones, or at the end."""
    block = f"<!-- {name}:begin ({command}) -->\n\n" + "\n".join(lines) + f"\n\n<!-- {name}:end -->\n"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = re.compile(rf"^<!-- {re.escape(name)}:begin\b.*?^<!-- {re.escape(name)}:end -->\n?", re.S | re.M)
    if section.search(old):
        RESULTS.write_text(section.sub(lambda _: block, old, count=1), encoding="utf-8")
    else:
        RESULTS.write_text(old.rstrip("\n") + "\n\n" + block, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    try:
        if sys.argv[1:] == ["shapes"]:
            write_section(SHAPES_SECTION, SHAPES_COMMAND, shapes_section(shape_scaling()))
        elif sys.argv[1:]:
            raise SystemExit("usage: python bench/run.py [shapes]")
        else:
            main()
    finally:
        shutil.rmtree(_SCRATCH, ignore_errors=True)
