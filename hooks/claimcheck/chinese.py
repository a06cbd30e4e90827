"""The claim rules' language tests for Simplified Chinese sentences.

language.py sends a sentence here when it holds Chinese characters, so a
Chinese page (page.zh.md) and a Chinese sentence on any page are read by
these tests, with the same names and the same meaning as the English ones.
Citations stay `[@key]`; findings stay in English for the editor.
"""

import re

HAN = re.compile(r"[\u3400-\u9fff]")
# Closing quotes and brackets, and Markdown emphasis, that may follow the mark.
_CLOSERS = "”’」』）)]*_ "

# A question ends with ？, or asks with 吗 or 呢 at its end: "这种治疗适合我吗".
_QUESTION_PARTICLE = re.compile(r"[吗呢][？?。]?$")
# Advice to the reader: "请……", "不要……", "务必……", "记得……", "问问……".
_DIRECTION = re.compile(
    r"^(?:(?:\*\*|__)?[^：:。]{1,12}[：:](?:\*\*|__)?\s*)?"      # an optional label: "提示：", "**注意：**"
    r"(?:如果[^，。]{1,30}，|若[^，。]{1,30}，|当[^，。]{1,30}时，|在[^，。]{1,30}，)?"  # or a leading condition
    # Only words that cannot start a statement of fact: "每天……", "使用……的试验" and
    # "继续……" can, so they are left out (a wrong "claim" is the safer mistake).
    r"(?:请|不要|别|切勿|千万不要|务必|一定要|记得|记住要|问问|询问|告诉|联系|拨打|带上|写下|"
    r"尽快|立即|马上|避免|留意|注意观察|查看|阅读|打印|咨询)")
# "本页介绍……": the page describes itself. "见……", "参见……": a pointer.
_SIGNPOST = re.compile(r"^(?:本页|这一页|本节|这一节|下表|下图|上图|上表|下面的?|以下|本网站|见|参见|详见)")
# Digits that are a number, not part of a name (COVID-19, CD73, NCT02012153).
_DIGIT = re.compile(r"(?<![A-Za-z\d])(?<![A-Za-z]-)\d")
_FOOTNOTE_MARKER = re.compile(r"\[\^[^\]\s]*\]")
# A Chinese numeral that counts something: "三例", "六个月", "两倍", "五分之一", "百分之八".
_CHINESE_NUMBER = re.compile(
    r"(?:[零一二两三四五六七八九十百千万半几数]+(?:个)?(?:例|名|位|人|个月|月|天|日|周|星期|年|倍|次|项|种|期|小时|分钟|岁|片|粒|毫克|微克|克|毫升)"
    r"|[一二两三四五六七八九十百千]+分之[零一二两三四五六七八九十百千]+"
    r"|百分之[零一二两三四五六七八九十百千]+)")
# "一种细胞", "一位患者": 一 with these measure words reads as "a", not as a count.
_ARTICLE = re.compile(r"一(?:个)?(?:种|项|位|名|次|人|例)")
# Words of a list item that make it a sentence of its own rather than a name.
_VERB_MARKERS = re.compile(r"(?:包括|包含|是|会|能|可以|可能|已经|没有|有|让|使|导致|表明|显示|发现|证明|需要)")


# (text, answer) of the last question: the rules ask about each sentence several times in a row.
_last_asked = ("", False)


def has_han(text):
    global _last_asked
    last = _last_asked
    if text is last[0]:  # the same string object: the same answer
        return last[1]
    answer = not text.isascii() and bool(HAN.search(text))  # isascii takes a fraction of the search's time
    _last_asked = (text, answer)
    return answer


def is_question(plain):
    text = plain.rstrip().rstrip(_CLOSERS)
    return text.endswith(("？", "?")) or bool(_QUESTION_PARTICLE.search(text))


def is_direction(plain):
    return bool(_DIRECTION.match(_opening(plain)))


def is_signpost(plain):
    return bool(_SIGNPOST.match(_opening(plain)))


def has_number(plain):
    plain = _FOOTNOTE_MARKER.sub(" ", plain)
    return bool(_DIGIT.search(plain)) or any(not _ARTICLE.fullmatch(match.group(0))
                                               for match in _CHINESE_NUMBER.finditer(plain))


def is_fragment(plain):
    """A list item that names something ("发热", "尿量减少") rather than stating a fact.

    A sentence mark at its end, or a verb of being, having or showing, makes it a
    sentence of its own, which needs its own citation.
    """
    text = plain.strip().rstrip(_CLOSERS)
    if text.endswith(("。", "！", "？", "；")):
        return False
    return not _VERB_MARKERS.search(text)


def is_list_label(plain):
    """"每次复诊时：": a few characters without a verb, ending in a colon."""
    text = plain.strip()
    return text.endswith(("：", ":")) and len(HAN.findall(text)) <= 12 and is_fragment(text.rstrip("：:"))


def _opening(plain):
    """The text without leading Markdown and spaces."""
    return plain.lstrip(" \t\n*_>#-[(“‘「")
