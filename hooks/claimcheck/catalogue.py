"""Every rule code: its slug, why it exists, how to fix it, what its findings say, and examples.

This is the one home of each rule's words: code that reports a finding takes
its message from here (see `message`), filling in the details of the case.
Messages are str.format templates, so a literal brace is written twice.
tests/test_rule_words.py fails when code reports a code or a message that is
not here, or when a code or message here is reported nowhere.

Each rule has examples that must be flagged and examples that must pass;
tests/test_claims.py runs them all and fails for a rule without both.
CONTRIBUTING.md explains the same codes for editors.

Examples of page rules are Markdown bodies (front matter is added by the
test); examples of BIB rules are BibTeX text. Known keys in the examples
are `smith2020example` and `agency2021advice`; the one known snippet in the
includes folder is `help-box.md`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    why: str
    fix: str
    # What a finding says: a str.format template, or {situation: template} when one
    # code covers several situations. The code fills in the details of each case.
    message: object
    flagged: tuple
    passing: tuple


_ENTRY = """@article{{smith2020example,
  evidence = {{case report}},
  author = {{Smith, Ann}},
  title = {{An example}},
  journal = {{Journal of Examples}},
  year = {{2020}},
  {extra}
}}
"""


def _entry(extra="doi = {10.1000/x1}"):
    return _ENTRY.format(extra=extra)


# A news report may have no stable web address; who published it, and where, then finds it.


def _page(last_reviewed="2026-11-26", next_review="2027-11-26", evidence_checked="2026-11-26"):
    """A small page whose front matter has these dates; None leaves a field out."""
    dates = (("last_reviewed", last_reviewed), ("next_review", next_review), ("evidence_checked", evidence_checked))
    lines = ["---", "title: A page", "description: About a page."]
    lines += [f"{name}: {value}" for name, value in dates if value is not None]
    return "\n".join(lines + ["---", "# A page", ""])


_NEWS_REPORT = """@misc{{press2020story,
  evidence = {{news report}},
  author = {{{{Example Hospital press office}}}},
  title = {{A story about a patient}},
  year = {{2020}},
  {extra}
}}
"""


RULES = (
    Rule("CLAIM001", "uncited-claim",
         "Every statement of fact must lead the reader to its source. A citation covers only the sentence "
         "it stands in, so a sentence added in front of a cited one cannot borrow that source. \"Remember "
         "that ...\", \"Note that ...\", \"Be aware that ...\" and \"Keep in mind that ...\" state a fact, "
         "so they need a citation too.",
         "Add [@key] to the sentence itself, before its full stop, citing a source that says it. Word "
         "advice as advice (\"Ask your team ...\"), or mark a sentence that is not a claim.",
         message="Claim without a citation. Add [@key] to this sentence: a citation in another sentence "
                 "does not cover it. If it is advice or not a fact, word it as advice, or mark it "
                 "<!-- not-a-claim: reason -->.",
         flagged=(# A sentence put in front of a cited one does not borrow its citation.
                  "MSC therapy cuts rejection by half. MSCs come from bone marrow [@smith2020example].",
                  "MSCs come from bone marrow.",
                  "MSCs come from bone marrow [@smith2020example]. They can calm the immune system.",
                  # Facts dressed as advice.
                  "Remember that MSCs come from bone marrow.",
                  "Note that MSCs can calm the immune system.",
                  "Be aware that MSCs come from bone marrow.",
                  "Keep in mind that MSCs are still being studied.",
                  # A signpost names the page, section, list, table or figure it is about.
                  "This has been shown in trials.",
                  # A list item that is a full sentence needs its own citation.
                  "Signs include [@smith2020example]:\n\n- fever\n- the kidney is sore\n",
                  "Cells studied include [@smith2020example]:\n\n- MSCs that are grown in a lab may calm "
                  "the immune system\n",
                  "!!! note \"Box\"\n    MSCs are studied in trials.\n",
                  # A full sentence in a nested list still needs its own citation.
                  "Side effects include [@smith2020example]:\n\n- high blood sugar:\n"
                  "    - Steroids make your blood sugar rise.\n",
                  # A bold sentence is still a sentence.
                  "- **There is no control group.**\n  One patient cannot show how often it works "
                  "[@smith2020example].\n",
                  # A first word that is also a noun, with a verb after it, starts a claim.
                  "Report shows that most new kidneys still work well.",
                  "Blood tests show how well the new kidney works.",
                  # Every text a reader sees is read: footnotes, HTML blocks and what follows an HTML tag.
                  "MSCs are cells [@smith2020example].[^more]\n\n[^more]: They come from bone marrow.\n",
                  "[^more]: They are cells.\n    They come from bone marrow [@smith2020example].\n"
                  "    They can calm the immune system.\n",
                  "<div markdown>\nMSCs come from bone marrow.\n</div>",
                  "<abbr title=\"Mesenchymal stromal cells\">MSCs</abbr> come from bone marrow.",
                  "<div>\nMSCs come from bone marrow.\n</div>",
                  "[ref]: https://example.org/ MSCs come from bone marrow."),
         passing=("MSCs come from bone marrow [@smith2020example].",
                  "MSCs come from bone marrow [@smith2020example]. They can calm the immune system "
                  "[@smith2020example].",
                  # Short items are covered by the cited sentence that introduces the list with a colon.
                  "Signs include [@smith2020example]:\n\n- fever\n- swollen ankles\n"
                  "- a fever that comes and goes\n",
                  "Medicines include [@smith2020example]:\n\n- calcineurin inhibitors:\n"
                  "    - tacrolimus\n    - ciclosporin\n",
                  "Medicines include [@smith2020example]:\n\n- co-trimoxazole, against a lung infection "
                  "called PCP\n",
                  # A few words ending in a colon name what the list below is about.
                  "On each clinic day:\n\n1. Have your blood taken at the clinic.\n",
                  "The next section is about clinic visits.",
                  # Short items under a direction finish the direction.
                  "Pack these in your hand luggage:\n\n- all your medicines\n- your clinic phone number\n",
                  "Report any pain or swelling over your new kidney.",
                  "Walk a little further each day.",
                  "> **While you are away:** call your team if you have a fever.\n",
                  # A bold label that names the topic of its item works like a heading.
                  "- **Infections.**\n  The medicines make infections more likely [@smith2020example].\n",
                  "Ask your transplant team before you change any medicine.",
                  "Do not stop taking your medicines.",
                  "If you feel unwell, call your team.",
                  # Directions are told by a verb's base form (SPECIALIST Lexicon), not a word list.
                  "Have your blood taken before your morning dose.",
                  "Email your research nurse if you cannot come to a visit.",
                  "Drink plenty of water on hot days.",
                  "**Tip:** Use a sun cream with a high protection factor.",
                  "In the patient app, look under \"My results\".",
                  "Is this treatment right for me?",
                  "This page explains what tolerance means.",
                  # The text version of a figure describes the site's own picture.
                  "The figure has four steps, joined by arrows.\nThe first step is called \"A new kidney\".",
                  "See the [glossary](glossary.md).",
                  "<!-- not-a-claim: describes this website --> The site has no adverts.",
                  "```\nMSCs come from bone marrow.\n```",
                  "    MSCs come from bone marrow.",
                  "Text with `MSCs are cells.` in code [@smith2020example].",
                  "## MSCs come from bone marrow",
                  "<!-- MSCs come from bone marrow. -->",
                  "[ref]: https://example.org/ \"MSCs come from bone marrow\"",
                  "*[MSC]: Mesenchymal stromal cell",
                  "![A diagram of MSCs](figure.svg)",
                  # A picture and its caption; the text version box beside it is read as prose.
                  "<figure markdown=\"span\">\n  ![A diagram of MSCs](figure.svg)\n"
                  "  <figcaption>Picture: where MSCs come from</figcaption>\n</figure>",
                  "MSCs are cells [@smith2020example].[^more]\n\n"
                  "[^more]: They come from bone marrow [@smith2020example].\n",
                  "<div markdown>\nMSCs come from bone marrow [@smith2020example].\n</div>")),
    Rule("CLAIM002", "number-needs-own-citation",
         "Numbers are the facts readers remember and reviewers check first, so each needs its source "
         "right beside it. A number counts whatever words come before it: \"This has been shown in 3 "
         "trials.\" and \"Remember that 40 in 100 ...\" need a citation. Directions with a number "
         "(\"Take 2 tablets.\") are advice, not facts. A short list item that finishes a cited lead-in "
         "(\"Signs include [@key]:\" over \"- a temperature of 38 degrees or more\") has that citation as "
         "its own. Digits that are part of a name (COVID-19, CD73, "
         "NCT02012153) and footnote marks such as [^1] are not numbers.",
         "Add [@key] to the sentence that has the number.",
         message="This sentence has a number, so it needs its own citation: add [@key] before its full stop.",
         flagged=("The study had 70 patients. It was randomised [@smith2020example].",
                  "About one in five people miss doses. This matters [@smith2020example].",
                  "The treatment took six days. Doctors watched closely [@smith2020example].",
                  # The opening words do not exempt a number.
                  "This has been shown in 3 trials.",
                  "Remember that 40 in 100 patients miss a dose.",
                  "Note that the trial had 12 patients.",
                  # An item under a cited lead-in that is a sentence of its own is judged alone.
                  "Signs include [@smith2020example]:\n\n- A temperature of 38 degrees is common.\n",
                  # A label with a number, or a full sentence under a direction, is judged alone.
                  "Seen in 3 trials:\n\n- fever\n",
                  "Pack these in your bag:\n\n1. Tacrolimus capsules break down above 25 degrees.\n"),
         passing=("The study had 70 patients [@smith2020example]. It was randomised [@smith2020example].",
                  "One of the doctors' aims was safety [@smith2020example].",
                  "Take your medicines 2 times a day if your team tells you to.",
                  "Take 2 tablets each morning.",
                  # A fragment item finishes its cited lead-in, so that citation covers its number.
                  "Signs include [@smith2020example]:\n\n- a temperature of 38 degrees or more\n",
                  "Medicines include [@smith2020example]:\n\n- co-trimoxazole:\n"
                  "    - one tablet a day, or\n    - one tablet 3 times a week\n",
                  "Pack these in your hand luggage:\n\n- enough for the whole trip, plus 3 extra days\n",
                  # Digits in a name, and footnote marks, are not numbers.
                  "Should I have the COVID-19 vaccine?",
                  "Trials include [@smith2020example]:\n\n- NCT02012153\n- MDR-101\n- studies of CD73\n",
                  "What does tolerance mean[^1]?\n\n[^1]: Ask your transplant team.\n")),
    Rule("CLAIM003", "uncited-table-row",
         "A table row is read on its own, so it needs its own source.",
         "Add [@key] to any cell of the row.",
         message="Table row without a citation. Add [@key] to any cell of this row.",
         flagged=("| Term | Meaning |\n| --- | --- |\n| Graft | The new kidney |\n",),
         passing=("| Term | Meaning |\n| --- | --- |\n| Graft | The new kidney [@smith2020example] |\n",)),
    Rule("CLAIM004", "marker-needs-reason",
         "Exemptions are counted and reviewed; a reason tells the reviewer why it is safe.",
         "Write the reason after a colon: <!-- not-a-claim: describes this website -->.",
         message="The not-a-claim marker needs a reason, like <!-- not-a-claim: describes this website -->.",
         flagged=("<!-- not-a-claim --> The site has no adverts.",
                  "<!-- not-a-claim: --> The site has no adverts."),
         passing=("<!-- not-a-claim: describes this website --> The site has no adverts.",)),
    Rule("CITE001", "unknown-key",
         "mkdocs-bibtex silently deletes a citation whose key is not in refs.bib.",
         "Fix the spelling (the message suggests close keys), or add the source to refs.bib.",
         message="No entry `{key}` in refs.bib.{suggestion} Fix the key, or add the source to refs.bib.",
         flagged=("MSCs are cells [@smith2020exampel].", "MSCs are cells [@nobody1999]."),
         passing=("MSCs are cells [@smith2020example].",)),
    Rule("CITE002", "unsafe-key-characters",
         "mkdocs-bibtex cuts keys at characters such as ':' and '.', so the wrong source or none is shown.",
         "Use only letters, digits, _ and - in keys, here and in refs.bib.",
         message="The key `{key}` contains characters the citation plugin cuts off (only letters, digits, "
                 "_ and - are safe). Rename the entry in refs.bib and here.",
         flagged=("MSCs are cells [@smith:2020].", "MSCs are cells [@smith.2020]."),
         passing=("MSCs are cells [@smith2020example].",)),
    Rule("CITE003", "empty-citation",
         "An empty citation shows nothing and supports nothing.",
         "Put a key from refs.bib after the @.",
         message="Empty citation `[@]`. Put a key from refs.bib after the @, like [@casiraghi2020tolerance].",
         flagged=("MSCs are cells [@].", "MSCs are cells [@smith2020example; @]."),
         passing=("MSCs are cells [@smith2020example; @agency2021advice].",)),
    Rule("CITE004", "citation-in-code",
         "A citation inside code is not a citation, yet mkdocs-bibtex still rewrites it.",
         "Move the citation out of the backticks, or remove it.",
         message="`{citation}` is inside code, so it does not count as a citation, but the citation plugin "
                 "still rewrites it. Move it out of the backticks, or remove it.",
         flagged=("MSCs are cells `[@smith2020example]`.",),
         passing=("MSCs are cells [@smith2020example]. Write citations like `[at]key`.",)),
    Rule("CITE005", "citation-with-affixes",
         "mkdocs-bibtex drops words such as 'see' or 'p. 3' inside the brackets without a CSL style.",
         "Write only keys inside the brackets, and put page numbers in the sentence.",
         message="`{citation}` has words around the key, which the citation plugin drops. Write just the "
                 "keys, like [@key] or [@key1; @key2], and put any page number in the sentence.",
         flagged=("MSCs are cells [see @smith2020example, p. 3].",),
         passing=("MSCs are cells, as page 3 says [@smith2020example].",)),
    Rule("BIB001", "unreadable-bibliography",
         "If refs.bib cannot be read, no citation on the site can be checked or shown.",
         "Go to the line named and close the brace, add the comma or fix the entry.",
         message={
             "missing-file": "The bibliography file does not exist.",
             "not-utf8": "The bibliography is not UTF-8 text (byte {byte}). Save it as UTF-8.",
             "unreadable": "The bibliography cannot be read ({reason}).",
             "stray-at": "An `@` outside an entry starts a new entry in BibTeX. Write entries as "
                         "@article{{key, ...}}; in comments, avoid the @ sign.",
             "no-opener": "`@{kind}` must be followed by {{ or (.",
             "no-key": "The @{kind} entry needs a key and a comma, like @{kind}{{key2024word, ...",
             "value-runs-on": "The field `{name}` in `{key}` is missing its closing brace, so it runs on "
                              "over the fields below it. Add `}}` at the end of this field's value.",
             "entry-not-closed": "The entry `{key}` is missing its closing `{closer}`: add it on a line of its "
                                 "own after the entry's last field (line {last_line}), before the next "
                                 "entry (line {next_line}).",
             "not-closed": "Entry `{key}` (line {line}) is not closed: expected a field name or "
                           "`{closer}` here. Check for a missing brace or comma.",
             "no-equals": "The field `{name}` in `{key}` needs `=` and a value.",
             "no-value": "The field `{name}` in `{key}` has no value; write it as {name} = {{...}}.",
             "no-comma": "After the field `{name}` in `{key}`, expected a comma or the end of the "
                         "entry. A brace in this field may be missing.",
             "never-closed": "This opening brace or quote is never closed. Add the missing `{closer}`.",
             "duplicate-field": "The field `{name}` appears twice in `{key}`. Keep one of them.",
             "bad-string": "Write an @string entry as @string{{name = {{text}}}}.",
             "undefined-string": "The field `{name}` in `{key}` uses `{macro}`, which no @string entry "
                                 "defines. Put the value in braces: {name} = {{...}}.",
             "plugin-failed": "The citation plugin cannot read this file: {error}",
         },
         flagged=(_entry().replace("title = {An example}", "title = {An example"),
                  # An entry still open when the next one starts: its closing brace is missing.
                  _entry().rstrip().rstrip("}") + "\n\n" + _entry().replace("smith2020example", "smith2020other"),
                  "% An email like me@example.org in a comment\n" + _entry()),
         passing=(_entry(),)),
    Rule("BIB002", "duplicate-key",
         "Two entries with one key make the shown source depend on which comes first.",
         "Give one entry a different key, and update the pages that cite it.",
         message="The key `{key}` is already used by the entry on line {first_line} (keys are compared "
                 "ignoring case). Give one of them a different key.",
         flagged=(_entry() + _entry().replace("smith2020example", "Smith2020Example"),),
         passing=(_entry() + _entry().replace("smith2020example", "smith2020other"),)),
    Rule("BIB003", "missing-field",
         "A reader must be able to find every source: it needs a title, a year and a locator, and an "
         "article also needs authors and a journal.",
         "Add the missing field, copied from the source itself.",
         message={
             "missing-field": "`{key}` has no `{name}`. Add it from the source itself.",
             "no-locator": "`{key}` has no doi, pmid or url, so readers cannot find it. Add one you "
                           "have checked; a PubMed search URL will do.",
         },
         flagged=(_entry().replace("  journal = {Journal of Examples},\n", ""),
                  _entry(extra="pages = {1}"),
                  _NEWS_REPORT.format(extra="note = {no locator}")),
         passing=(_entry(), _entry(extra="url = {https://example.org/paper}"),
                  _NEWS_REPORT.format(extra="howpublished = {Post on the hospital's public social-media account}"))),
    Rule("BIB004", "malformed-locator",
         "A broken DOI, PMID or URL sends readers nowhere, and a garbled check date tells them nothing.",
         "Copy the identifier again from the source: a DOI starts with 10., a PMID is digits, a URL "
         "starts with https://. Write the day you checked a web page (urldate) as YYYY-MM-DD.",
         # `{{{value}}}` shows the value in the braces the editor wrote: `year = {20}`.
         message={
             "year": "`year = {{{value}}}` in `{key}` should be four digits, or n.d. for an undated "
                     "web page.",
             "doi": "`doi = {{{value}}}` in `{key}` is malformed: a DOI looks like 10.1000/xyz123, "
                    "without https://doi.org/.",
             "pmid": "`pmid = {{{value}}}` in `{key}` is malformed: a PMID is digits only.",
             "url": "`url = {{{value}}}` in `{key}` is malformed: a URL starts with https:// or "
                    "http:// and names a website.",
             "urldate": "`urldate = {{{value}}}` in `{key}` is malformed: the day you checked the "
                        "page is written YYYY-MM-DD, for example 2026-11-29.",
         },
         flagged=(_entry(extra="doi = {https://doi.org/10.1000/x1}"), _entry(extra="pmid = {PMC123}"),
                  _entry(extra="url = {www.example.org}"), _entry().replace("{2020}", "{20}"),
                  _entry(extra="url = {https://example.org/page},\n  urldate = {29 Nov 2026}")),
         passing=(_entry(extra="doi = {10.1000/x1}"), _entry(extra="pmid = {23133515}"),
                  _entry(extra="url = {https://example.org/page},\n  urldate = {2026-11-29}"))),
    Rule("BIB005", "uncited-entry",
         "An entry no page cites is either a forgotten citation or clutter on the Sources page.",
         "Cite it, delete it, or add allow_uncited = {reason} to the entry.",
         message="No page cites `{key}`. Cite it, delete it, or add `allow_uncited = {{reason}}` to the entry.",
         flagged=(_entry(),),
         passing=(_entry(extra="doi = {10.1000/x1},\n  allow_uncited = {kept for the next review}"),)),
    Rule("BIB006", "evidence-kind",
         "Readers see the kind of evidence with every reference, so each entry must say what it is.",
         "Add evidence = {...} with a kind from the list in CONTRIBUTING.md.",
         message="`{key}` needs `evidence = {{...}}` with one of: {kinds}.",
         flagged=(_entry().replace("  evidence = {case report},\n", ""),
                  _entry().replace("{case report}", "{anecdote}")),
         passing=(_entry(),)),
    Rule("BIB007", "unsafe-key",
         "mkdocs-bibtex cuts keys at ':' or '.', so such an entry can never be cited correctly.",
         "Rename the key using letters, digits, _ and - only.",
         message="The key `{key}` has characters the citation plugin cuts off. Use only letters, digits, _ and -.",
         flagged=(_entry().replace("smith2020example", "smith:2020"),),
         passing=(_entry(),)),
    Rule("BIB008", "title-capitals",
         "The citation style prints most titles in sentence case, so capitals are lost: \"KDIGO guideline "
         "for Italy\" would show as \"Kdigo guideline for italy\". Letters inside braces { } keep their case.",
         "Put braces around each word whose capitals must stay, exactly as the message shows: "
         "title = {{KDIGO} guideline for {Italy}}. Do not put braces around the whole title.",
         message="In `{key}`, the citation style would print {words} in small letters. Change the title "
                 "to {{{fixed}}} so they keep their capitals.",
         flagged=(_entry().replace("title = {An example}", "title = {An example from the KDIGO guideline}"),
                  _entry().replace("title = {An example}", "title = {An example of a case in Italy}")),
         passing=(_entry().replace("title = {An example}", "title = {An example from the {KDIGO} guideline}"),
                  _entry().replace("title = {An example}", "title = {An example of a case in {Italy}}"),
                  _entry().replace("title = {An example}",
                                   "title = {Long-Term Clinical Profile of Kidney Transplant Patients}"),
                  _entry().replace("@article", "@book"))),
    Rule("META001", "missing-page-detail",
         "Readers and search engines need a title and description; review dates show the page is current, "
         "and evidence_checked shows when someone last searched for new evidence.",
         "Add the missing line to the front matter between the --- lines.",
         message="The front matter has no `{name}`. Add a line `{name}: …` between the `---` lines at the "
                 "top of the page (see CONTRIBUTING.md, “Page details”).",
         flagged=("---\ntitle: A page\n---\n# A page\n",
                  _page(evidence_checked=None)),
         passing=(_page(),)),
    Rule("META002", "bad-date",
         "Review and evidence dates must be real dates so the build can tell when a review is due.",
         "Write dates as YYYY-MM-DD.",
         message="`{name}: {value}` is not a date. Write it as YYYY-MM-DD, for example 2026-11-26.",
         flagged=(_page(last_reviewed="26/11/2026"),
                  _page(evidence_checked="2026-02-30")),
         passing=(_page(),)),
    Rule("META003", "review-overdue",
         "Out-of-date health information can harm; a page past its review date must be checked again.",
         "Check the page against its sources and look for new evidence, then update last_reviewed, "
         "evidence_checked and next_review.",
         message="The next review was due on {due}. Review the page against its sources and search for "
                 "new evidence, then set `last_reviewed` and `evidence_checked` to today, and change "
                 "`next_review` on this line to a date at most {months} months later.",
         flagged=(_page(last_reviewed="2020-01-01", next_review="2020-12-01", evidence_checked=None),),
         passing=(_page(),)),
    Rule("META004", "review-window",
         "Pages are reviewed at least every 12 months.",
         "Set next_review after last_reviewed and at most 12 months later.",
         message="Change `next_review: {next_review}` on this line: it must fall after `last_reviewed: "
                 "{last_reviewed}` (line {last_line}) and no later than {latest} ({months} months after it).",
         flagged=(_page(next_review="2028-11-26", evidence_checked=None),),
         passing=(_page(next_review="2027-05-26"),)),
    Rule("META005", "bad-front-matter",
         "If the front matter is not valid YAML, the page loses its title and dates.",
         "Make each line `name: value`; put quotes around values that contain a colon.",
         message="The front matter is not valid YAML ({problem}). Check the lines between the two `---` "
                 "lines: each must be `name: value`.",
         flagged=("---\ntitle: Tolerance: what it means\ndescription: [oops\n---\n# A page\n",),
         passing=("---\ntitle: \"Tolerance: what it means\"\ndescription: About a page.\n"
                  "last_reviewed: 2026-11-26\nnext_review: 2027-11-26\nevidence_checked: 2026-11-26\n---\n# A page\n",)),
    Rule("META006", "evidence-date-in-future",
         "The footer tells readers when the evidence was last checked; a date that has not come yet misleads them.",
         "Set evidence_checked to the day you last searched for new evidence on the page's topic.",
         message="`evidence_checked: {checked}` is in the future (today is {today}). Set it to the day you "
                 "last searched for new evidence.",
         flagged=(_page(evidence_checked="2026-12-25"),),
         passing=(_page(),)),
    Rule("META007", "evidence-check-too-old",
         "A review that rests on a search for evidence more than a year old can miss what changed since.",
         "Search again for new evidence on the page's topic, then set evidence_checked to that day.",
         message="`evidence_checked: {checked}` is more than {months} months before `last_reviewed: "
                 "{last_reviewed}`. Search for new evidence on this page's topic, then set "
                 "`evidence_checked` to that day (on or after {earliest}).",
         flagged=(_page(evidence_checked="2025-11-25"),),
         passing=(_page(evidence_checked="2025-11-26"),)),
    Rule("WORD001", "overclaiming-word",
         "Words like \"cure\", \"breakthrough\" or \"proven\" promise more than one case report and a few "
         "small trials can show, and \"stem cells\" is the wrong name for MSCs. Readers may act on a promise.",
         "Say what the study found (\"was associated with\", \"in one patient\"). If you quote a clinic or a "
         "newspaper to warn readers, put its words in quotation marks.",
         message="“{word}” overstates what is known. {reason} Reword it, or put it in quotation marks if "
                 "you are quoting someone in order to warn about it.",
         flagged=("MSC therapy is a breakthrough for transplant patients [@smith2020example].",
                  "The Italian case proves that MSCs work [@smith2020example].",
                  "Stem cells let one patient stop her medicines [@smith2020example]."),
         passing=("There is no guarantee that MSC therapy works [@smith2020example].",
                  "MSC therapy is not a cure [@smith2020example].",
                  "Be wary of any clinic that promises a \"miracle cure\" [@smith2020example].",
                  "MSCs are also called mesenchymal stem cells [@smith2020example].")),
    Rule("READ001", "hard-to-read",
         "Many readers find long sentences and long words hard, especially when they are unwell or worried. "
         "Pages must read at school grade 8 or lower (Flesch–Kincaid), and the shared help boxes in "
         "includes/ and the decision aid at grade 6 or lower.",
         "Start with the sentences the message quotes: split long sentences, and use everyday words "
         "(\"medicine\" for \"pharmacotherapy\"). Explain a medical word the first time you use it.",
         message="This text reads at school grade {grade}; the limit here is {limit}. Its hardest sentence "
                 "is this one; the next hardest: {others}. Use shorter sentences and everyday words.",
         flagged=('Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. ',),
         passing=("You take your medicines every day [@smith2020example]. They stop your body from "
                  "attacking your new kidney [@smith2020example]. Take them at the same times each day. "
                  "If you miss a dose, ask your team what to do. Never stop them on your own. Keep a list "
                  "of your medicines with you. Show it to any doctor who treats you.",)),
    Rule("NAV001", "page-not-in-menu",
         "A page that is not in the menu is still published, but readers cannot find it, and the preview "
         "looks normal.",
         "Add a line for the page to the `nav:` list in mkdocs.yml, under the section it belongs to. Keep "
         "the spaces at the start of the line the same as the lines around it.",
         message="This page is not in the menu. Add it to the `nav:` list in mkdocs.yml, for example "
                 "`- {title}: {page}` under the section it belongs to.",
         # Examples: the `nav:` list of mkdocs.yml, for a site with docs/index.md and docs/new-page.md.
         flagged=("nav:\n  - Home: index.md\n",),
         passing=("nav:\n  - Home: index.md\n  - The basics:\n      - A new page: new-page.md\n",)),
    Rule("SNIPPET001", "missing-snippet",
         "A page that includes shared text that does not exist would lose it, such as a help box, without a sign.",
         "Fix the file name after --8<--, or create the file in includes/.",
         message="The shared text `{name}` is not in the includes folder. Check the spelling, or create "
                 "includes/{name}.",
         flagged=('--8<-- "no-such-box.md"\n', '!!! note "Box"\n    --8<-- "help-bx.md"\n'),
         passing=('--8<-- "help-box.md"\n', '!!! note "Box"\n    --8<-- "help-box.md"\n')),
    Rule("INPUT001", "not-utf8",
         "Pages must be UTF-8 so every character shows as written.",
         "Save the file as UTF-8 in your editor.",
         message="The file is not UTF-8 text (byte 0x{byte:02x} at offset {offset}). Save it as UTF-8 in "
                 "your editor.",
         flagged=("Caf\xe9 page, saved as Latin-1.",),
         passing=("Café page, saved as UTF-8.",)),
    Rule("INPUT002", "nested-too-deep",
         "Lists, quotes and boxes nested more than 20 deep are almost always damaged text; the check "
         "still reads the text that lies deeper, line by line. Until it is fixed the page shows its text "
         "as it is typed, in one grey box, because the program that draws pages cannot follow that "
         "many levels.",
         "Remove the extra list marks (-) or quote marks (>) at the start of the line.",
         message="Lists, quotes or boxes are nested more than {limit} deep here. Remove the extra "
                 "- or > marks at the start of the line.",
         flagged=("- " * 21 + "Call your team.",),
         passing=("- " * 5 + "Call your team.",)),
)

BY_CODE = {rule.code: rule for rule in RULES}


def message(code, situation=None, **details):
    """The words of one finding: its rule's message, with the details of this case filled in.

    `situation` names which of the rule's messages applies, for a rule that has several.
    """
    template = BY_CODE[code].message
    if isinstance(template, dict):
        template = template[situation]
    elif situation is not None:
        raise KeyError(f"{code} has one message, not one for {situation!r}")
    return template.format(**details)


def situations(rule):
    """The names of a rule's messages: (None,) for a rule with one message."""
    return tuple(rule.message) if isinstance(rule.message, dict) else (None,)
