"""Every rule code: its slug, why it exists, how to fix it, what its findings say, and examples.

This is the one home of each rule's words: code that reports a finding takes
its message from here (see `message`), filling in the details of the case.
Messages are str.format templates, so a literal brace is written twice.
tests/test_rule_words.py fails when code reports a code or a message that is
not here, or when a code or message here is reported nowhere.

Each rule has examples that must be flagged and examples that must pass;
tests/test_claims.py runs them all and fails for a rule without both.
CONTRIBUTING.md explains the same codes for editors, with the examples that
carry a note (see `Example`); tools/rules_doc.py writes that part of it.
`why` and `fix` are Markdown there, so code is written in backticks; messages
are plain text, shown in the terminal and in the preview's box.

The words are for nurses and doctors, not programmers: short sentences,
"advice" for a sentence that tells the reader what to do, and "the tool that
builds the reference list" rather than the plugin's name.

Examples of page rules are Markdown bodies (front matter is added by the
test); examples of BIB rules are BibTeX text. Known keys in the examples
are `smith2020example` and `agency2021advice`; the snippets in the includes
folder are the real ones, `get-help.md` and `safety-box.md`, so an editor
can copy a passing example as it is.
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


class Example(str):
    """An example's text with a one-line note on what it shows.

    CONTRIBUTING.md shows only the examples that have a note; the others are
    there for the tests. It is still a str, so the tests read it as plain text.
    """

    def __new__(cls, text, note):
        example = super().__new__(cls, text)
        example.note = note
        return example


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


TRANSLATION_SPLIT = "<!-- translation -->"


def _pair(english, chinese, zh_reviewed="2026-11-26"):
    """An example for the PARITY rules: an English page, the split line, its Chinese page."""
    return (_page() + english + TRANSLATION_SPLIT + "\n"
            + _page(last_reviewed=zh_reviewed) + chinese)


def _page(last_reviewed="2026-11-26", next_review="2027-11-26", evidence_checked="2026-11-26",
          title="A page", description="About a page."):
    """A small page whose front matter has these values; None leaves a line out."""
    fields = (("title", title), ("description", description), ("last_reviewed", last_reviewed),
              ("next_review", next_review), ("evidence_checked", evidence_checked))
    lines = ["---"] + [f"{name}: {value}" for name, value in fields if value is not None]
    return "\n".join(lines + ["---", "# A page", ""])


# A news report may have no stable web address; who published it, and where, then finds it.
_NEWS_REPORT = """@misc{{press2020story,
  evidence = {{news report}},
  author = {{{{Example Hospital press office}}}},
  title = {{A story about a patient}},
  year = {{2020}},
  {extra}
}}
"""

# The tests' "today" is 2026-11-26 (tests/test_claims.py); the page examples' dates count from it.

RULES = (
    Rule("CLAIM001", "uncited-claim",
         "Readers must be able to see where every fact comes from. A citation covers only the sentence it "
         "stands in. So a sentence just before or after a cited one needs its own citation. Sentences that "
         "start \"Remember that\", \"Note that\", \"Be aware that\" or \"Keep in mind that\" state a fact, so "
         "they need a citation too.",
         "Add `[@key]` to the sentence itself, just before its full stop, citing a source that says it. If "
         "the sentence really tells the reader what to do, start it with the action, as in \"Ask your team "
         "...\". If it really states no fact, put `<!-- not-a-claim: reason -->` in front of it (see "
         "CLAIM004). Do not reword a fact just to avoid citing it.",
         message="Claim without a citation. Add [@key] to this sentence: a citation in another sentence "
                 "does not cover it. If the sentence is advice, start it with the action (\"Ask ...\"); "
                 "if it states no fact, put <!-- not-a-claim: reason --> in front of it.",
         flagged=(# Chinese: a sentence ends at 。！？； or ……; each one that states a fact needs its own citation.
                  "间充质基质细胞可以让免疫系统平静下来。间充质基质细胞来自骨髓[@smith2020example]。",
                  Example("MSCs can calm the immune system. MSCs come from bone marrow [@smith2020example].",
                          "The first sentence has no citation. The citation in the next sentence does not "
                          "cover it."),
                  "MSC therapy cuts rejection by half. MSCs come from bone marrow [@smith2020example].",
                  "MSCs come from bone marrow.",
                  "MSCs come from bone marrow [@smith2020example]. They can calm the immune system.",
                  # Facts dressed as advice.
                  Example("Remember that MSCs come from bone marrow.",
                          "Starting with \"Remember that\" does not turn a fact into advice."),
                  "Note that MSCs can calm the immune system.",
                  "Be aware that MSCs come from bone marrow.",
                  "Keep in mind that MSCs are still being studied.",
                  # A signpost names the page, section, list, table or figure it is about.
                  "This has been shown in trials.",
                  # A list item that is a full sentence needs its own citation.
                  Example("Signs include [@smith2020example]:\n\n- fever\n- the kidney is sore\n",
                          "\"the kidney is sore\" is a full sentence, so it needs its own citation."),
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
         passing=(# Chinese: a question (？, or 吗 or 呢 at the end), advice (请, 不要, 务必, 记得, 问问,
                  # or 如果……，请……) and a sentence about the page (本页……, 见……) need no citation.
                  "这种治疗适合我吗？",
                  "这个试验是否适合我呢",
                  "请不要自行停用抗排斥药。",
                  "如果您发烧，请立即联系移植团队。",
                  "本页介绍意大利病例。",
                  "间充质基质细胞来自骨髓[@smith2020example]。它们可以在实验室中培养[@smith2020example]。",
                  "排斥反应的迹象包括[@smith2020example]：\n\n- 发热\n- 尿量减少\n",
                  "MSCs come from bone marrow [@smith2020example].",
                  Example("MSCs can calm the immune system [@smith2020example]. MSCs come from bone marrow "
                          "[@smith2020example].",
                          "Each sentence has its own citation, even though the source is the same."),
                  "MSCs come from bone marrow [@smith2020example]. They can calm the immune system "
                  "[@smith2020example].",
                  Example("Signs include [@smith2020example]:\n\n- fever\n- a sore kidney\n",
                          "Short items that are not sentences (\"a sore kidney\") share the citation of the "
                          "sentence above them, which ends in a colon."),
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
                  # Short items under advice finish the advice.
                  "Pack these in your hand luggage:\n\n- all your medicines\n- your clinic phone number\n",
                  "Report any pain or swelling over your new kidney.",
                  "Walk a little further each day.",
                  "> **While you are away:** call your team if you have a fever.\n",
                  # A bold label that names the topic of its item works like a heading.
                  "- **Infections.**\n  The medicines make infections more likely [@smith2020example].\n",
                  Example("Ask your transplant team before you change any medicine.",
                          "Advice: it starts with the action, \"Ask\", so it needs no citation."),
                  "Do not stop taking your medicines.",
                  "If you feel unwell, call your team.",
                  # Advice is told by a verb's base form (SPECIALIST Lexicon), not a word list.
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
         "Readers remember numbers, so each number needs its source right beside it.",
         "Add `[@key]` to the sentence that has the number. A number needs a citation whatever words come "
         "before it: \"This has been shown in 3 trials.\" needs one. Numbers written as words (\"six days\", "
         "\"one in five\") count too. A number needs no citation of its own in these cases:\n\n"
         "- Advice with a number: \"Walk for 10 minutes each day.\" Never give a medicine dose as advice. "
         "Write that doses come from the transplant team, or cite the source of the dose.\n"
         "- A short list item, not a full sentence, under a cited sentence that ends in a colon: "
         "\"Signs include [@key]:\" above \"- a temperature of 38 degrees or more\".\n"
         "- A short list item under advice that ends in a colon: \"Pack these in your hand luggage:\" above "
         "\"- enough for the whole trip, plus 3 extra days\".\n"
         "- Digits that are part of a name (COVID-19, CD73, NCT02012153) and footnote marks such as `[^1]`.",
         message="This sentence has a number, so it needs its own citation: add [@key] before its full stop.",
         flagged=(Example("Take 5 mg of tacrolimus twice a day.",
                          "A medicine dose needs a source even when it is written as advice."),
                  "请每天服用两片他克莫司。",
                  # Chinese numerals with a measure word (例, 名, 个月, 天, 年, 倍, 分之) are numbers too.
                  "研究共纳入了十二名患者。",
                  "这种疗法只在一例患者身上试过两次。",
                  "三分之一的患者出现了发热。",
                  Example("The study had 70 patients. It was randomised [@smith2020example].",
                          "The number is in a sentence with no citation. The citation in the next sentence "
                          "does not cover it."),
                  "About one in five people miss doses. This matters [@smith2020example].",
                  # Numbers written as words count too.
                  "The treatment took six days. Doctors watched closely [@smith2020example].",
                  # The opening words do not exempt a number.
                  Example("This has been shown in 3 trials.",
                          "Opening words such as \"This has been shown\" do not excuse a number."),
                  "Remember that 40 in 100 patients miss a dose.",
                  "Note that the trial had 12 patients.",
                  # An item under a cited colon sentence that is a sentence of its own is judged alone.
                  "Signs include [@smith2020example]:\n\n- A temperature of 38 degrees is common.\n",
                  # A label with a number, or a full sentence under advice, is judged alone.
                  "Seen in 3 trials:\n\n- fever\n",
                  "Pack these in your bag:\n\n1. Tacrolimus capsules break down above 25 degrees.\n"),
         passing=("研究共纳入了12名患者[@smith2020example]。",
                  # 一 with 种, 位, 名 and the like reads as "a", not as a number.
                  "间充质基质细胞是一种细胞[@smith2020example]。",
                  "您需要接种COVID-19疫苗吗？",
                  Example("The study had 70 patients [@smith2020example]. It was randomised "
                          "[@smith2020example].",
                          "Each sentence has its own citation."),
                  "One of the doctors' aims was safety [@smith2020example].",
                  "Check your blood pressure 2 times a day if your team asks you to.",
                  Example("Walk for 10 minutes each day.",
                          "Advice with a number needs no citation. Never give a medicine dose as advice."),
                  # A short item finishes its cited colon sentence, so that citation covers its number.
                  Example("Signs include [@smith2020example]:\n\n- a temperature of 38 degrees or more\n",
                          "A short item shares the citation of the sentence above it, which ends in a colon."),
                  "Medicines include [@smith2020example]:\n\n- co-trimoxazole:\n"
                  "    - one tablet a day, or\n    - one tablet 3 times a week\n",
                  "Pack these in your hand luggage:\n\n- enough for the whole trip, plus 3 extra days\n",
                  # Digits in a name, and footnote marks, are not numbers.
                  "Should I have the COVID-19 vaccine?",
                  "Trials include [@smith2020example]:\n\n- NCT02012153\n- MDR-101\n- studies of CD73\n",
                  "What does tolerance mean[^1]?\n\n[^1]: Ask your transplant team.\n")),
    Rule("CLAIM003", "uncited-table-row",
         "Readers often read one row of a table on its own, so each row needs its own source.",
         "Add `[@key]` to any cell of the row. Every row needs one, even when it gives the meaning of a "
         "word. Only the heading row and the `| --- |` line under it need none.",
         message="Table row without a citation. Add [@key] to any cell of this row.",
         flagged=(Example("| Medicine | What it does |\n| --- | --- |\n| Tacrolimus | Helps stop rejection |\n",
                          "The row has no citation in any cell."),
                  Example("| Medicine | What it does |\n| --- | --- |\n"
                          "| Tacrolimus | Helps stop rejection [@smith2020example] |\n"
                          "| Mycophenolate | Helps stop rejection |\n",
                          "The citation in the first row does not cover the second row."),
                  "| Term | Meaning |\n| --- | --- |\n| Graft | The new kidney |\n"),
         passing=(Example("| Medicine | What it does |\n| --- | --- |\n"
                          "| Tacrolimus | Helps stop rejection [@smith2020example] |\n",
                          "A citation in one cell covers its row. The heading row needs none."),
                  Example("| Medicine | What it does |\n| --- | --- |\n"
                          "| Tacrolimus [@smith2020example] | Helps stop rejection |\n",
                          "The citation can be in any cell of the row."),
                  "| Term | Meaning |\n| --- | --- |\n| Graft | The new kidney [@smith2020example] |\n")),
    Rule("CLAIM004", "marker-needs-reason",
         "Reviewers count and check every `not-a-claim` marker. Your reason tells them why the sentence "
         "needs no source.",
         "Write the reason after a colon inside the marker: `<!-- not-a-claim: describes this website -->`.",
         message="The not-a-claim marker needs a reason, like <!-- not-a-claim: describes this website -->.",
         flagged=(Example("<!-- not-a-claim --> The site has no adverts.", "The marker has no reason."),
                  Example("<!-- not-a-claim: --> The site has no adverts.",
                          "A colon with nothing after it is not a reason.")),
         passing=(Example("<!-- not-a-claim: describes this website --> The site has no adverts.",
                          "The reason after the colon says why the sentence needs no source."),
                  Example("<!-- not-a-claim: plain definition of an everyday term --> Your immune system is "
                          "your body's defence against germs.",
                          "Another reason, as used on the medicines page."))),
    Rule("CITE001", "unknown-key",
         "The tool that builds the reference list quietly drops a citation whose key is not in refs.bib. "
         "The reader then sees no source.",
         "Fix the spelling of the key (the message suggests keys that are close), or add the source to "
         "refs.bib.",
         message="No entry `{key}` in refs.bib.{suggestion} Fix the key, or add the source to refs.bib.",
         flagged=(Example("MSCs are cells [@smith2020exampel].", "The key is misspelt: \"exampel\"."),
                  Example("MSCs are cells [@nobody1999].", "No entry in refs.bib has this key.")),
         passing=(Example("MSCs are cells [@smith2020example].", "The key matches an entry in refs.bib."),
                  Example("MSCs are cells [@smith2020example; @agency2021advice].",
                          "Two keys, both in refs.bib, with a semicolon between them."))),
    Rule("CITE002", "unsafe-key-characters",
         "The tool that builds the reference list cuts a key short at characters such as `:` and `.`, so "
         "the page shows the wrong source, or none.",
         "Rename the key in refs.bib (see BIB007) and on every page that cites it. Use only letters, "
         "numbers, `_` and `-`.",
         message="The key `{key}` has characters that break the reference list. Use only letters, numbers, "
                 "_ and -: rename the key in refs.bib and on every page that cites it.",
         flagged=(Example("MSCs are cells [@smith:2020].", "A colon in the key."),
                  Example("MSCs are cells [@smith.2020].", "A full stop in the key.")),
         passing=(Example("MSCs are cells [@smith2020example].", "Only letters and numbers in the key."),)),
    Rule("CITE003", "empty-citation",
         "An empty citation shows nothing, and it gives the sentence no source.",
         "Put a key from refs.bib after the @, or delete the empty part.",
         message="Empty citation `[@]`. Put a key from refs.bib after the @, like [@casiraghi2020tolerance].",
         flagged=(Example("MSCs are cells [@].", "Nothing after the @."),
                  Example("MSCs are cells [@smith2020example; @].", "The part after the semicolon is empty.")),
         passing=(Example("MSCs are cells [@smith2020example; @agency2021advice].",
                          "Each @ has a key after it."),
                  Example("MSCs are cells [@smith2020example].", "The empty part deleted."))),
    Rule("CITE004", "citation-in-code",
         "Text between backticks (`` ` ``) shows as grey computer text, and a citation there does not work. "
         "The backtick key is usually at the top left of the keyboard.",
         "Delete the backticks around the citation.",
         message="`{citation}` is between backticks, so it shows as computer text and does not work as a "
                 "citation. Delete the backticks around it.",
         flagged=(Example("MSCs are cells `[@smith2020example]`.",
                          "The citation is between backticks. The sentence then has no working citation, so "
                          "CLAIM001 shows too."),
                  Example("See the source `[@smith2020example]`.",
                          "Even where no citation is needed, a citation between backticks is a mistake.")),
         passing=(Example("MSCs are cells [@smith2020example].", "The same sentence with the backticks deleted."),
                  # Code that is not a citation is fine.
                  "MSCs are cells [@smith2020example]. Write citations like `[at]key`.")),
    Rule("CITE005", "citation-with-affixes",
         "Words inside the brackets, such as \"see\" or \"p. 3\", never appear on the page.",
         "Write only keys inside the brackets. Put a page number in the sentence instead: \"as page 3 of "
         "the report says [@key]\".",
         message="`{citation}` has words inside the brackets, and they never appear on the page. Write only "
                 "the keys, like [@key] or [@key1; @key2], and put any page number in the sentence.",
         flagged=(Example("MSCs are cells [see @smith2020example, p. 3].", "Words before and after the key."),
                  Example("MSCs are cells [@smith2020example, p. 3].", "A page number after the key.")),
         passing=(Example("MSCs are cells, as page 3 of the report says [@smith2020example].",
                          "The page number is in the sentence, and only the key is in the brackets."),
                  "MSCs are cells, as page 3 says [@smith2020example].")),
    Rule("BIB001", "unreadable-bibliography",
         "If refs.bib cannot be read, no citation on the site can be checked or shown. The preview leaves "
         "out the damaged entry and keeps working, but the site cannot be published.",
         "The message gives a line number in refs.bib. Go to that line. Check that every `{` has a "
         "matching `}`, and that each line inside an entry ends with a comma (the last line may leave it "
         "out). Do not type the @ sign in notes (lines that start with `%`): it starts a new entry.",
         message={
             "missing-file": "The bibliography file does not exist.",
             "not-utf8": "The bibliography is not UTF-8 text (byte {byte}): a letter or sign near there, "
                         "often an accented letter pasted from another program, is stored in an older "
                         "format. Retype it and save.",
             "unreadable": "The bibliography cannot be read ({reason}).",
             "stray-at": "An @ sign outside an entry starts a new entry, even in a note (a line that "
                         "starts with %). Remove the @ sign here, or write the entry as "
                         "@article{{key, ...}}.",
             "no-opener": "`@{kind}` must be followed by {{ or (. If this @ sign is in a note (a line "
                          "that starts with %), remove it.",
             "no-key": "The @{kind} entry needs a key and a comma, like @{kind}{{key2024word, ...",
             "value-runs-on": "The field `{name}` in `{key}` is missing its closing brace, so it runs on "
                              "over the fields below it. Add `}}` at the end of this field's value.",
             "last-entry-not-closed": "The entry `{key}` is missing its closing `{closer}`: add it on a line "
                                      "of its own after the entry's last field (line {last_line}).",
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
             "plugin-failed": "The tool that builds the reference list cannot read refs.bib: {error}",
         },
         flagged=(Example(_entry().replace("title = {An example}", "title = {An example"),
                          "The title line has no closing `}` after \"An example\"."),
                  # An entry still open when the next one starts: its closing brace is missing.
                  Example(_entry().rstrip().rstrip("}") + "\n\n"
                          + _entry().replace("smith2020example", "smith2020other"),
                          "The first entry has no closing `}` on a line of its own before the next entry."),
                  Example("% An email like me@example.org in a comment\n" + _entry(),
                          "An @ sign in a note (a line that starts with `%`) starts a new entry.")),
         passing=(Example(_entry(), "Every `{` has its `}`, and each field line but the last ends with a comma."),
                  Example("% An email like me at example.org in a comment\n" + _entry(),
                          "The note spells out \"at\" instead of typing the @ sign."))),
    Rule("BIB002", "duplicate-key",
         "Two entries with the same key make the page show whichever comes first. Keys count as the same "
         "even if one has capital letters and the other does not.",
         "If both entries are the same source, delete the copy. If they are different sources, give one "
         "entry a different key, and change the pages that cite it.",
         message="The key `{key}` is already used by the entry on line {first_line} (capital and small "
                 "letters count as the same). If both are the same source, delete this copy; if not, give one "
                 "of them a different key.",
         flagged=(Example(_entry() + _entry(), "The same key twice."),
                  Example(_entry() + _entry().replace("smith2020example", "Smith2020Example"),
                          "The keys differ only in capital letters, so they count as the same.")),
         passing=(Example(_entry() + _entry().replace("smith2020example", "smith2020other"),
                          "The second entry has a key of its own."),)),
    Rule("BIB003", "missing-field",
         "Readers must be able to find every source.",
         "Add the missing line, copied from the source itself. Every source needs a `title`, a `year` (or "
         "`n.d.` for a web page with no date) and a way to find it: a `doi`, `pmid` or `url`. A news report "
         "may give `howpublished` (who published it, and where) instead. A journal article (`@article`) "
         "also needs `author` and `journal`.",
         message={
             "missing-field": "`{key}` has no `{name}`. Add it from the source itself.",
             "no-locator": "`{key}` has no doi, pmid or url, so readers cannot find it. Add one you "
                           "have checked; the web address of a PubMed search for the title will do.",
         },
         flagged=(Example(_entry().replace("  journal = {Journal of Examples},\n", ""),
                          "The `journal` line is missing."),
                  Example(_entry(extra="pages = {1}"), "There is no `doi`, `pmid` or `url` line."),
                  Example(_NEWS_REPORT.format(extra="note = {No web address}"),
                          "A news report with neither a `url` nor a `howpublished` line.")),
         passing=(Example(_entry(), "Every line a journal article needs is there."),
                  Example(_entry(extra="url = {https://example.org/paper}"), "A `url` in place of a `doi`."),
                  Example(_NEWS_REPORT.format(extra="howpublished = {Post on the hospital's public social-media "
                                                    "account}"),
                          "A news report may say who published it, and where, instead of giving a `url`."))),
    Rule("BIB004", "malformed-locator",
         "A broken DOI, PMID or web address sends readers nowhere. A check date written the wrong way "
         "tells them nothing.",
         "Write the DOI without the web address in front: `https://doi.org/10.1000/x1` becomes "
         "`doi = {10.1000/x1}`. A PMID is only digits, such as 23133515. A PMC number (PMC…) is not a "
         "PMID. A web address starts with https:// (or http://). Write the day you checked a web page "
         "(`urldate`) as year-month-day, like 2026-11-29.",
         # `{{{value}}}` shows the value in the braces the editor wrote: `year = {20}`.
         message={
             "year": "`year = {{{value}}}` in `{key}` should be four digits, or n.d. for an undated "
                     "web page.",
             "doi": "`doi = {{{value}}}` in `{key}` is written wrongly: a DOI looks like 10.1000/xyz123, "
                    "without https://doi.org/ in front.",
             "pmid": "`pmid = {{{value}}}` in `{key}` is written wrongly: a PMID is digits only (a PMC "
                     "number is not a PMID).",
             "url": "`url = {{{value}}}` in `{key}` is written wrongly: a web address starts with https:// or "
                    "http:// and names a website.",
             "urldate": "`urldate = {{{value}}}` in `{key}` is written wrongly: the day you checked the "
                        "page is written YYYY-MM-DD, for example 2026-11-29.",
         },
         flagged=(Example(_entry(extra="doi = {https://doi.org/10.1000/x1}"),
                          "The DOI has the web address in front of it."),
                  Example(_entry(extra="pmid = {PMC123}"), "A PMC number is not a PMID."),
                  _entry(extra="url = {www.example.org}"), _entry().replace("{2020}", "{20}"),
                  Example(_entry(extra="url = {https://example.org/page},\n  urldate = {29 Nov 2026}"),
                          "The check date is not written year-month-day.")),
         passing=(Example(_entry(extra="doi = {10.1000/x1}"), "The DOI alone, starting with 10."),
                  Example(_entry(extra="pmid = {23133515}"), "The PMID is only digits."),
                  Example(_entry(extra="url = {https://example.org/page},\n  urldate = {2026-11-29}"),
                          "The check date written year-month-day."))),
    Rule("BIB005", "uncited-entry",
         "An entry that no page cites is either a forgotten citation or clutter on the Sources page.",
         "Cite it on a page, or delete it. To keep it on purpose, add `allow_uncited = {reason}` to the "
         "entry.",
         message="No page cites `{key}`. Cite it, delete it, or add `allow_uncited = {{reason}}` to the entry.",
         flagged=(Example(_entry(), "No page cites smith2020example."),
                  Example(_entry(extra="doi = {10.1000/x1},\n  allow_uncited = {}"),
                          "`allow_uncited` needs a reason.")),
         passing=(Example(_entry(extra="doi = {10.1000/x1},\n  allow_uncited = {kept for the next review}"),
                          "The entry says why it stays."),)),
    Rule("BIB006", "evidence-kind",
         "Readers see the kind of evidence next to every reference, so each entry must say what it is.",
         "Add a line such as `evidence = {randomised trial},` with a value from the first column of the "
         "table in \"Add a source to refs.bib\", spelled exactly as there (British spelling: randomised).",
         message="`{key}` needs `evidence = {{...}}` with one of: {kinds}.",
         flagged=(Example(_entry().replace("  evidence = {case report},\n", ""), "There is no `evidence` line."),
                  Example(_entry().replace("{case report}", "{anecdote}"), "\"anecdote\" is not in the table."),
                  Example(_entry().replace("{case report}", "{randomized trial}"),
                          "American spelling: the table says \"randomised trial\".")),
         passing=(Example(_entry(), "\"case report\" is in the table."),
                  Example(_entry().replace("{case report}", "{randomised trial}"),
                          "\"randomised trial\", spelled as in the table."))),
    Rule("BIB009", "example-entry",
         "The entries in CONTRIBUTING.md are made-up examples. Copied into refs.bib and cited, they would be "
         "published as if they were real sources.",
         "Replace the example's key and every field with those of the real source, copied from the source "
         "itself.",
         message="`{key}` looks like an example from CONTRIBUTING.md (its key starts with “example”). Replace "
                 "it with the real source: a key of your own and the source's own details.",
         flagged=(Example(_entry().replace("smith2020example", "example2024journal"),
                          "A key starting with “example”, as in the guide's examples."),),
         passing=(Example(_entry().replace("smith2020example", "casiraghi2020tolerance"),
                          "A key made for a real source."),)),
    Rule("BIB007", "unsafe-key",
         "The tool that builds the reference list cuts a key short at `:` or `.`, so no page can cite such "
         "an entry correctly.",
         "Rename the key using only letters, numbers, `_` and `-`, and change every page that cites it.",
         message="The key `{key}` has characters that break the reference list. Use only letters, numbers, "
                 "_ and -, and change the pages that cite it.",
         flagged=(Example(_entry().replace("smith2020example", "smith:2020"), "A colon in the key."),
                  Example(_entry().replace("smith2020example", "smith.2020"), "A full stop in the key.")),
         passing=(Example(_entry(), "Only letters and numbers in the key."),
                  Example(_entry().replace("smith2020example", "smith_2020-example"),
                          "`_` and `-` are allowed too."))),
    Rule("META001", "missing-page-detail",
         "Every page needs a title, a description and three dates. The title and description show in "
         "search results. The dates tell readers how up to date the page is.",
         "Add the missing line to the page details (the front matter) between the two `---` lines at the "
         "top of the page.",
         message="The front matter has no `{name}`. Add a line `{name}: …` between the `---` lines at the "
                 "top of the page (see CONTRIBUTING.md, “Page details”).",
         flagged=("---\ntitle: A page\n---\n# A page\n",
                  Example(_page(evidence_checked=None), "The `evidence_checked` line is missing."),
                  Example(_page(description=None), "The `description` line is missing.")),
         passing=(Example(_page(), "All five lines are there."),)),
    Rule("META002", "bad-date",
         "Review and evidence dates must be real dates, so the check can tell when a review is due.",
         "Write each date as year-month-day, with numbers: 2026-11-26 for 26 November 2026.",
         message="`{name}: {value}` is not a date. Write it as YYYY-MM-DD, for example 2026-11-26.",
         flagged=(Example(_page(last_reviewed="26/11/2026"), "The day comes first, with slashes."),
                  Example(_page(evidence_checked="2026-02-30"), "30 February does not exist.")),
         passing=(Example(_page(), "Year, month and day, joined by -."),)),
    Rule("META003", "review-overdue",
         "Out-of-date health information can harm. A page past its review date must be checked again.",
         "Search for new evidence on the page's topic. Check the page against its sources. Then set "
         "`last_reviewed` and `evidence_checked` to today, and `next_review` to a date no more than 12 "
         "months later. Setting `last_reviewed` alone is not enough: `evidence_checked` must be no more "
         "than 12 months before it (META007).",
         message="The next review was due on {due}. Review the page against its sources and search for "
                 "new evidence, then set `last_reviewed` and `evidence_checked` to today, and change "
                 "`next_review` on this line to a date at most {months} months later.",
         flagged=(Example(_page(last_reviewed="2020-01-01", next_review="2020-12-01",
                                evidence_checked="2020-01-01"),
                          "The review was due on 1 December 2020, and today is 26 November 2026."),
                  Example(_page(last_reviewed="2025-11-26", next_review="2026-11-25",
                                evidence_checked="2025-11-26"),
                          "The review was due yesterday."),
                  _page(last_reviewed="2020-01-01", next_review="2020-12-01", evidence_checked=None)),
         passing=(Example(_page(), "All three dates set on the day of the review, 26 November 2026."),)),
    Rule("META004", "review-window",
         "Review each page at least every 12 months.",
         "Set `next_review` to a date after `last_reviewed`, and no more than 12 months later.",
         message="Change `next_review: {next_review}` on this line: it must fall after `last_reviewed: "
                 "{last_reviewed}` (line {last_line}) and no later than {latest} ({months} months after it).",
         flagged=(Example(_page(next_review="2028-11-26"), "`next_review` is 2 years after `last_reviewed`."),
                  Example(_page(next_review="2027-11-27"),
                          "`next_review` is one day more than 12 months after `last_reviewed`."),
                  _page(next_review="2028-11-26", evidence_checked=None)),
         passing=(Example(_page(next_review="2027-05-26"), "`next_review` is 6 months after `last_reviewed`."),
                  Example(_page(next_review="2027-11-26"),
                          "Exactly 12 months after `last_reviewed` is the latest allowed."))),
    Rule("META005", "bad-front-matter",
         "If the page details at the top of the page (the front matter) are written wrongly, the page "
         "loses its title and dates.",
         "Write each line as `name: value`. Put double quotes around a value that contains a colon (:) or "
         "starts with [ or {, like `title: \"Tolerance: what it means\"`.",
         message="The front matter cannot be read ({problem}). Check the lines between the two `---` "
                 "lines: each must be `name: value`, with double quotes around a value that contains a "
                 "colon.",
         flagged=(Example(_page(title="Tolerance: what it means"), "The title has a colon but no quotes."),
                  Example(_page(description="[Draft] About a page."),
                          "The description starts with [ but has no quotes."),
                  "---\ntitle: Tolerance: what it means\ndescription: [oops\n---\n# A page\n"),
         passing=(Example(_page(title="\"Tolerance: what it means\""), "The title in double quotes."),
                  Example(_page(description="\"[Draft] About a page.\""), "The description in double quotes."))),
    Rule("META006", "evidence-date-in-future",
         "The foot of each page tells readers when someone last checked the evidence. A date that has not "
         "come yet misleads them.",
         "Set `evidence_checked` to the day you last searched for new evidence on the page's topic.",
         message="`evidence_checked: {checked}` is in the future (today is {today}). Set it to the day you "
                 "last searched for new evidence.",
         flagged=(Example(_page(evidence_checked="2026-12-25"),
                          "`evidence_checked` is after today (26 November 2026 in these examples)."),
                  Example(_page(evidence_checked="2026-11-27"), "Tomorrow is in the future too.")),
         passing=(Example(_page(), "The search was done today."),
                  Example(_page(evidence_checked="2026-06-01"),
                          "An earlier search is fine, if it is no more than 12 months before `last_reviewed`."))),
    Rule("META007", "evidence-check-too-old",
         "A review must rest on a recent search for new evidence. So `evidence_checked` must be no more than "
         "12 months before `last_reviewed`.",
         "Search again for new evidence on the page's topic, then set `evidence_checked` to that day.",
         message="`evidence_checked: {checked}` is more than {months} months before `last_reviewed: "
                 "{last_reviewed}`. Search for new evidence on this page's topic, then set "
                 "`evidence_checked` to that day (on or after {earliest}).",
         flagged=(Example(_page(evidence_checked="2025-11-25"),
                          "The page was reviewed on 2026-11-26, so the search must be on or after 2025-11-26. "
                          "This one is a day too early."),
                  Example(_page(evidence_checked="2025-01-10"),
                          "The search was almost 2 years before the review.")),
         passing=(Example(_page(evidence_checked="2025-11-26"),
                          "Exactly 12 months before `last_reviewed` is the earliest allowed."),
                  Example(_page(), "The search was done on the day of the review."))),
    Rule("WORD001", "overclaiming-word",
         "Words like \"cure\", \"breakthrough\" or \"proven\" promise more than one case report and a few "
         "small trials can show. Readers may act on a promise. And \"stem cells\" is the wrong name for MSCs.",
         "Say what the study found (\"was associated with\", \"in one patient\"). If you quote a clinic or a "
         "newspaper to warn readers, put its words in quotation marks.",
         message="“{word}” overstates what is known. {reason} Reword it, or put it in quotation marks if "
                 "you are quoting someone in order to warn about it.",
         flagged=(Example("MSC therapy is a breakthrough for transplant patients [@smith2020example].",
                          "\"breakthrough\" promises more than the studies show."),
                  Example("The Italian case proves that MSCs work [@smith2020example].",
                          "One case cannot prove that a treatment works."),
                  Example("Stem cells let one patient stop her medicines [@smith2020example].",
                          "\"Stem cells\" is the wrong name for MSCs.")),
         passing=("There is no guarantee that MSC therapy works [@smith2020example].",
                  Example("MSC therapy is not a cure [@smith2020example].",
                          "A word like \"cure\" is fine in a sentence that denies it."),
                  Example("Be wary of any clinic that promises a \"miracle cure\" [@smith2020example].",
                          "Quoting a clinic's words, in quotation marks, to warn readers."),
                  "MSCs are also called mesenchymal stem cells [@smith2020example].")),
    Rule("READ001", "hard-to-read",
         "Long sentences and long words are hard to read, most of all when you are unwell or worried. Each "
         "page must read at US school grade 8 or lower. The shared boxes in includes/ and the decision aid "
         "must read at grade 6 or lower. The grade comes from the Flesch–Kincaid formula: longer sentences "
         "and longer words give a higher grade.",
         "Start with the sentences the message quotes. Split long sentences, and use everyday words "
         "(\"medicine\" for \"pharmacotherapy\"). Explain a medical word the first time you use it.",
         message="This text reads at school grade {grade}; the limit here is {limit}. Its hardest sentence "
                 "is this one; the next hardest: {others}. Use shorter sentences and everyday words.",
         flagged=(Example("Adherence to immunosuppressive medication is essential, because nonadherence "
                          "substantially increases the probability of acute rejection episodes and subsequent "
                          "graft loss [@smith2020example]. Recipients experiencing adverse effects should "
                          "communicate with their multidisciplinary transplantation team rather than "
                          "discontinuing therapy independently [@smith2020example]. Pharmacists can provide "
                          "supplementary counselling regarding administration schedules [@smith2020example].",
                          "Long sentences full of long words: far above grade 8."),
                  'Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. Immunosuppressive pharmacotherapy necessitates meticulous longitudinal monitoring of haematological and biochemical parameters by multidisciplinary transplantation specialists [@smith2020example]. '),
         passing=(Example("Take your anti-rejection medicines every day [@smith2020example]. If you miss "
                          "doses, your body is more likely to attack your new kidney, and you could lose it "
                          "[@smith2020example]. If a medicine gives you side effects, tell your transplant "
                          "team. Do not stop taking it on your own. A pharmacist can help you plan when to "
                          "take each medicine [@smith2020example].",
                          "The same advice in short sentences and everyday words: well below grade 8."),
                  "You take your medicines every day [@smith2020example]. They stop your body from "
                  "attacking your new kidney [@smith2020example]. Take them at the same times each day. "
                  "If you miss a dose, ask your team what to do. Never stop them on your own. Keep a list "
                  "of your medicines with you. Show it to any doctor who treats you.")),
    Rule("TERM001", "wrong-term",
         "The Chinese edition uses one agreed word for each idea, listed in terminology.yml. Some words are "
         "wrong for this site: 干细胞 (stem cells) alone for MSCs is one of the errors of the press article "
         "the site corrects.",
         "Use the word the message gives. If you quote a clinic or a newspaper to warn readers, put its words "
         "in quotation marks “”.",
         message="“{word}” is the wrong word here. {note} Write “{zh}”.",
         flagged=(Example("干细胞可以让一位患者停用抗排斥药[@smith2020example]。",
                          "干细胞 (stem cells) alone is the wrong word for MSCs."),),
         passing=(Example("间充质基质细胞来自骨髓[@smith2020example]。", "The agreed word for MSCs."),
                  Example("它们也被称为间充质干细胞[@smith2020example]。",
                          "The other name, as a whole word, is allowed."),
                  Example("要当心出售“干细胞”疗法的机构[@smith2020example]。",
                          "A clinic's own word, quoted to warn about it, is allowed."))),
    Rule("TERM002", "untranslated-term",
         "A reader of the Chinese edition may not know the English word. terminology.yml gives the Chinese "
         "word to use.",
         "Write the Chinese word. You may keep the English in brackets after it, so readers can match the "
         "words their doctors use: 排斥反应（rejection）.",
         message="“{english}” is left in English. Write “{zh}”; you may keep the English in brackets after "
                 "it, as {zh}（{english}）.",
         flagged=(Example("这种 rejection 可以用药物控制[@smith2020example]。",
                          "An English word in a Chinese sentence, where the list gives a Chinese one."),),
         passing=(Example("这种排斥反应（rejection）可以用药物控制[@smith2020example]。",
                          "The English in brackets after the Chinese word is allowed."),
                  Example("Rejection can be treated [@smith2020example].",
                          "English sentences are not checked for Chinese words."),
                  "逝世后器官捐献者（deceased donor）是指去世后捐献器官的人[@smith2020example]。",
                  # Part of a name, such as the project msc-tolerance, is not a term.
                  "本网站的项目名为msc-tolerance[@smith2020example]。")),
    # Examples of the PARITY rules: the English page, the line TRANSLATION_SPLIT, then its
    # Chinese page; for PARITY004, the pages that exist, one path per line.
    Rule("PARITY001", "citations-differ",
         "A translated page must rest on the same sources as its English page. If a citation is added, "
         "dropped or moved in one language only, the two pages no longer say the same thing.",
         "Give the Chinese section the same citations, in the same order, as the same section of the "
         "English page, each at the end of the sentence that says the same thing.",
         message={
             "keys": "In the section “{section}”, this page cites {zh}, but the English page cites {en}. "
                     "Make the citations and their order the same as on the English page.",
             "sections": "This page has {zh} sections (## headings), but the English page has {en}. Give it "
                         "the same sections, in the same order.",
         },
         flagged=(Example(_pair("MSCs come from bone marrow [@smith2020example].\n",
                                "间充质基质细胞来自骨髓。\n"),
                          "The English page, then the Chinese page: the Chinese sentence lost its citation."),
                  _pair("## Facts\n\nMSCs come from bone marrow [@smith2020example].\n",
                        "## 事实\n\n## 更多\n\n间充质基质细胞来自骨髓[@smith2020example]。\n")),
         passing=(Example(_pair("## Facts\n\nMSCs come from bone marrow [@smith2020example].\n",
                                "## 事实\n\n间充质基质细胞来自骨髓[@smith2020example]。\n"),
                          "The same section cites the same source."),
                  Example(_pair("MSCs come from bone marrow and can be grown in a laboratory [@smith2020example].\n",
                                "间充质基质细胞来自骨髓[@smith2020example]。\n"
                                "它们可以在实验室里培养[@smith2020example]。\n"),
                          "One English sentence split into two Chinese ones, each citing the source: the "
                          "same source, in the same place."))),
    Rule("PARITY002", "box-missing",
         "The shared safety box (\"Do not stop your medicines\") and the help box must appear on every "
         "translated page whose English page has them: readers of either language need them.",
         "Add the shared box's line to the Chinese page where the English page has it, with the Chinese "
         "file name: `--8<-- \"safety-box.zh.md\"`.",
         message="The English page shows the shared box {english}, but this page does not show {box}. Add "
                 "the line `--8<-- \"{box}\"` where the English page has its box.",
         flagged=(Example(_pair('--8<-- "safety-box.md"\n', "请不要自行停药。\n"),
                          "The Chinese page has no shared safety box."),),
         passing=(Example(_pair('--8<-- "safety-box.md"\n', '--8<-- "safety-box.zh.md"\n'),
                          "The Chinese page shows the Chinese safety box."),)),
    Rule("PARITY003", "translation-out-of-date",
         "When the English page is reviewed after its translation, the translation may not say what the "
         "English page now says.",
         "Compare the Chinese page with the English page as it is now, change what differs, then set its "
         "`last_reviewed` to the day you did so.",
         message="Translation out of date: this page was last reviewed on {zh}, but the English page on {en}. "
                 "Bring it up to date with the English page, then change `last_reviewed` on this line.",
         flagged=(Example(_pair("Ask your team.\n", "请咨询您的团队。\n", zh_reviewed="2026-11-20"),
                          "The Chinese page was reviewed before the English page."),),
         passing=(Example(_pair("Ask your team.\n", "请咨询您的团队。\n"),
                          "Both were reviewed on the same day."),)),
    Rule("PARITY004", "missing-counterpart",
         "Every English page has its Chinese page and every Chinese page its English page, so readers can "
         "switch language on any page and the two editions never drift apart.",
         "Create the missing page (name.zh.md beside name.md), or remove the page that has no English original.",
         message={
             "no-translation": "This page has no Chinese translation. Create {other}.",
             "no-english": "This Chinese page has no English page. Create {other}, or remove this page.",
         },
         flagged=(Example("docs/index.md\ndocs/case/index.md\ndocs/index.zh.md\n",
                          "The pages that exist: the case page has no Chinese page."),
                  "docs/index.md\ndocs/index.zh.md\ndocs/extra.zh.md\n"),
         passing=(Example("docs/index.md\ndocs/index.zh.md\n", "Each page has its counterpart."),)),
    Rule("PARITY005", "never-stop-missing",
         "\"Never stop your medicines on your own\" is the site's most important safety message. Wherever "
         "the English page says it, in a sentence of its own as well as in the shared safety box, the "
         "Chinese page must say it too.",
         "Translate each English sentence that tells the reader not to stop their medicines, in the same "
         "section, with 不要 (or 千万不要, 切勿), then 停 and 药, for example 千万不要自行停药。",
         message="In the section “{section}”, the English page tells the reader {en} time(s) not to stop "
                 "their medicines, but this page does so {zh} time(s). Translate each of those sentences "
                 "(for example 千万不要自行停药).",
         flagged=(Example(_pair("Ask your team.\nNever stop your medicines on your own.\n",
                                "请咨询您的团队。\n"),
                          "The English page, then the Chinese page: the warning was left out."),
                  _pair("## What you can do\n\nDo not lower, skip or stop a medicine unless your team "
                        "tells you to.\n",
                        "## 您可以做什么\n\n请按时服药。\n")),
         passing=(Example(_pair("Never stop your medicines on your own.\n", "千万不要自行停药。\n"),
                          "The warning is translated."),
                  Example(_pair("We do not know who could safely stop medicines.\n",
                                "我们不知道谁可以安全停药。\n"),
                          "Not a warning: saying what is unknown about stopping."))),
    Rule("NAV001", "page-not-in-menu",
         "A page that is not in the menu is still published, but readers cannot find it, and the preview "
         "looks normal.",
         "Add a line for the page to the `nav:` list in mkdocs.yml, under the section it belongs to. Keep "
         "the spaces at the start of the line the same as the lines around it.",
         message="This page is not in the menu. Add it to the `nav:` list in mkdocs.yml, for example "
                 "`- {title}: {page}` under the section it belongs to.",
         # Examples: the `nav:` list of mkdocs.yml, for a site with docs/index.md and docs/new-page.md.
         flagged=(Example("nav:\n  - Home: index.md\n",
                          "The site has a page docs/new-page.md, but the menu does not list it."),
                  Example("nav:\n  - Home: index.md\n  - A new page: new_page.md\n",
                          "The file name in the menu is misspelt: `_` where the file has `-`.")),
         passing=(Example("nav:\n  - Home: index.md\n  - The basics:\n      - A new page: new-page.md\n",
                          "The page is listed under the section \"The basics\"."),
                  Example("nav:\n  - Home: index.md\n  - A new page: new-page.md\n",
                          "The page is listed on its own, after Home."))),
    Rule("SNIPPET001", "missing-snippet",
         "The line `--8<-- \"name.md\"` puts shared text, such as the safety box, into a page. If the file "
         "name is wrong, the box is missing from the page.",
         "Fix the file name after `--8<--`. The files you can use are in the includes/ folder: "
         "`get-help.md` (when to get help) and `safety-box.md` (keep taking your medicines). Or create the "
         "file in includes/.",
         message="The shared text `{name}` is not in the includes folder. Check the spelling, or create "
                 "includes/{name}.",
         flagged=(Example('--8<-- "safety-bx.md"\n', "A typing mistake in the file name."),
                  Example('--8<-- "help-box.md"\n', "There is no help-box.md: the help box is get-help.md."),
                  '--8<-- "no-such-box.md"\n', '!!! note "Box"\n    --8<-- "help-bx.md"\n'),
         passing=(Example('--8<-- "get-help.md"\n', "The help box, spelt as its file in includes/."),
                  Example('--8<-- "safety-box.md"\n', "The safety box."),
                  '!!! note "Box"\n    --8<-- "get-help.md"\n')),
    Rule("INPUT001", "not-utf8",
         "The site reads every page as UTF-8, the usual way computers store letters today. A page made or "
         "saved in another program (Word, say, or an old text editor) may store some letters, such as é, "
         "another way. They would then show as strange signs.",
         "In GitHub's editor (\"Suggest a change to this page\"), retype the accented letters and signs near "
         "the place the message names, and save. In a text editor on your computer, choose \"Save as\" and "
         "pick UTF-8. Or ask for help in your pull request.",
         message="The file is not UTF-8 text (byte 0x{byte:02x} at offset {offset}): a letter or sign near "
                 "there, often an accented letter, is stored in an older format. Retype it and save, or save "
                 "the file as UTF-8 in your text editor.",
         # The first example is written to a file in Latin-1 by the test; the passing one in UTF-8.
         flagged=(Example("A visit to the café.",
                          "Looks right, but the é is stored the old way (Latin-1), so the check stops."),),
         passing=(Example("A visit to the café.", "The same text stored as UTF-8."),)),
    Rule("INPUT002", "nested-too-deep",
         "A list inside a list inside a list, more than 20 levels deep, is almost always a typing mistake. "
         "Until you fix it, the page shows as plain grey text.",
         "Remove the extra `-` or `>` signs at the start of the line the message names.",
         message="Lists, quotes or boxes sit inside each other more than {limit} deep here. Remove the "
                 "extra - or > signs at the start of the line.",
         flagged=(Example("- " * 21 + "Call your team.", "21 list signs in a row."),
                  Example("> " * 21 + "Call your team.", "21 quote signs in a row.")),
         passing=(Example("- Call your team.\n    - Say that you have a transplant.\n",
                          "A list inside a list is fine."),
                  Example("- " * 5 + "Call your team.", "5 levels deep is allowed, though hard to read."))),
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
