"""Set the citation numbers of one place as a single, tidy superscript.

mkdocs-bibtex turns `drugs [@b; @a].` into Python-Markdown footnotes, one
<sup> per key, after the space the writer typed before the bracket:

    drugs <sup id="fnref:b"><a class="footnote-ref" href="#fn:b">6</a></sup><sup id="fnref:a">...2...</sup>.

so readers saw "drugs ⁶ ² .". This hook rewrites every run of adjacent
footnote references into one marker, as careful publishers set them:

    drugs<sup class="citations"><a id="fnref:a" ...>2</a>,<a id="fnref:b" ...>6</a></sup>.

- tight against the word (the whitespace before the run is dropped),
- numbers ascending, each once, separated by commas,
- the punctuation straight after it (whitespace before . , ; : ! ? ) is dropped).

Why these choices:
- It works on the page HTML (on_page_content), because the numbers exist only
  after Python-Markdown has numbered the footnotes; the Markdown still holds keys.
- Each number stays its own link. Material's `content.footnote.tooltips` shows,
  for every `.footnote-ref` link, the footnote its href points to, so one link
  per number keeps a tooltip per reference on hover and on keyboard focus
  without any script of ours. A single link per group could show only one.
- The id that each footnote's back-link (↩) points to moves from the removed
  <sup> onto its link, so every back-link still lands on its marker. A key cited
  twice in one place keeps its second id on an empty <span>.
- The regexes match only Python-Markdown's exact footnote-reference markup and
  run in linear time: `(?<!\\s)` lets a match start only at the first character
  of a whitespace run, so no run of spaces is scanned more than once.
"""

import re

# One footnote reference exactly as Python-Markdown's footnotes extension writes it.
_REF = (r'<sup id="(?P<id>fnref\d*:[^"<>]+)"><a class="footnote-ref" href="(?P<href>#fn:[^"<>]+)">'
        r'(?P<number>\d+)</a></sup>')
_ONE_REF = re.compile(_REF)
_PLAIN_REF = re.sub(r"\(\?P<\w+>", "(?:", _REF)  # the same, without named groups, to repeat
# A run of references with the whitespace before it, between them, and before punctuation.
_RUN = re.compile(rf'(?<!\s)\s*(?P<run>{_PLAIN_REF}(?:\s*{_PLAIN_REF})*)(?:\s+(?=[.,;:!?)]))?')


def on_page_content(html, *, page, config, files):
    return group_citations(html)


def group_citations(html):
    """The page's HTML with each run of footnote references set as one marker."""
    return _RUN.sub(_marker, html)


def _marker(match):
    refs = sorted(_ONE_REF.finditer(match.group("run")), key=lambda ref: int(ref["number"]))
    by_number = {}
    for ref in refs:
        by_number.setdefault(int(ref["number"]), []).append(ref)
    links = []
    for number, same in by_number.items():
        first, *repeats = same
        spare_ids = "".join(f'<span id="{ref["id"]}"></span>' for ref in repeats)
        links.append(f'{spare_ids}<a id="{first["id"]}" class="footnote-ref" href="{first["href"]}">{number}</a>')
    return '<sup class="citations">' + ",".join(links) + "</sup>"
