"""Tell a direction to the reader ("Email your nurse ...") from a statement of fact.

A direction starts with a verb in its base form: at the start of the sentence,
after a label ("**Tip:** Use ..."), or after a leading phrase ("In the patient
app, look ..."). Which words are base-form verbs comes from the SPECIALIST
Lexicon, through verbs.txt (written by tools/verb_lexicon.py).

Many base-form verbs are also nouns ("Report shows ...", "Drink water.").
When the first word can be either, the words after it decide, and when they
do not decide, the sentence counts as a claim: an uncited claim is the worse
mistake, and a false alarm is fixed by rewording or a marker.
"""

import re
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).with_name("verbs.txt")

# A word, [A-Za-z][A-Za-z'’-]*, or a number, \d[\d.,:/]*: written to start with one
# character class, so the engine skips straight to letters and digits.
WORD = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])[A-Za-z'’-]*|(?<=\d)[\d.,:/]*)")
NUMBER = "0"  # every number is this one token: "Ring 999" reads like "Ring them"
NAME = "Name"  # every capitalised word after the first: "Visit Kidney Care UK"
# A label before the direction: "Tip:", "**Note:**", "What to do:".
LABEL = re.compile(r"^([^:.!?]{1,40}):\s+(?=\S)")
# Link text and quoted words stand for one thing: "Read [the leaflet] ..." reads like "Read it".
NAMED_THING = re.compile(r"\[[^\[\]]*\]|[\"“][^\"”]*[\"”]?")
MARKUP = re.compile(r"[*_\[\]\"“”‘(){}<>#]")
# Punctuation that ends the clause the first verb governs.
CLAUSE_END = re.compile(r"[;:()—–]|\s-\s")

# Words before the verb that keep it a direction: "Please call ...", "Do not stop ...".
SOFTENERS = frozenset("please always never also just then now first simply gently carefully kindly "
                      "next finally so even".split())
NEGATIONS = (("do", "not"), ("don't",), ("do", "n't"))
_NEGATION_STARTS = frozenset(negation[0] for negation in NEGATIONS)

# A word after the first that shows the first was a noun: "Use of MSCs is ...".
SUBJECT_SIGNS = frozenset("""
    of is are was were has have had does did can could may might must shall should will would
    isn't aren't wasn't weren't hasn't doesn't didn't can't cannot won't 's
""".split())
MODALS = frozenset("can could may might must shall should will would cannot can't won't".split())
FINITE_HELPERS = MODALS | frozenset("""
    is are was were has had does did isn't aren't wasn't weren't hasn't hadn't doesn't didn't
""".split())

# A word after an ambiguous first word that shows it was a verb with an object:
# "Report any new lumps", "Drink plenty of water", "Have your blood taken", "Ring 999".
OBJECT_SIGNS = frozenset("""
    a an the your you yourself yourselves this these those it them him her us me someone
    anyone anything something everything all any some each every plenty enough extra
    more less lots no one my our their his its 0
""".split())
PRONOUNS = frozenset("you your yourself it its them their him his her us our me my".split())
# A particle or preposition after it: a direction ("Check with your GP") unless
# a verb follows ("Research in mice suggests ...").
PARTICLES = frozenset("""
    up down out off back away over around in on at to with for by into onto from through
    about under ahead aside along of
""".split())
# Words that start a clause of their own; a verb after them is not the main verb.
CLAUSE_BREAKS = frozenset("""
    if when whenever before after while unless until once because since as so that which who
    whose where whether though although than you we they he she i what how why
""".split())
# Only these end the first clause for a bare object: "Drink water when ..." but not
# "MSCs that are dying may ...", where the verb comes after the relative clause.
BARE_BREAKS = CLAUSE_BREAKS - {"that", "which", "who", "whose"}
# Words that say how or when: "Order refills early", "Wash hands often".
ADVERBS = frozenset("early often daily regularly again too every each".split())
# "each day", "every morning": when, not what.
TIMES = frozenset("day days week weeks month months year years morning mornings evening evenings "
                  "night nights time times hour hours".split())
# Particles that make a phrasal verb of the word before: "Water makes up ...".
VERB_PARTICLES = frozenset("up down out off back away over".split())
# Straight after the first word these start a condition: "Rest when you can."
CONDITIONS = frozenset("if when whenever until unless while as once".split())
COORDINATORS = frozenset("and or".split())

# First words of a leading phrase that ends at a comma: "In the patient app, look ...".
LEAD_STARTERS = frozenset("""
    if when whenever before after while unless until once as in on at during for from with
    without by within throughout between among each every like unlike given to where
    whatever however wherever ideally meanwhile afterwards otherwise instead also first
    then next finally now today tonight tomorrow later soon over
""".split())

# "Remember that ...", "Note that ...": a fact dressed as advice is a claim about its clause.
FACT_FRAMES = (("remember",), ("note",), ("notice",), ("know",), ("understand",), ("realise",),
               ("realize",), ("recall",), ("accept",), ("consider",), ("be", "aware"),
               ("bear", "in", "mind"), ("keep", "in", "mind"), ("be", "sure"))
_FACT_FRAME_STARTS = frozenset(frame[0] for frame in FACT_FRAMES)


@lru_cache(maxsize=1)
def verb_kinds():
    """{word: kinds}, kinds a string of b (base verb), f (other verb form), n (noun), a (adjective)."""
    # One split of the whole file is several times faster than a loop over its lines.
    body = "\n".join(line for line in LEXICON.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#"))
    fields = body.split()
    return dict(zip(fields[0::2], fields[1::2]))


def is_direction(plain):
    """Whether the sentence tells the reader what to do, rather than stating a fact."""
    opening = _opening(plain)
    if not _could_be_direction(opening):
        return False
    text = NAMED_THING.sub(" it ", opening)
    text = MARKUP.sub(" ", text).strip()
    label = LABEL.match(text)
    if label and _is_label(label.group(1)):
        text = text[label.end():]
    elif label and _is_leading_phrase(label.group(1)):
        # "While you are away: call ...": a leading phrase that ends in a colon, not a comma.
        return _starts_direction(text[label.end():])
    return _starts_direction(text) or _direction_after_leading_phrase(text)


def _is_leading_phrase(text):
    tokens = _tokens(text)
    return bool(tokens) and tokens[0] in LEAD_STARTERS


def _could_be_direction(text):
    """A quick look at the first word, so most statements of fact cost one dictionary look-up."""
    if text.find(":", 0, 42) >= 0:
        return True  # a label may come first
    first = WORD.search(text, 0, 40)
    if not first:
        return False
    word = first.group(0).lower()
    return ("b" in verb_kinds().get(word, "") or word in SOFTENERS or word in LEAD_STARTERS
            or word.startswith("don") or word.endswith("ly"))


def _is_label(text):
    """"Tip", "Top tip", "What to do": a name for what follows, not a direction itself."""
    tokens = _tokens(text)
    if len(tokens) == 1:
        return True
    return len(tokens) <= 4 and not any(map(_is_finite, tokens)) and not _starts_direction(text)


def _direction_after_leading_phrase(text):
    """"If you feel unwell, call ...": the part after the leading phrase decides."""
    parts = text.split(",")
    if len(parts) < 2:
        return False
    lead = _tokens(parts[0])
    if not lead or not (lead[0] in LEAD_STARTERS or (len(lead) == 1 and lead[0].endswith("ly"))):
        return False
    # "If you have a fever, a cough or a rash, call ...": later commas may end a
    # list inside the phrase, as long as no main verb stands between them.
    for part in parts[1:4]:
        if _starts_direction(part):
            return True
        if any(_is_finite(token) for token in _tokens(part)):
            return False
    return False


def _starts_direction(text, look_past_comma=True):
    first_clause, _, after_comma = CLAUSE_END.split(text, 1)[0].partition(",")
    tokens = _drop_softeners(_tokens(first_clause, keep_names=True))
    if tokens is None:
        return True  # "Do not ...", "Don't ...": always a direction
    if not tokens or _is_fact_frame(tokens):
        return False
    head, rest = tokens[0], tokens[1:]
    kinds = verb_kinds().get(head, "")
    if "b" not in kinds or head in MODALS or head in PARTICLES or head in LEAD_STARTERS:
        return False
    if kinds == "b":
        # Only ever a verb: "Eat ...", "Avoid ...", "Dispose of ..."
        return not (rest and rest[0] in FINITE_HELPERS)
    if not rest:
        # "Fever", alone in a list item, is a noun; "Wait, and talk it over ..." is not.
        # One step only, and on a few words, so a long run of commas costs linear time.
        then = _tokens(after_comma[:20])
        return (look_past_comma and bool(then) and then[0] in ("and", "then")
                and _starts_direction(after_comma.split(None, 1)[-1], look_past_comma=False))
    if rest[0] in SUBJECT_SIGNS:
        return False
    if rest[0] in COORDINATORS:
        # "Stop or change your medicines": a direction if the second word is one too.
        return len(rest) > 1 and "b" in verb_kinds().get(rest[1], "") and _verb_reading_wins(rest[2:])
    return _verb_reading_wins(rest)


def _verb_reading_wins(rest):
    """For a first word that is also a noun or adjective, whether it reads as a verb."""
    if not rest:
        return True
    following, after = rest[0], rest[1] if len(rest) > 1 else ""
    if following in CONDITIONS:
        return True
    if following in OBJECT_SIGNS:
        # The verb reading is strong here, so plural nouns and purposes do not
        # count: "Take your tablets at the same times ...", "Read it to see what ...".
        return not _has_main_verb(rest, CLAUSE_BREAKS, after_object=True)
    if following in PARTICLES or following == NAME:
        return not _has_main_verb(rest, CLAUSE_BREAKS)
    # A bare word after it: "Drink water daily" and "Order refills early" are
    # directions; "Blood tests show ...", "Dose changes are ...", "Staff watch
    # you ...", "Transplant patients have ..." and "fast weight gain" are not.
    if not any(token in PRONOUNS or token in PARTICLES or token in OBJECT_SIGNS or token in ADVERBS
               or token.endswith("ly") for token in rest):
        return False
    clause = _main_clause(rest, BARE_BREAKS)
    following_kinds = verb_kinds().get(following, "")
    if "f" in following_kinds and not _is_plural_noun(following, after):
        return False
    if "b" in following_kinds and after in PRONOUNS:
        return False
    if len(clause) > 1 and verb_kinds().get(clause[1], "") in ("b", "ab"):
        return False
    return not _has_main_verb(rest, BARE_BREAKS)


def _has_main_verb(tokens, breaks, after_object=False):
    """Whether a word of the first clause of tokens, after its first word, reads as its finite verb."""
    clause = _main_clause(tokens, breaks)
    for index in range(1, len(clause)):
        before, token = clause[index - 1], clause[index]
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        kinds = verb_kinds().get(token, "")
        if token in FINITE_HELPERS:
            return True
        if after_object and before == "to" and "b" in kinds:
            return False  # "Read it to compare ...": a purpose, not a new clause
        # "Research in mice suggests ...", but not "look under my results",
        # "watch for signs", "look at the blue boxes in ..." or "the wipes provided."
        plural = "n" in kinds and token.endswith("s")
        if ("f" in kinds and before not in OBJECT_SIGNS and before not in PARTICLES
                and not (plural and after_object) and not _is_plural_noun(token, after)
                and not (token.endswith(("ed", "en")) and not after and after_object)):
            return True
        # "People with diabetes heal more ...", "Phase 1 trials test whether ...", but not
        # "pain or swelling over your kidney" (a preposition) or "a little further each
        # day" (a time, not an object).
        before_kinds = verb_kinds().get(before, "")
        time_phrase = after in ("each", "every") and index + 2 < len(tokens) and tokens[index + 2] in TIMES
        if ("b" in kinds and token not in PARTICLES and before not in PARTICLES and before not in OBJECT_SIGNS
                and before not in ("to", "not", "and", "or")
                and (not before_kinds or ("n" in before_kinds and before.endswith("s")))
                and ((after in OBJECT_SIGNS and not time_phrase)
                     or after in ("that", "whether", "how") or after.endswith("ly"))):
            return True
    return False


def _is_plural_noun(token, after):
    """"refills" in "Order refills early": a plural noun, not a verb, when nothing follows it as an object."""
    return ("n" in verb_kinds().get(token, "") and token.endswith("s")
            and (not after or (after in PARTICLES and after not in VERB_PARTICLES)
                 or after in COORDINATORS or after.endswith("ly") or after in ADVERBS))


def _main_clause(tokens, breaks):
    """The words up to the start of another clause ("... when you arrive")."""
    for index, token in enumerate(tokens[1:], start=1):
        if token in breaks:
            return tokens[:index]
    return tokens


def _is_finite(token):
    return token in FINITE_HELPERS or "f" in verb_kinds().get(token, "")


def _drop_softeners(tokens):
    """Tokens after "Please", "Always" and the like; None after "Do not"."""
    index = 0
    while index < len(tokens):
        negation = tokens[index] in _NEGATION_STARTS  # a quick look before the slices
        if negation and any(tuple(tokens[index:index + len(n)]) == n for n in NEGATIONS):
            return None
        if tokens[index] not in SOFTENERS:
            break
        index += 1
    return tokens[index:]


def _is_fact_frame(tokens):
    if not tokens or tokens[0] not in _FACT_FRAME_STARTS:
        return False
    for frame in FACT_FRAMES:
        if tuple(tokens[:len(frame)]) == frame:
            rest = tokens[len(frame):]
            return bool(rest) and (rest[0] == "that" or any(_is_finite(t) for t in _main_clause(rest, CLAUSE_BREAKS)))
    return False


def _tokens(text, keep_names=False):
    """Lower-case words; with keep_names, a capitalised word after the first becomes the
    token NAME, which reads as an object: "Visit Kidney Care UK"."""
    # ’ and ' are both inside-word characters only, so replacing first splits the words alike.
    found = WORD.findall(text.replace("’", "'"))
    if not keep_names:
        return [NUMBER if word[0].isdigit() else word.lower() for word in found]
    return [NUMBER if word[0].isdigit() else NAME if index and word[0].isupper() else word.lower()
            for index, word in enumerate(found)]


def _opening(text):
    # A quote at the start stays: '"Next review due" shows ...' names a thing.
    return text.lstrip(" \n'‘(*_[-–—•")
