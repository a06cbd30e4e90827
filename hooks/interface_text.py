"""The words our hooks add to the pages, in each language the site is built in.

The Chinese pages get Material's own interface in Chinese; these are the
words our hooks write around the references: the "References" heading, the
evidence label after each reference, and the Sources page list. Every one is
here, in English and in Simplified Chinese, so a translator finds them in one
place. The references themselves (authors, titles, journals) stay in their
own language. Chinese terms follow terminology.yml
(tests/test_interface_text.py checks them against it).

`language` is the locale being built: "en" or "zh" (i18n_bridge.current_language).
A language without its own words gets the English ones.
"""

import re

from claimcheck import bibliography

ENGLISH = "en"

# Words with {names} for the parts filled in: each language must use the same names.
TEXT = {
    # The heading above each page's reference list, and the title of its ¶ link.
    "references": {"en": "References", "zh": "参考文献"},
    "permanent link": {"en": "Permanent link", "zh": "永久链接"},
    # The title of each ↩ link in a reference list, back to where the page cites it
    # (the English is the footnotes extension's own, which mkdocs_languages.py translates).
    "footnote backlink": {"en": "Jump back to footnote {number} in the text", "zh": "回到正文中引用{number}的位置"},
    # After each reference at the foot of a page.
    "evidence": {"en": "Evidence: {label}.", "zh": "证据：{label}。"},
    "checked": {"en": "Checked {day}.", "zh": "查阅日期：{day}。"},
    "label with participants": {"en": "{label} ({participants})", "zh": "{label}（{participants}）"},
    # The Sources page: one list of these under each reference.
    "kind of evidence": {"en": "Kind of evidence: {label}", "zh": "证据类型：{label}"},
    "find it": {"en": "Find it: {links}", "zh": "查找原文：{links}"},
    "no web address": {"en": "no web address", "zh": "没有网址"},
    "last checked": {"en": "We last checked this page on {day}.", "zh": "我们最近一次查阅这个网页是在{day}。"},
    "cited on one page": {"en": "Cited on: {page}", "zh": "引用它的页面：{page}"},
    "cited on pages": {"en": "Cited on:", "zh": "引用它的页面："},
    "not cited": {"en": "Cited on: not cited on any page yet", "zh": "引用它的页面：目前还没有页面引用它"},
    "in one section": {"en": "In 1 section of this page", "zh": "在该页的1个章节中"},
    "in sections": {"en": "In {count} sections of this page", "zh": "在该页的{count}个章节中"},
    # Links named in words, in the references on every page and on the Sources page.
    "pubmed search": {"en": "search PubMed for this title", "zh": "在PubMed中搜索这个标题"},
    "web page": {"en": "web page ({host})", "zh": "网页（{host}）"},
}

# Kinds of evidence (refs.bib's `evidence` field), strongest first: the label after a
# reference. The English labels are the vocabulary's own (claimcheck/bibliography.py).
EVIDENCE_LABELS = {
    ENGLISH: bibliography.EVIDENCE_LABELS,
    "zh": {
        "guideline": "临床指南",
        "systematic review": "系统综述",
        "randomised trial": "随机对照试验",
        "case series": "病例系列",
        "case report": "病例报告",
        "laboratory or animal study": "实验室或动物研究",
        "expert statement": "专家立场声明",
        "narrative review": "专家综述",
        "trial registry record": "临床试验注册记录",
        "regulator or patient information": "监管机构或患者信息",
        "news report": "新闻报道",
    },
}
# The heading of each kind's group on the Sources page.
EVIDENCE_GROUPS = {
    "guideline": {"en": "Clinical guidelines", "zh": "临床指南"},
    "systematic review": {"en": "Systematic reviews", "zh": "系统综述"},
    "randomised trial": {"en": "Randomised trials", "zh": "随机对照试验"},
    "case series": {"en": "Case series", "zh": "病例系列"},
    "case report": {"en": "Case reports", "zh": "病例报告"},
    "laboratory or animal study": {"en": "Laboratory and animal studies", "zh": "实验室和动物研究"},
    "expert statement": {"en": "Expert position statements", "zh": "专家立场声明"},
    "narrative review": {"en": "Expert reviews", "zh": "专家综述"},
    "trial registry record": {"en": "Trial registry records", "zh": "临床试验注册记录"},
    "regulator or patient information": {"en": "Regulator and patient information", "zh": "监管机构和患者信息"},
    "news report": {"en": "News reports", "zh": "新闻报道"},
}

# refs.bib's `participants` ("4 trials, 197 patients", "70 patients planned") in Chinese,
# when it is made only of such counts; other wording is shown as written, unless the
# entry gives its own Chinese in `participants_zh`.
_COUNT = re.compile(r"(?P<number>\d+) (?P<unit>patients?|stud(?:y|ies)|trials?)(?P<planned> planned)?")
_CHINESE_UNITS = {"patient": "名患者", "patients": "名患者", "study": "项研究", "studies": "项研究",
                  "trial": "项试验", "trials": "项试验"}


def words(name, language, **parts):
    """The words called `name` in `language`, with its {parts} filled in."""
    text = TEXT[name]
    return text.get(language, text[ENGLISH]).format(**parts)


def evidence_label(entry, language):
    """"Case report (1 patient)" or "病例报告（1名患者）"; "" for an entry of no known kind."""
    labels = EVIDENCE_LABELS.get(language, EVIDENCE_LABELS[ENGLISH])
    label = labels.get(entry.fields.get("evidence", "").lower(), "")
    shown = participants(entry, language)
    return words("label with participants", language, label=label, participants=shown) if label and shown else label


def group_heading(kind, language):
    """The heading of a kind of evidence's group on the Sources page: "Case reports", "病例报告"."""
    return _in_language(EVIDENCE_GROUPS, kind, language)


def participants(entry, language):
    """Who or what a study looked at, from `participants` (and `participants_zh` in Chinese)."""
    written = entry.fields.get("participants", "")
    if language != "zh" or not written:
        return written
    if entry.fields.get("participants_zh"):
        return entry.fields["participants_zh"]
    counts = [_COUNT.fullmatch(part) for part in written.split(", ")]
    if not all(counts):
        return written
    return "，".join(("计划纳入" if count["planned"] else "") + count["number"] + _CHINESE_UNITS[count["unit"]]
                    for count in counts)


def evidence_note(entry, language):
    """"Evidence: Case report (1 patient). Checked 29 November 2026." in `language`;
    "" for an entry of no known kind."""
    label = evidence_label(entry, language)
    if not label:
        return ""
    day = checked_on(entry, language)
    checked = words("checked", language, day=day) if day else ""
    # Chinese runs its sentences together; English puts a space between them.
    return words("evidence", language, label=label) + (" " if checked and language != "zh" else "") + checked


def checked_on(entry, language):
    """The day we last checked an undated web source (its `urldate`): "29 November 2026" or
    "2026年11月29日"; "" without a valid date."""
    day = bibliography.iso_date(entry.fields.get("urldate", ""))
    if not day:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else f"{day.day} {day:%B %Y}"


def _in_language(table, key, language):
    words_for_key = table.get(key, {})
    return words_for_key.get(language, words_for_key.get(ENGLISH, ""))
