"""Counts of characters before an offset, for offsets taken in increasing order.

Rules that ask "is a quotation or a bracket still open here?" count the quote
marks before each match. Counting from the start of the sentence at each match
is quadratic when one long sentence holds many matches; counting only the text
since the previous match is linear, and gives the same counts.
"""


class CountsBefore:
    def __init__(self, text, characters):
        self.text = text
        self.counts = dict.fromkeys(characters, 0)
        self.counted = 0

    def at(self, index):
        """{character: how many times it occurs in text[:index]}."""
        if index < self.counted:  # not expected: matches come in order; count afresh
            self.counts = dict.fromkeys(self.counts, 0)
            self.counted = 0
        for character in self.counts:
            self.counts[character] += self.text.count(character, self.counted, index)
        self.counted = index
        return self.counts
