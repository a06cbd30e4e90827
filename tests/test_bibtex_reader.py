"""Our BibTeX reader against pybtex, the reader mkdocs-bibtex uses to show references.

Our reader exists to give every problem a line number; it must not read a
field differently from pybtex, or the checks pass a file whose references
the site shows differently, or fail one the site shows well. Each BibTeX
text below is read by both: where pybtex reads it, every entry must have
the same key, type, fields and values (and the same names in author and
editor); where pybtex refuses it, which would stop the build, ours must
refuse it too, or report the duplicate key.
"""

import sys

import pytest
from pybtex.database import Person, parse_string

from conftest import FIXTURE_BIB, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.bibliography import Bibliography, check_entries, names, parse_bibtex  # noqa: E402
from claimcheck.catalogue import RULES  # noqa: E402
from claimcheck.findings import InputError  # noqa: E402

PERSON_FIELDS = ("author", "editor")  # the fields pybtex reads as lists of people

# Shapes of BibTeX that refs.bib does not use today but an editor may paste from a database.
BEYOND_THE_EXAMPLES = {
    "quotes with braced quote": '@article{a, title = "A {"}quoted{"} title", year = 2020}',
    "@string name as a value": "@string{jse = {Journal of Examples}}\n@article{a, journal = jse}",
    "@string name in other case": '@STRING(JSE = "Journal")\n@article{a, journal = Jse}',
    "joined with #": '@string{x = "X"}\n@article{a, title = x # " and " # {Y}, note = {A} # { B}}',
    "month name": "@article{a, month = jan, year = {2020}}",
    "parentheses and capitals": "@Article(a, Title = {X}, YEAR = 2020)",
    "spread over lines": "@article{ a ,\n  title = {Line one\n     line   two} ,\n}",
    "tabs": "@article{a,\ttitle\t=\t{X\tY}}",
    "empty value": "@article{a, title = {}}",
    "LaTeX in values": r"@article{a, title = {Caf\'{e} \& bar --- 5~mg}, pages = {1--9}}",
    "corporate and personal authors": ("@article{a, author = {{NHS Blood and Transplant} and Smith, Ann "
                                       "AND {\\'E}mile Zola and van der Berg, Jan and others}}"),
    "preamble": '@preamble{"\\newcommand{\\x}{y}"}\n@article{a, title = {X}}',
    "@ inside @comment": "@comment{write to me@example.org}\n@article{a, title = {X}}",
    "field given twice": "@article{a, title = {One}, title = {Two}}",
    "undefined @string name": "@article{a, journal = jse}",
    "value that is not a value": "@article{a, doi = 10.1000/x}",
}


def bib_examples():
    """Every BibTeX text in the BIB rules' examples, flagged and passing."""
    return {f"{rule.code} {kind} {number}": text
            for rule in RULES if rule.code.startswith("BIB")
            for kind, examples in (("flagged", rule.flagged), ("passing", rule.passing))
            for number, text in enumerate(examples, 1)}


TEXTS = {"refs.bib": (ROOT / "refs.bib").read_text(encoding="utf-8"),
         "tests/fixtures/mini.bib": FIXTURE_BIB.read_text(encoding="utf-8"),
         **bib_examples(), **BEYOND_THE_EXAMPLES}


def pybtex_reading(text):
    """{key: (type, {field: value})} as pybtex reads the text, people fields as lists of names."""
    data = parse_string(text, "bibtex")
    read = {}
    for key, entry in data.entries.items():
        fields = {name.lower(): value for name, value in entry.fields.items()}
        fields.update({role.lower(): [str(person) for person in people]
                       for role, people in entry.persons.items()})
        read[key] = (entry.type, fields)
    return read


def our_reading(text):
    read = {}
    for entry in parse_bibtex("refs.bib", text):
        fields = dict(entry.fields)
        for role in PERSON_FIELDS:
            if role in fields:
                # pybtex's own name parser, on the names as our reader splits them.
                fields[role] = [str(Person(name)) for name in names(fields[role])]
        read[entry.key] = (entry.type, fields)
    return read


@pytest.mark.parametrize("name", list(TEXTS))
def test_our_reader_agrees_with_pybtex(name):
    text = TEXTS[name]
    try:
        theirs = pybtex_reading(text)
    except Exception as refusal:  # pybtex raises many types; each would stop mkdocs-bibtex
        assert_we_refuse_too(text, refusal)
        return
    ours = our_reading(text)
    assert list(ours) == list(theirs), "different entries"
    for key, (kind, fields) in theirs.items():
        assert ours[key][0] == kind, key
        assert ours[key][1] == fields, key


def assert_we_refuse_too(text, refusal):
    try:
        entries = parse_bibtex("refs.bib", text)
    except InputError:
        return
    codes = {finding.code for finding in check_entries(Bibliography("refs.bib", entries))}
    assert "BIB002" in codes, f"pybtex refuses this ({refusal}), our reader accepts it"


def test_the_comparison_sees_a_difference():
    """If our reader kept `jan` as it is, where pybtex reads January, the comparison must say so."""
    assert our_reading("@article{a, month = jan}") == pybtex_reading("@article{a, month = jan}")
    assert our_reading("@article{a, month = {jan}}") != pybtex_reading("@article{a, month = jan}")


def test_braced_corporate_author_is_one_name():
    assert names("{NHS Blood and Transplant} and Smith, Ann AND Zola, Émile") == [
        "{NHS Blood and Transplant}", "Smith, Ann", "Zola, Émile"]
    assert names("Brand, Anna") == ["Brand, Anna"]  # `and` inside a word does not split


def test_an_unclosed_entry_followed_by_comment_lines_is_located_at_the_entry():
    text = ("@misc{first2020,\n  title = {One},\n  year = {2020},\n  url = {https://example.org/1}\n\n"
            "% The next source, with a comment above it.\n"
            "@misc{second2021,\n  title = {Two},\n  year = {2021},\n  url = {https://example.org/2}\n}\n")
    with pytest.raises(InputError) as error:
        parse_bibtex("refs.bib", text)
    assert str(error.value) == ("refs.bib:1:1: BIB001 unreadable-bibliography The entry `first2020` is missing its closing "
                       "`}`: add it on a line of its own after the entry's last field (line 4), before the next "
                       "entry (line 7).")


def test_the_last_entry_left_open_is_located_at_the_entry():
    text = "@misc{first2020,\n  title = {One},\n  year = {2020},\n  url = {https://example.org/1}\n"
    with pytest.raises(InputError) as error:
        parse_bibtex("refs.bib", text)
    assert str(error.value) == ("refs.bib:1:1: BIB001 unreadable-bibliography The entry `first2020` is missing its "
                                "closing `}`: add it on a line of its own after the entry's last field (line 4).")
