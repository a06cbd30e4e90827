"""Small word lists that tell a claim from a question, a direction or a signpost.

They are heuristics, kept short and explicit on purpose: when a sentence is
classified wrongly, the fix is a word added here with a test example, or a
`<!-- not-a-claim: reason -->` marker on the page. Directions are told apart
with a lexicon of verb forms instead of a list (see advice.py).
"""

import re

from . import chinese
from .advice import is_direction

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# "This page explains ...": sentences about the site itself, not about medicine.
# The noun is required: "This has been shown in 3 trials." is about medicine.
_SITE_THINGS = r"(?:page|pages|section|sections|site|list|table|box|checklist|questions|figure|diagram|picture|chart)"
SIGNPOST = re.compile(
    r"^(?:(?:this|the next|the following|these)\s+" + _SITE_THINGS +
    r"|the (?:figure|diagram|picture|chart)"
    r"|the sections? below|the (?:table|list|box|checklist) below|below|on this page,?|in this section,?)\s*"
    r"(?:below\s+)?(?:also\s+)?(?:explains?|uses?|shows?|describes?|covers?|lists?|gives?|sets? out|sums? up|looks? at|"
    r"tells? you|helps? you|is about|are about|links?|groups?|has|shows? you|answers?|walks? you through|you will find|compares)\b",
    re.I,
)
# The text version of a figure names its parts: "The first step is called "A new kidney".",
# "The left panel is called ...", "The second card is about ...".
FIGURE_PART = re.compile(
    r"^the (?:first|second|third|fourth|fifth|sixth|last|left|right|top|bottom|middle) "
    r"(?:step|panel|card|box|part|column|row) is (?:called|about|headed|labelled)\b",
    re.I,
)

# Finite verbs: a list item without one is a fragment ("swollen ankles"),
# which the cited sentence introducing the list covers. "called" is left out: after
# a noun it names the thing ("a lung infection called PCP"), and "is called" has "is".
FINITE_VERBS = frozenset("""
    is are was were be been being am isn't aren't wasn't weren't
    has have had hasn't haven't hadn't
    do does did don't doesn't didn't
    can could may might must shall should will would cannot can't won't
    affects allow allows allowed became become becomes calls carries caused causes
    changed changes comes came contains depends described describes develop developed
    did finds found gave gets give gives got grew happened happens helps helped holds
    includes included involves kept keeps led leads lived lives looked looks lost made make makes
    means meant needs needed occurs occurred offers offered protects reduced reduces
    remain remained remains reported reports rise rises rose seems seemed showed shows started
    stays stayed stopped stops suggest suggests suggested take takes took tested tests
    used uses went works worked
""".split())

NUMBER_WORDS = frozenset("""
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion half quarter third dozen dozens
    hundreds thousands millions
""".split())

# Nouns that make a number word a count or a measure: "six days", "four patients".
COUNT_NOUNS = frozenset("""
    patient patients people person persons man men woman women child children adult adults
    recipient recipients donor donors case cases study studies trial trials group groups
    day days week weeks month months year years hour hours minute minutes time times
    dose doses tablet tablets pill pills infusion infusions transplant transplants
    kidney kidneys cell cells centre centres center centers arm arms percent per
    in of out
""".split())

# A digit that states a quantity. Digits joined to letters before them are part of a
# name, not a number: "COVID-19", "CD73", "NCT02012153", "MDR-101". Digits with a
# unit after them still count: "10mg".
# A whole sentence in bold: "**Infections.**", "__Diabetes.__".
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+?)(?:\*\*|__)$")
_NUMBER_DIGIT = re.compile(r"(?<![A-Za-z\d])(?<![A-Za-z]-)\d")
# A footnote marker, such as [^1] or [^note]: a link to a note, not a number.
_FOOTNOTE_MARKER = re.compile(r"\[\^[^\]\s]*\]")

# Words that start a clause inside a list item: a verb after one belongs to that
# clause ("fever that comes and goes"), not to the item, until a comma ends it.
SUBORDINATORS = frozenset("""
    that which who whom whose where when whenever if unless until while because since
    although though after before once
""".split())
_RELATIVE_PRONOUNS = frozenset("that which who whom whose".split())
# Words that can stand between the parts of one verb: "does not go", "comes and goes".
_VERB_GLUE = frozenset("not n't never and or also often still only just".split())


_LIST_LABEL_WORDS = 6


def words(text):
    return WORD.findall(text)


def is_question(plain):
    if chinese.has_han(plain):
        return chinese.is_question(plain)
    return plain.rstrip().rstrip("\"'”’)*_ ").endswith("?")


def is_signpost(plain):
    if chinese.has_han(plain):
        return chinese.is_signpost(plain)
    opening = _opening(plain)
    return bool(SIGNPOST.match(opening) or FIGURE_PART.match(opening))


def is_run_in_heading(text):
    """A bold label that starts a list item or paragraph and names its topic, like a
    heading: "**Infections.**". A bold full sentence ("**There is no control group.**")
    is still a claim."""
    match = _BOLD_LABEL.match(text.strip())
    return bool(match) and is_fragment(match.group(1))


def is_imperative(plain):
    """A direction to the reader: "Email your nurse ...", "**Tip:** Use ...", "If ..., call ..."."""
    if chinese.has_han(plain):
        return chinese.is_direction(plain)
    return is_direction(plain)


def is_list_label(plain):
    """A few words without a verb, ending in a colon, that name what the list below is
    about: "On each clinic day:". A verb or more words make it a sentence that needs a source."""
    if chinese.has_han(plain):
        return chinese.is_list_label(plain)
    return plain.rstrip().endswith(":") and len(words(plain)) <= _LIST_LABEL_WORDS and is_fragment(plain)


# A quantity of medicine: "5 mg", "0.5 milligrams", "2 tablets", "10 ml", "五毫克".
# It reads as \d[\d.,]*\s*(?:mg|...)\b|[\d零...]+\s*(?:毫克|...), case-insensitive, but
# starts with one character class so the engine can skip to digits and numerals.
_DOSE = re.compile(r"[\d零一二两三四五六七八九十半]"
                   r"(?:(?<=\d)[\d.,]*\s*(?i:mg|milligrams?|micrograms?|mcg|µg|g|grams?|ml|millilitres?|"
                   r"tablets?|capsules?|puffs?|drops?)\b"
                   r"|[\d零一二两三四五六七八九十半]*\s*(?:毫克|微克|克|毫升|片|粒))")


def has_dose(plain):
    """Whether the sentence gives an amount of a medicine, which needs a source even as advice."""
    return bool(_DOSE.search(plain))


def has_number(plain):
    if chinese.has_han(plain):
        return chinese.has_number(plain)
    plain = _FOOTNOTE_MARKER.sub(" ", plain)
    if _NUMBER_DIGIT.search(plain):
        return True
    tokens = [word.lower() for word in words(plain)]
    for index, token in enumerate(tokens):
        if token in NUMBER_WORDS and _counts_something(tokens, index):
            return True
    return False


def is_fragment(plain):
    """A list item that names things rather than stating a fact: "tacrolimus",
    "fever that comes and goes". A cited lead-in above the list covers it.

    It is a full sentence, needing its own citation, when a verb stands in its
    main clause ("the kidney is sore"), or when a clause that starts with "that",
    "which" and the like holds a second verb, which then belongs to the item
    ("MSCs that are dying may calm the immune system").
    """
    if chinese.has_han(plain):
        return chinese.is_fragment(plain)
    for clause, main in _clauses(plain):
        verb_groups = _verb_groups(clause)
        if verb_groups > (0 if main else 1):
            return False
    return True


def _clauses(plain):
    """(words, is_main) for each stretch of the item: a subordinate clause runs from
    its first word ("that", "which", ...) to the next comma or semicolon."""
    main, seen = True, False
    for part in re.split(r"[,;:()—–]", plain):
        clause = []
        for word in (w.lower() for w in words(part)):
            # "That is normal." starts with a pronoun, not a clause about a noun before it.
            if word in SUBORDINATORS and (seen or word not in _RELATIVE_PRONOUNS):
                if clause:
                    yield clause, main
                clause, main = [], False
            clause.append(word)
            seen = True
        if clause:
            yield clause, main
        main = True  # a comma ends the subordinate clause: "Tacrolimus, which ..., is ..."


def _verb_groups(clause):
    """How many separate verbs a clause has: "does not go" and "comes and goes" are one."""
    groups, in_group = 0, False
    for word in clause:
        if word in FINITE_VERBS:
            groups += 0 if in_group else 1
            in_group = True
        elif word not in _VERB_GLUE:
            in_group = False
    return groups


def _counts_something(tokens, index):
    # The next word, or the one after an adjective ("four living-donor recipients").
    following = tokens[index + 1:index + 3]
    return any(word in COUNT_NOUNS for word in following[:1]) or (
        len(following) == 2 and following[1] in COUNT_NOUNS and following[1] not in ("in", "of", "out"))


def _opening(plain):
    return plain.lstrip(" \n\"'“‘(*_[")

