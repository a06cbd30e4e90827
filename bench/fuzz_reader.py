"""Fuzz the page checker with random damaged Markdown: no page may raise or hang.

Usage: python bench/fuzz_reader.py [PAGES]   (default 3000)
Prints the number of pages, the total time and the slowest page; exits 1 on any exception.
The pages come from tests/fuzz_pages.py, seeded, so a failing seed can be replayed.
"""

import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]
from claimcheck.checker import check_page  # noqa: E402
from fuzz_pages import damaged_page  # noqa: E402


def main(pages=3000):
    start, slowest, failures = time.perf_counter(), (0.0, None, 0), 0
    for seed in range(pages):
        page = damaged_page(seed)
        began = time.perf_counter()
        try:
            check_page(f"docs/fuzz-{seed}.md", page, {"smith2020example"})
        except Exception:  # the point of the run: report every traceback, with its seed
            failures += 1
            print(f"seed {seed}:", traceback.format_exc(), file=sys.stderr)
        slowest = max(slowest, (time.perf_counter() - began, seed, len(page)))
    seconds, seed, size = slowest
    print(f"{pages} damaged pages in {time.perf_counter() - start:.1f} s, {failures} tracebacks; "
          f"slowest: seed {seed} ({size:,} characters) in {seconds:.2f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000))
