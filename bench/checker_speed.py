"""How many words per second the claim checker alone reads, and how its time grows.

    .venv/bin/python bench/checker_speed.py

The corpus is bench/corpus.py's, made in memory: 1,800 pages of about 1,300
words, a quarter of them Chinese (corpus_pages), with one planted uncited
claim per 50 pages. Every page is checked in this process with check_page,
given the site's terms from terminology.yml as the build hook gives them, so
the Chinese and terminology rules run as in a real build. Only the calls to
check_page are timed: no process start-up, no file reading, no corpus making.

A word is counted on the page's whole source, as the issue proposes: each
whitespace-separated token is one word (as `wc -w` counts, so Markdown marks
such as "|" and citations such as "[@key]." count too), except a token that
holds Chinese (Han) characters, which counts as that many words, one per
character (Chinese puts no spaces between words).

Figures, one a line: words, pages, median/min/max seconds of 5 runs over the
whole corpus, median words per second (all pages, English pages, Chinese
pages, and per second of this process's CPU time), and k in time ∝ words^k
over a quarter, half and all of the corpus (of wall-clock and of CPU time).
The goal (issue 13): at least 1,000,000 words per second, k at most 1.15.
Exit status 1 when a planted uncited claim is not reported, or anything else
is (the corpus is otherwise clean), so a fast but wrong checker cannot pass.
Other processes share the machine: the load average is printed with the figures.

bench/run.py can import measure() for the same figures as a dict.
CHECKER_SPEED_HOOKS=/other/checkout/hooks measures another copy of the checker
on the same corpus (the figures before a change, say).
"""

import math
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Another copy of the checker to measure, for a before-and-after comparison: the folder
# that holds its claimcheck package (hooks/ of an older checkout, say).
HOOKS = Path(os.environ.get("CHECKER_SPEED_HOOKS", ROOT / "hooks"))
sys.path.insert(0, str(HOOKS))
sys.path.insert(0, str(ROOT / "bench"))

from claimcheck.checker import check_page  # noqa: E402
from claimcheck.terminology import read_terms  # noqa: E402
from corpus import KEYS, PLANTED, REVIEWED, ZH_PLANTED, corpus_pages  # noqa: E402

PAGES = 1800
GOAL_WORDS_PER_SECOND = 1_000_000
GOAL_EXPONENT = 1.15
_HAN = re.compile(r"[\u3400-\u9fff]")
PLANTED_SENTENCES = {PLANTED + ".", ZH_PLANTED + "。"}


def count_words(text):
    """Words as the docstring defines them: whitespace-separated tokens, or their Han characters."""
    return sum(len(_HAN.findall(token)) or 1 for token in text.split())


def measure(runs=5, pages=PAGES):
    """The figures as a dict; "planted_ok" is False when the findings are not exactly the planted claims.

    Each run checks a quarter, a half and all of the corpus, one after the other, so
    a busy spell on the machine falls on all three sizes alike, not on one of them.
    """
    terms = read_terms(ROOT / "terminology.yml")
    corpus, planted = corpus_pages(pages)
    words = {name: count_words(text) for name, text in corpus}
    zh_words = sum(count for name, count in words.items() if name.endswith(".zh.md"))
    parts = {share: corpus[:pages // share] for share in (4, 2, 1)}
    seconds = {share: [] for share in parts}
    cpu_seconds = {share: [] for share in parts}
    zh_totals, unexpected = [], []
    # The verb lexicon, the hyphenation dictionary and the terms' patterns load once per
    # process, as in a build: first, so that no timed run pays for them.
    _timed_run(corpus[:20], terms)
    for _ in range(runs):
        for share, part in parts.items():
            total, zh_total, cpu, findings = _timed_run(part, terms)
            seconds[share].append(total)
            cpu_seconds[share].append(cpu)
            if share == 1:
                zh_totals.append(zh_total)
                unexpected = unexpected or _unexpected(findings, planted)
    size = {share: sum(words[name] for name, _ in part) for share, part in parts.items()}
    totals, all_words = seconds[1], size[1]
    en_times = [total - zh for total, zh in zip(totals, zh_totals)]
    return {
        "words": all_words,
        "pages": pages,
        "chinese_pages": sum(name.endswith(".zh.md") for name, _ in corpus),
        "runs": runs,
        "median_s": statistics.median(totals),
        "min_s": min(totals),
        "max_s": max(totals),
        "words_per_s": all_words / statistics.median(totals),
        "english_words_per_s": (all_words - zh_words) / statistics.median(en_times),
        "chinese_words_per_s": zh_words / statistics.median(zh_totals),
        "median_cpu_s": statistics.median(cpu_seconds[1]),
        "cpu_words_per_s": all_words / statistics.median(cpu_seconds[1]),
        "exponent": growth_exponent({size[share]: statistics.median(seconds[share]) for share in parts}),
        "cpu_exponent": growth_exponent({size[share]: statistics.median(cpu_seconds[share]) for share in parts}),
        "seconds_by_words": {size[share]: statistics.median(seconds[share]) for share in sorted(parts, reverse=True)},
        "planted": planted,
        "planted_ok": not unexpected,
        "problems": unexpected,
        "load_average": os.getloadavg(),
    }


def _timed_run(corpus, terms):
    """(seconds for all pages, seconds for the Chinese pages, CPU seconds, every finding) of one run."""
    keys, total, zh_total, findings = set(KEYS), 0.0, 0.0, []
    cpu_start = time.process_time()
    for name, text in corpus:
        start = time.perf_counter()
        report = check_page(name, text, keys, today=REVIEWED, terms=terms)
        spent = time.perf_counter() - start
        total += spent
        if name.endswith(".zh.md"):
            zh_total += spent
        findings += report.findings
    return total, zh_total, time.process_time() - cpu_start, findings


def _unexpected(findings, planted):
    """What is wrong with a run's findings: each planted claim once as CLAIM001, and nothing else."""
    problems = [finding.as_text() for finding in findings
                if finding.code != "CLAIM001" or finding.sentence not in PLANTED_SENTENCES]
    reported = len(findings) - len(problems)
    if reported != planted:
        problems.insert(0, f"{reported} of {planted} planted uncited claims reported")
    return problems


def growth_exponent(seconds_by_words):
    """k in time ∝ words^k: the least-squares slope through the log-log points."""
    sizes = sorted(seconds_by_words)
    return statistics.linear_regression([math.log(size) for size in sizes],
                                        [math.log(seconds_by_words[size]) for size in sizes]).slope


def main():
    figures = measure()
    load = ", ".join(f"{value:.2f}" for value in figures["load_average"])
    print(f"words: {figures['words']:,} ({figures['pages']:,} pages, {figures['chinese_pages']:,} Chinese)")
    print(f"median seconds ({figures['runs']} runs): {figures['median_s']:.3f}")
    print(f"min seconds: {figures['min_s']:.3f}")
    print(f"max seconds: {figures['max_s']:.3f}")
    print(f"median words per second: {figures['words_per_s']:,.0f} (goal ≥ {GOAL_WORDS_PER_SECOND:,})")
    print(f"median words per second, English pages: {figures['english_words_per_s']:,.0f}")
    print(f"median words per second, Chinese pages: {figures['chinese_words_per_s']:,.0f}")
    print(f"median words per CPU second (this process's own time, less sensitive to a busy machine): "
          f"{figures['cpu_words_per_s']:,.0f}")
    sizes = "; ".join(f"{words:,} words {seconds:.3f} s" for words, seconds in figures["seconds_by_words"].items())
    print(f"growth exponent (time ∝ words^k): {figures['exponent']:.2f} (goal ≤ {GOAL_EXPONENT}; {sizes})")
    print(f"growth exponent of CPU time: {figures['cpu_exponent']:.2f}")
    verdict = "all, and no other finding" if figures["planted_ok"] else "NO (see below)"
    print(f"planted uncited claims reported: {verdict} ({figures['planted']} planted)")
    print(f"load average at the end, this run included (1, 5, 15 min): {load}")
    if HOOKS != ROOT / "hooks":
        print(f"checker measured: {HOOKS}")
    for problem in figures["problems"][:10]:
        print(f"  {problem}", file=sys.stderr)
    return 0 if figures["planted_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
