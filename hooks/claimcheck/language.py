"""Small word lists that tell a claim from a question, a direction or a signpost.

They are heuristics, kept short and explicit on purpose: when a sentence is
classified wrongly, the fix is a word added here with a test example, or a
`<!-- not-a-claim: reason -->` marker on the page. Directions are told apart
with a lexicon of verb forms instead of a list (see advice.py).
"""

import re

from .advice import is_direction

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# "This page explains ...": sentences about the site itself, not about medicine.
SIGNPOST = re.compile(
    r"^(?:this|the next|the following|these|the sections? below|the (?:table|list|box|checklist) below|"
    r"below|on this page,?|in this section,?)\s*"
    r"(?:page|pages|section|sections|site|list|table|box|checklist|questions)?\s*"
    r"(?:below\s+)?(?:also\s+)?(?:explains?|uses?|shows?|describes?|covers?|lists?|gives?|sets? out|sums? up|looks? at|"
    r"tells? you|helps? you|links?|groups?|has|shows? you|answers?|walks? you through|you will find)\b",
    re.I,
)

# Finite verbs: a list item without one is a fragment ("swollen ankles"),
# which the cited sentence introducing the list covers.
FINITE_VERBS = frozenset("""
    is are was were be been being am isn't aren't wasn't weren't
    has have had hasn't haven't hadn't
    do does did don't doesn't didn't
    can could may might must shall should will would cannot can't won't
    affects allow allows allowed became become becomes calls called carries caused causes
    changed changes comes came contains depends described describes develop developed
    did finds found gave gets give gives got grew happened happens helps helped holds
    includes included involves kept keeps led leads lived lives looked looks lost made makes
    means meant needs needed occurs occurred offers offered protects reduced reduces
    remain remained remains reported reports rose seems seemed showed shows started
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

_DIGIT = re.compile(r"\d")


def words(text):
    return WORD.findall(text)


def is_question(plain):
    return plain.rstrip().rstrip("\"'”’)*_ ").endswith("?")


def is_signpost(plain):
    return bool(SIGNPOST.match(_opening(plain)))


def is_imperative(plain):
    """A direction to the reader: "Email your nurse ...", "**Tip:** Use ...", "If ..., call ..."."""
    return is_direction(plain)


def has_number(plain):
    if _DIGIT.search(plain):
        return True
    tokens = [word.lower() for word in words(plain)]
    for index, token in enumerate(tokens):
        if token in NUMBER_WORDS and _counts_something(tokens, index):
            return True
    return False


def has_finite_verb(plain):
    return any(word.lower() in FINITE_VERBS for word in words(plain))


def _counts_something(tokens, index):
    # The next word, or the one after an adjective ("four living-donor recipients").
    following = tokens[index + 1:index + 3]
    return any(word in COUNT_NOUNS for word in following[:1]) or (
        len(following) == 2 and following[1] in COUNT_NOUNS and following[1] not in ("in", "of", "out"))


def _opening(plain):
    return plain.lstrip(" \n\"'“‘(*_[")

