"""The claim checker: its rules, its command line, and its place in the build."""

import datetime
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_BIB, ROOT, strict_build

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.bibliography import check_entries, check_uncited, parse_bibtex  # noqa: E402
from claimcheck.catalogue import RULES  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.findings import InputError  # noqa: E402
from claimcheck.menu import missing_from_menu  # noqa: E402
from claimcheck.terminology import read_terms  # noqa: E402
from claimcheck.translation import missing_counterparts, parity_findings  # noqa: E402
from claimcheck.catalogue import TRANSLATION_SPLIT  # noqa: E402
from claimcheck.sentences import hide_non_prose, remove_markers, split_sentences  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHAPES, shape_body  # noqa: E402  (the benchmark's input shapes)

KEYS = {"smith2020example", "agency2021advice"}
# The includes folder the catalogue's examples assume (see hooks/claimcheck/catalogue.py).
SNIPPETS = {"get-help.md", "safety-box.md"}
TODAY = datetime.date(2026, 11, 26)
FRONT = ("---\ntitle: Test page\ndescription: A page for tests.\n"
         "last_reviewed: 2026-11-26\nnext_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n")
CLI = [sys.executable, str(ROOT / "hooks" / "claims.py")]


def page_codes(body):
    return {f.code for f in check_page("docs/t.md", FRONT + body, KEYS, TODAY, SNIPPETS).findings}


def menu_paths(nav):
    """The page paths named in a `nav:` list as written in mkdocs.yml, for the NAV examples."""
    found, stack = set(), [nav or []]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return found


def codes_for(rule, example):
    """The codes an example produces, checked the way its rule is applied."""
    if rule.code.startswith("NAV"):
        # A site with two pages; the example is the `nav:` list of its mkdocs.yml.
        menu = menu_paths(yaml.safe_load(example)["nav"])
        return {f.code for f in missing_from_menu({"index.md": "Home", "new-page.md": "A new page"}, menu)}
    if rule.code == "PARITY004":
        return {f.code for f in missing_counterparts(example.split())}
    if rule.code.startswith("PARITY"):
        english, chinese = example.split(TRANSLATION_SPLIT + "\n")
        return {f.code for f in parity_findings("docs/t.zh.md", chinese, english)}
    if rule.code.startswith("TERM"):
        terms = read_terms(ROOT / "terminology.yml")
        return {f.code for f in check_page("docs/t.zh.md", FRONT + example, KEYS, TODAY, terms=terms).findings}
    if rule.code.startswith("BIB"):
        try:
            bibliography_entries = parse_bibtex("refs.bib", example)
        except InputError:
            return {"BIB001"}
        from claimcheck.bibliography import Bibliography
        bibliography = Bibliography("refs.bib", bibliography_entries)
        findings = check_entries(bibliography)
        if rule.code == "BIB005":
            findings += check_uncited(bibliography, cited=set())
        return {f.code for f in findings}
    if rule.code.startswith("META"):
        return {f.code for f in check_page("docs/t.md", example, KEYS, TODAY).findings}
    return page_codes(example)


# -----------------------------------------------------------------------------
# Every rule has examples, and they behave
# -----------------------------------------------------------------------------

def test_every_rule_has_flagged_and_passing_examples():
    for rule in RULES:
        assert rule.flagged and rule.passing, rule.code


@pytest.mark.parametrize("rule, example",
                         [(r, e) for r in RULES if r.code != "INPUT001" for e in r.flagged],
                         ids=lambda v: getattr(v, "code", None) or repr(v)[:40])
def test_flagged_examples_are_flagged(rule, example):
    assert rule.code in codes_for(rule, example)


@pytest.mark.parametrize("rule, example",
                         [(r, e) for r in RULES if r.code != "INPUT001" for e in r.passing],
                         ids=lambda v: getattr(v, "code", None) or repr(v)[:40])
def test_passing_examples_pass(rule, example):
    codes = codes_for(rule, example)
    assert codes == set(), codes


def test_input_rule_examples(tmp_path):
    rule = next(r for r in RULES if r.code == "INPUT001")
    bad, good = tmp_path / "bad.md", tmp_path / "good.md"
    bad.write_bytes(rule.flagged[0].encode("latin-1"))
    good.write_text(FRONT + rule.passing[0], encoding="utf-8")
    assert "INPUT001" in run_cli(bad).stdout
    assert "INPUT001" not in run_cli(good).stdout


def test_contributing_explains_every_rule_code():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"### `{rule.code} {rule.slug}`" in guide, rule.code


# -----------------------------------------------------------------------------
# Exact messages of the main rules
# -----------------------------------------------------------------------------

def only_finding(body):
    findings = check_page("docs/t.md", FRONT + body, KEYS, TODAY).findings
    assert len(findings) == 1, findings
    return findings[0]


def test_uncited_claim_message_and_position():
    finding = only_finding("Intro line [@smith2020example].\n\nMSCs come from bone marrow.\n")
    assert finding.as_text() == (
        "docs/t.md:10:1: CLAIM001 uncited-claim Claim without a citation. Add [@key] to this sentence: a "
        "citation in another sentence does not cover it. If the sentence is advice, start it with the action "
        "(\"Ask ...\"); if it states no fact, put <!-- not-a-claim: reason --> in front of it.")
    assert finding.sentence == "MSCs come from bone marrow."


def test_number_message():
    finding = only_finding("The study had 70 patients. It was randomised [@smith2020example].\n")
    assert finding.as_text() == (
        "docs/t.md:8:1: CLAIM002 number-needs-own-citation This sentence has a number, so it needs its own citation: add "
        "[@key] before its full stop.")


def test_unknown_key_suggests_the_closest_key():
    finding = only_finding("MSCs are cells [@smith2020exampel].\n")
    assert finding.as_text() == (
        "docs/t.md:8:16: CITE001 unknown-key No entry `smith2020exampel` in refs.bib. Did you mean "
        "`smith2020example`? Fix the key, or add the source to refs.bib.")


def test_table_row_message():
    finding = only_finding("| Term | Meaning |\n| --- | --- |\n| Graft | The new kidney |\n")
    assert finding.as_text() == "docs/t.md:10:1: CLAIM003 uncited-table-row Table row without a citation. Add [@key] to any cell of this row."
    assert finding.sentence == "Graft | The new kidney"


def test_column_points_into_nested_containers():
    body = "!!! note \"Box\"\n    - Cited item [@smith2020example].\n    - MSCs come from bone marrow.\n"
    finding = only_finding(body)
    assert (finding.line, finding.column) == (10, 7)


# -----------------------------------------------------------------------------
# Sentences and prose units
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("Casiraghi et al. reported a case. It was new.", 2),
    ("Dr. Perico led it. It was new.", 2),
    ("Some cells, e.g. MSCs, calm immunity. Others do not.", 2),
    ("The dose was 2.5 mg. It was low.", 2),
    ("A. B. Jones wrote it. It was new.", 2),
    ("They gave 2 × 10⁶ cells per kg. It was one dose.", 2),
    ("Is it safe? Ask your team! It is experimental.", 3),
    ("The case is rare [@smith2020example]. It is new.", 2),
])
def test_sentence_splitter(text, count):
    sentences, _, _ = split_sentences(text)
    assert len(sentences) == count, [s.text for s in sentences]


def test_citation_after_full_stop_belongs_to_that_sentence():
    sentences, _, _ = split_sentences("MSCs are cells. [@smith2020example] They are studied.")
    assert [len(s.citations) for s in sentences] == [1, 0]


def test_comment_openers_that_never_close_stay_text():
    # The last two openers have no `-->` after them; "<!-->" and "<!---->" end where HTML says.
    text = "A <!-- d <!--> e <!----> f <!-- g. H <!-- not-a-claim: h."
    assert hide_non_prose(text)[0] == "A " + " " * 12 + " e " + " " * 7 + " f <!-- g. H <!-- not-a-claim: h."
    assert [c.raw for c in hide_non_prose("A [@a <!--] b.")[1]] == ["[@a <!--]"]
    assert remove_markers("<!-- not-a-claim: r --> A. <!-- not-a-claim: s -> B.") == "A. <!-- not-a-claim: s -> B."


def test_front_matter_lines_are_counted_in_positions():
    finding = only_finding("\n\n\nMSCs come from bone marrow.\n")
    assert finding.line == 11


def test_intro_citation_does_not_cover_full_sentence_items():
    body = "Signs include [@smith2020example]:\n\n- fever\n- The kidney is sore.\n"
    finding = only_finding(body)
    assert (finding.code, finding.line) == ("CLAIM001", 11)


def test_exempt_markers_are_counted():
    report = check_page("docs/t.md", FRONT + "<!-- not-a-claim: about the site --> The site is free.\n",
                        KEYS, TODAY)
    assert (report.exempt, report.claims, report.findings) == (1, 0, [])


# -----------------------------------------------------------------------------
# The command line
# -----------------------------------------------------------------------------

def run_cli(*paths, bib=FIXTURE_BIB, output="text"):
    return subprocess.run([*CLI, "--bib", str(bib), "--format", output, *map(str, paths)],
                          capture_output=True, text=True, timeout=120, check=False)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_clean_page_exits_zero_with_summary(tmp_path):
    page = write(tmp_path, "ok.md", FRONT + "MSCs are cells [@smith2020example].\n")
    result = run_cli(page)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 page, 1 claim, 1 cited, 0 exempt, 0 findings\n"


def test_cli_findings_exit_one_sorted_by_position(tmp_path):
    page = write(tmp_path, "bad.md", FRONT + "Second claim.\n\nFirst [@nope].\n")
    result = run_cli(page)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{page}:8:1: CLAIM001 ")
    assert lines[1].startswith(f"{page}:10:7: CITE001 unknown-key No entry `nope`")
    assert lines[-1] == "1 page, 2 claims, 0 cited, 0 exempt, 2 findings"


def test_cli_json_fields(tmp_path):
    page = write(tmp_path, "bad.md", FRONT + "MSCs come from bone marrow.\n")
    result = run_cli(page, output="json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data == [{
        "path": str(page), "line": 8, "column": 1, "code": "CLAIM001", "slug": "uncited-claim",
        "message": data[0]["message"], "sentence": "MSCs come from bone marrow."}]


def test_cli_folder_is_searched_recursively(tmp_path):
    write(tmp_path, "a.md", FRONT + "Cited [@smith2020example].\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.md", FRONT + "Cited too [@agency2021advice].\n")
    result = run_cli(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("2 pages")


def test_cli_defaults_to_refs_bib_next_to_mkdocs_yml():
    result = subprocess.run([*CLI, str(ROOT / "docs")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_site_has_zero_findings():
    result = subprocess.run([*CLI, "docs"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith(" 0 findings")


def test_cli_usage_error_exits_two(tmp_path):
    result = subprocess.run([*CLI, "--format", "xml", "x.md"], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# -----------------------------------------------------------------------------
# Bad input: a located message, no traceback, no file changed
# -----------------------------------------------------------------------------

GOOD_BIB = FIXTURE_BIB.read_text(encoding="utf-8")

BAD_INPUTS = {
    "malformed bib": (GOOD_BIB.replace("title = {An example case report}", "title = {An example case report"),
                      FRONT + "Cited [@smith2020example].\n", 2, "refs.bib:8:3: BIB001 unreadable-bibliography"),
    "duplicate key": (GOOD_BIB + GOOD_BIB.split("\n\n", 1)[1].split("@misc")[0].replace("smith2020example", "SMITH2020example"),
                      FRONT + "Cited [@smith2020example].\n", 1, "BIB002 duplicate-key The key `SMITH2020example` is already used"),
    "unknown key": (GOOD_BIB, FRONT + "Cited [@smith2021example].\n", 1, "page.md:8:7: CITE001 unknown-key"),
    "key with colon": (GOOD_BIB, FRONT + "Cited [@smith:2020].\n", 1, "page.md:8:7: CITE002 unsafe-key-characters"),
    "empty citation": (GOOD_BIB, FRONT + "Cited [@].\n", 1, "page.md:8:7: CITE003 empty-citation"),
    "citation in inline code": (GOOD_BIB, FRONT + "Cited `[@smith2020example]` [@agency2021advice].\n", 1,
                                "page.md:8:8: CITE004 citation-in-code"),
    "missing required field": (GOOD_BIB.replace("  journal = {Journal of Examples},\n", ""),
                               FRONT + "Cited [@smith2020example].\n", 1,
                               "refs.bib:3:1: BIB003 missing-field `smith2020example` has no `journal`"),
    "malformed DOI": (GOOD_BIB.replace("doi = {10.1000/example.2020}", "doi = {doi:10.1000/x}"),
                      FRONT + "Cited [@smith2020example].\n", 1, "BIB004 malformed-locator `doi = {doi:10.1000/x}`"),
    "malformed front matter": (GOOD_BIB, "---\ntitle: [broken\n---\nCited [@smith2020example].\n", 1,
                               "page.md:2:1: META005 bad-front-matter"),
    "empty page": (GOOD_BIB, "", 1, "page.md:1:1: META001 missing-page-detail The front matter has no `title`"),
    "lists nested 50 deep": (GOOD_BIB, FRONT + "".join("  " * d + "- A nested claim.\n" for d in range(50)),
                             1, "page.md:57:101: CLAIM001 uncited-claim"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_gives_located_message_without_traceback(tmp_path, name):
    bib_text, page_text, status, expected = BAD_INPUTS[name]
    bib = write(tmp_path, "refs.bib", bib_text)
    page = write(tmp_path, "page.md", page_text)
    before = _fingerprint(tmp_path)
    result = run_cli(page, bib=bib)
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert expected in output
    assert "Traceback" not in output
    assert _fingerprint(tmp_path) == before


def test_non_utf8_page_is_located_and_unchanged(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes((FRONT + "Caf\xe9 is a claim.\n").encode("latin-1"))
    before = _fingerprint(tmp_path)
    result = run_cli(page)
    assert result.returncode == 2
    assert f"{page}:8:1: INPUT001 not-utf8 The file is not UTF-8 text (byte 0xe9" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _fingerprint(tmp_path) == before


def test_missing_path_is_an_input_error(tmp_path):
    result = run_cli(tmp_path / "nowhere.md")
    assert result.returncode == 2
    assert result.stderr.strip() == f"{tmp_path / 'nowhere.md'}: no such file or folder. Give a Markdown file or a folder of them."


@pytest.mark.parametrize("shape", SHAPES)
def test_one_megabyte_block_of_any_shape_is_checked_in_under_two_seconds(tmp_path, shape):
    text = FRONT + shape_body(shape, 1_000_000, key="smith2020example")
    page = write(tmp_path, "big.md", text)
    before = _fingerprint(tmp_path)
    start = time.perf_counter()
    result = run_cli(page)
    elapsed = time.perf_counter() - start
    # The limit for the whole command (it took 5-14 s when positions were found by scanning);
    # growth from 100 KB to 4 MB is measured in bench/ (`python bench/run.py shapes`).
    assert elapsed < 2.0, f"{shape}: {elapsed:.1f} s"
    # The one uncited sentence is the last: its finding shows the whole block was read.
    findings = [line for line in result.stdout.splitlines() if line.startswith(f"{page}:")]
    assert len(findings) == 1 and findings[0].startswith(f"{page}:{text.count(chr(10))}:"), result.stdout[-500:]
    assert _fingerprint(tmp_path) == before


def _fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in Path(folder).rglob("*") if p.is_file()}


# -----------------------------------------------------------------------------
# In the build
# -----------------------------------------------------------------------------

def test_uncited_claim_fails_strict_build_with_located_message(fixture_site):
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs come from bone marrow.\n"})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert "WARNING -  claims: docs/index.md:10:1: CLAIM001 uncited-claim Claim without a citation." in result.stderr
    assert "Traceback" not in result.stderr


def test_same_page_with_citation_builds_clean(fixture_site):
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs come from bone marrow [@smith2020example].\n"})
    result = strict_build(config, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    # The page and the site's abbreviations file, whose lines are definitions, not claims.
    abbreviations = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8").count("*[")
    assert (f"2 pages, 1 claim, 1 cited, {abbreviations} exempt ({abbreviations} definitions), 0 findings"
            in result.stderr)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Evidence: Case report (1 patient)." in html
    report = json.loads((site / "claims-report.json").read_text(encoding="utf-8"))
    assert report["pages"][0]["citations"] == [{"key": "smith2020example", "line": 10, "section": "Test page"}]


def test_unknown_key_in_build_is_reported_without_traceback(fixture_site):
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs are cells [@nope].\n"})
    result = strict_build(config, site)
    assert result.returncode != 0
    assert "docs/index.md:10:16: CITE001 unknown-key No entry `nope` in refs.bib" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_bibliography_stops_build_with_located_message(fixture_site, tmp_path):
    bib = write(tmp_path, "broken.bib", GOOD_BIB.replace("title = {An example case report}", "title = {An example"))
    config, site = fixture_site({"index.md": FRONT + "# Test page\n\nAsk your team.\n"}, bib_file=bib)
    result = strict_build(config, site)
    assert result.returncode != 0
    assert ("broken.bib:8:3: BIB001 unreadable-bibliography The field `title` in `smith2020example` is missing "
            "its closing brace") in result.stderr
    assert "Traceback" not in result.stderr


def test_production_build_never_shows_the_editor_notice(site_builds):
    for site_dir, _ in site_builds:
        for path in Path(site_dir).rglob("*.html"):
            assert "claims-notice" not in path.read_text(encoding="utf-8"), path


def test_sources_page_links_each_reference_to_citing_sections(built_site):
    html = (built_site / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    assert 'id="ref-casiraghi2020tolerance"' in html
    assert "Case report (1 patient)" in html
    assert 'href="../../case/#' in html


def test_contributing_rule_section_matches_the_catalogue():
    sys.path.insert(0, str(ROOT / "tools"))
    from rules_doc import BEGIN, END, rules_markdown

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    # One generated section: a second paste must replace the first, markers included.
    assert (guide.count(BEGIN), guide.count(END)) == (1, 1), "Paste the output over the old section, markers too"
    section = guide[guide.index(BEGIN):guide.index(END) + len(END)]
    assert section == rules_markdown(), "Run `python tools/rules_doc.py` and paste its output into CONTRIBUTING.md"


def test_claim_rules_do_not_import_mkdocs():
    # The rules must be able to move to another site generator.
    for module in (ROOT / "hooks" / "claimcheck").glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+mkdocs\b", source, re.M), module.name


def test_preview_shows_a_notice_on_a_page_with_findings(fixture_site, tmp_path):
    import signal
    import socket
    import time
    import urllib.request

    from conftest import MKDOCS, build_env

    config, _ = fixture_site({"index.md": FRONT + "# Test page\n\nMSCs come from bone marrow.\n"})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # MkDocs serve builds into a temporary folder; keep it inside this test's folder.
    env = dict(build_env(), SITE_URL=f"http://127.0.0.1:{port}/", TMPDIR=str(tmp_path))
    server = subprocess.Popen([*MKDOCS, "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        html = ""
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    html = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        assert 'class="claims-notice" role="alert"' in html
        assert "Line 10, CLAIM001 uncited-claim" in html and "MSCs come from bone marrow." in html
    finally:
        # Ctrl+C, as an editor stops it: MkDocs then removes its temporary folder.
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
    assert not list(tmp_path.glob("mkdocs_*"))


# -----------------------------------------------------------------------------
# Per-sentence coverage, numbers first, and the false alarms of issue 10
# -----------------------------------------------------------------------------

def test_sentence_inserted_before_a_cited_one_is_found():
    body = "MSCs come from bone marrow [@smith2020example].\n\nMSC therapy cuts rejection by half.\nMSCs calm the immune system [@smith2020example].\n"
    finding = only_finding(body)
    assert (finding.code, finding.line, finding.sentence) == ("CLAIM001", 10, "MSC therapy cuts rejection by half.")


@pytest.mark.parametrize("sentence", [
    "This has been shown in 3 trials.",
    "This page has 3 sections.",
    "Is it true that 1 in 3 kidneys fail?",
    "Note that the trial had 12 patients.",
    "Keep in mind that 40 in 100 patients miss doses.",
])
def test_a_number_needs_a_citation_whatever_the_opening_words(sentence):
    assert only_finding(sentence + "\n").code == "CLAIM002"


@pytest.mark.parametrize("sentence", ["Walk for 10 minutes each day.", "Ring 999 if you cannot breathe."])
def test_directions_with_numbers_stay_directions(sentence):
    assert page_codes(sentence + "\n") == set()


@pytest.mark.parametrize("text, expected", [
    ("COVID-19 vaccines are safe", False),
    ("Markers such as CD73 and CD90", False),
    ("The trial NCT02012153 is open", False),
    ("MDR-101 is made from donor cells", False),
    ("MSCs are cells[^1]", False),
    ("MSCs are cells[^note-2]", False),
    ("The dose was 10mg", True),
    ("It lasted 18 months", True),
    ("About one in five people", True),
    ("Type 2 diabetes", True),
])
def test_numbers_and_names_with_digits(text, expected):
    from claimcheck.language import has_number
    assert has_number(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("tacrolimus", True),
    ("swollen ankles", True),
    ("a fever that comes and goes", True),
    ("pain, which may come and go", True),
    ("that is normal", False),
    ("the kidney is sore", False),
    ("MSCs that are grown in a lab may calm the immune system", False),
    ("Tacrolimus, which lowers the immune response, is taken twice a day", False),
])
def test_fragments_and_full_sentences(text, expected):
    from claimcheck.language import is_fragment
    assert is_fragment(text) is expected


def test_nested_fragments_are_covered_through_a_fragment_lead_in():
    body = ("Medicines include [@smith2020example]:\n\n- calcineurin inhibitors:\n    - tacrolimus\n"
            "    - ciclosporin\n")
    assert page_codes(body) == set()
    # Without the citation at the top, nothing covers the nested items.
    assert page_codes(body.replace(" [@smith2020example]", "")) == {"CLAIM001"}
    # A lead-in that is a full sentence needs its own citation and covers nothing below it.
    full = "Medicines include [@smith2020example]:\n\n- These are strong medicines:\n    - tacrolimus\n"
    findings = check_page("docs/t.md", FRONT + full, KEYS, TODAY).findings
    assert [f.sentence for f in findings] == ["These are strong medicines:", "tacrolimus"]


def test_signposts_need_the_noun():
    from claimcheck.language import is_signpost
    assert is_signpost("This page explains what tolerance means.")
    assert is_signpost("The figure has four steps, joined by arrows.")
    assert is_signpost('The first step is called "A new kidney".')
    assert not is_signpost("This has been shown in trials.")
    assert not is_signpost("These are the signs of rejection.")


def test_bold_label_names_a_topic_but_a_bold_sentence_is_a_claim():
    from claimcheck.language import is_run_in_heading
    assert is_run_in_heading("**Infections.**")
    assert is_run_in_heading("**UK: the Yellow Card scheme.**")
    assert not is_run_in_heading("**There is no control group.**")
    assert not is_run_in_heading("**Infections** are common.")


def test_review_window_message_points_at_the_line_to_change_and_names_the_other():
    page = FRONT.replace("next_review: 2027-11-26", "next_review: 2026-01-01") + "Ask your team.\n"
    findings = check_page("docs/t.md", page, KEYS, datetime.date(2025, 12, 1)).findings
    (found,) = [f for f in findings if f.code == "META004"]
    assert found.as_text() == (
        "docs/t.md:5:1: META004 review-window Change `next_review: 2026-01-01` on this line: it must fall "
        "after `last_reviewed: 2026-11-26` (line 4) and no later than 2027-11-26 (12 months after it).")


@pytest.mark.parametrize("sentence", ["每天都有患者出现排斥反应。", "使用间充质基质细胞的试验很少。",
                                      "继续服药的患者排斥反应更少。"])
def test_a_chinese_fact_that_opens_like_advice_is_still_a_claim(sentence):
    assert only_finding(sentence + "\n").code == "CLAIM001"


@pytest.mark.parametrize("sentence", ["Take 2 tablets each morning.", "Take 5 mg of tacrolimus twice a day.",
                                      "请每天服用两片他克莫司。"])
def test_a_medicine_dose_needs_a_source_even_as_advice(sentence):
    assert only_finding(sentence + "\n").code == "CLAIM002"


def test_a_citation_in_code_is_not_compared_between_languages():
    english = FRONT + "Cells [@smith2020example]. Write `[@agency2021advice]` in code.\n"
    chinese = FRONT + "细胞[@smith2020example]。代码里写`[@other]`。\n"
    assert parity_findings("docs/t.zh.md", chinese, english) == []
