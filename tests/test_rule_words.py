"""Each rule's words live in one place, the catalogue, and every message names its rule.

The code is read as Python syntax trees, not run: a code or a message that
only a rare input would reach is still found.
"""

import ast
import re
import string
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.catalogue import BY_CODE, RULES, message, situations  # noqa: E402
from claimcheck.findings import Finding, finding  # noqa: E402

CATALOGUE = ROOT / "hooks" / "claimcheck" / "catalogue.py"
CODE = re.compile(r"^[A-Z]+[0-9]{3}$")
# Calls that carry a finding's words to the editor.
MESSENGERS = {"Finding", "Problem", "InputError", "PluginError"}


def source_trees():
    """(path, syntax tree) of every Python file of the checks except the catalogue itself."""
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        if path != CATALOGUE:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def string_constants(tree):
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def codes_in_source():
    """{code: [file, ...]} for every rule code written as a whole string in the checks' code."""
    found = {}
    for path, tree in source_trees():
        for value in string_constants(tree):
            if CODE.match(value):
                found.setdefault(value, []).append(path.relative_to(ROOT).as_posix())
    return found


def situations_in_source():
    """Every message situation the code asks for: `situation="..."`, or the second argument of the
    reader's `fail(position, situation, ...)`."""
    found = set()
    for _, tree in source_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "situation" and isinstance(keyword.value, ast.Constant):
                    found.add(keyword.value.value)
            if getattr(node.func, "attr", None) == "fail" and len(node.args) > 1:
                if isinstance(node.args[1], ast.Constant):
                    found.add(node.args[1].value)
    return found


# -----------------------------------------------------------------------------
# Codes: raised ⇔ catalogued
# -----------------------------------------------------------------------------

def test_every_code_the_checks_raise_is_in_the_catalogue():
    unknown = {code: files for code, files in codes_in_source().items() if code not in BY_CODE}
    assert not unknown, f"codes raised but not in hooks/claimcheck/catalogue.py: {unknown}"


def test_every_code_in_the_catalogue_is_raised_somewhere():
    unused = sorted(set(BY_CODE) - set(codes_in_source()))
    assert not unused, f"codes in the catalogue that no code raises: {unused}"


def test_every_message_situation_is_named_in_the_code():
    """A rule's second or third message that no code names can never be shown."""
    named = {value for _, tree in source_trees() for value in string_constants(tree)}
    catalogued = {name for rule in RULES for name in situations(rule) if name is not None}
    assert catalogued - named == set(), "catalogued messages nothing asks for"


def test_every_situation_the_code_asks_for_is_catalogued():
    catalogued = {name for rule in RULES for name in situations(rule) if name is not None}
    assert situations_in_source() - catalogued == set(), "messages asked for but not in the catalogue"


def test_no_message_is_written_outside_the_catalogue():
    """A finding's words are never a string literal at the place that reports it."""
    written = []
    for path, tree in source_trees():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in MESSENGERS):
                continue
            for argument in node.args + [keyword.value for keyword in node.keywords]:
                words = " ".join(string_constants(argument))
                if node.func.id in ("Finding", "Problem"):
                    # Only the code may be literal; the message comes from the catalogue.
                    wrote = bool(words) and not CODE.match(words)
                else:
                    # Text written right here that names a code; errors without a code (a usage
                    # error, say) are not rule findings, and `finding(...)` takes its words from the catalogue.
                    literal = isinstance(argument, (ast.Constant, ast.JoinedStr))
                    wrote = literal and re.search(r"\b[A-Z]+[0-9]{3}\b", words) is not None
                if wrote:
                    written.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not written, f"messages written outside the catalogue at {written}"


# -----------------------------------------------------------------------------
# The templates themselves
# -----------------------------------------------------------------------------

def templates():
    for rule in RULES:
        for name in situations(rule):
            yield rule, name, rule.message[name] if name is not None else rule.message


@pytest.mark.parametrize("rule, name, template", list(templates()),
                         ids=lambda v: getattr(v, "code", None) or str(v)[:30])
def test_each_template_formats(rule, name, template):
    """Every field is a plain name, and filling them in leaves no stray brace behind."""
    fields = {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    assert all(field.isidentifier() for field in fields), fields
    text = message(rule.code, name, **{field: 7 for field in fields})
    # A literal brace survives only where the template doubled it, as in `doi = {value}`.
    assert text.count("{") == template.count("{{") and text.count("}") == template.count("}}"), text
    assert text.strip() == text and text.endswith((".", ":", "…", "...")) or "{error}" in template, text


def template_fields(template):
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def reports_in_source():
    """(where, code, situation or "?" when chosen at run time, details passed) of each call that
    names a code and passes its details by name, such as finding(..., "BIB005", key=...)."""
    for path, tree in source_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
                continue
            codes = [a.value for a in node.args if isinstance(a, ast.Constant) and CODE.match(str(a.value))]
            if getattr(node.func, "attr", None) == "fail" and len(node.args) > 1:
                codes, situation = ["BIB001"], node.args[1].value  # the BibTeX reader stops with BIB001
            else:
                given = [k.value for k in node.keywords if k.arg == "situation"]
                situation = (given[0].value if isinstance(given[0], ast.Constant) else "?") if given else None
            if codes:
                details = {k.arg for k in node.keywords} - {"sentence", "situation"}
                yield f"{path.relative_to(ROOT)}:{node.lineno}", codes[0], situation, details


def test_each_report_fills_in_exactly_the_details_its_message_needs():
    wrong = []
    for where, code, situation, details in reports_in_source():
        rule = BY_CODE[code]
        names = situations(rule) if situation == "?" else (situation,)
        for name in names:
            needed = template_fields(rule.message[name] if name is not None else rule.message)
            if needed != details:
                wrong.append(f"{where}: {code} {name or ''} needs {sorted(needed)}, gets {sorted(details)}")
    assert not wrong, "\n".join(wrong)


def test_every_rule_has_a_message():
    for rule in RULES:
        assert rule.message, rule.code


def test_asking_for_a_situation_a_rule_lacks_fails_loudly():
    with pytest.raises(KeyError):
        message("CLAIM001", "no-such-situation")
    with pytest.raises(KeyError):
        message("BIB001", "no-such-situation")


# -----------------------------------------------------------------------------
# The slug stands next to the code
# -----------------------------------------------------------------------------

def test_text_shows_code_then_slug_then_message():
    problem = finding("docs/a.md", 3, 5, "CLAIM001", sentence="MSCs come from bone marrow.")
    assert problem.as_text() == f"docs/a.md:3:5: CLAIM001 uncited-claim {BY_CODE['CLAIM001'].message}"


def test_json_carries_the_slug():
    assert finding("docs/a.md", 1, 1, "META001", name="title").as_dict()["slug"] == "missing-page-detail"


def test_every_finding_format_starts_path_line_column_code_slug():
    shape = re.compile(r"^[^:\s]+:\d+:\d+: (?P<code>[A-Z]+\d{3}) (?P<slug>[a-z0-9-]+) \S")
    for rule in RULES:
        for name in situations(rule):
            details = {f: "x" for _, f, _, _ in string.Formatter().parse(
                rule.message[name] if name else rule.message) if f}
            if "byte" in details:
                details["byte"] = 0xE9
            text = Finding("p.md", 1, 1, rule.code, message(rule.code, name, **details)).as_text()
            match = shape.match(text)
            assert match and (match["code"], match["slug"]) == (rule.code, rule.slug), text
