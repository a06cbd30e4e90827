"""A quick test for ASCII words that a pattern finds with case ignored (re.IGNORECASE).

With case ignored, an ASCII letter matches itself in either case, the Kelvin sign
(whose lower case is "k") and three characters whose lower case is no ASCII letter:
"ı" and "İ" match "i", and "ſ" matches "s". Every other ASCII character matches
only itself. (tests/test_checker_speed_ignorecase.py checks both on every character.)
So in text without those three, anything such a pattern matches is, in lower case,
the pattern's own words in lower case: searching the lower-cased text for them,
case-sensitively and much faster, can show that the pattern matches nowhere.
"""

import re

OTHER_CASES = re.compile("[ıİſ]")


def lowered(text):
    """The text in lower case for that test, or None when it holds one of the three characters."""
    if not text.isascii() and OTHER_CASES.search(text):
        return None
    return text.lower()
