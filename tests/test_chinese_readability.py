"""The Chinese pages keep their sentences short, and the counting behind that is right.

Flesch–Kincaid does not apply to Chinese; tools/chinese_readability.py counts
sentence length in Han characters and the share of characters outside the
3,500 common ones instead.
"""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from chinese_readability import (COMMON_CHARACTER_COUNT, average, han_characters, long_sentences,  # noqa: E402
                                 main, page_figures, read_common_characters, sentence_lengths, sentences,
                                 site_figures, table, uncommon_share)
from site_text import body_text  # noqa: E402

# The target for the Chinese edition: on average, no more than 30 Han characters a sentence.
MAX_AVERAGE_SENTENCE = 30


@pytest.fixture(scope="module")
def common():
    return read_common_characters()


# -----------------------------------------------------------------------------
# The built pages
# -----------------------------------------------------------------------------

def test_every_chinese_page_keeps_sentences_short(built_site, report, capsys):
    figures = site_figures(built_site)
    with capsys.disabled():
        print("\n\nChinese pages: sentences, average and longest sentence in Han characters, sentences over 30, "
              "share of characters outside the 3,500 common ones, and those characters:")
        print("\n".join(table(figures)))
    for name, row in figures.items():
        entry = report.setdefault("pages", {}).setdefault(name, {})
        entry["zh_average_sentence"] = row["average_sentence"]
        entry["zh_long_sentences"] = row["long_sentences"]
        entry["zh_uncommon_share"] = row["uncommon_share"]
    # Every Chinese source page is measured; an empty result would pass vacuously.
    assert len(figures) >= len(list((ROOT / "docs").rglob("*.zh.md")))
    too_long = {name: row["average_sentence"] for name, row in figures.items()
                if row["average_sentence"] > MAX_AVERAGE_SENTENCE}
    assert too_long == {}


# -----------------------------------------------------------------------------
# Counting
# -----------------------------------------------------------------------------

def test_only_han_characters_are_counted():
    # Latin letters, digits, spaces and Chinese punctuation are not characters of the sentence.
    assert "".join(han_characters("间充质基质细胞（MSC）有效，2020年。")) == "间充质基质细胞有效年"


def test_sentences_end_at_each_chinese_final_mark():
    text = "我们来了。你好！为什么？先吃药；再说……好的"
    assert [s.strip() for s in sentences(text)] == ["我们来了", "你好", "为什么", "先吃药", "再说", "好的"]


def test_commas_do_not_end_a_sentence():
    assert len(sentences("如果您感到不舒服，请给您的移植团队打电话，不要等待。")) == 1


def test_each_block_ends_a_sentence():
    # site_text puts each paragraph, list item and table cell on its own line.
    assert sentence_lengths("抽取骨髓\n输注细胞\n慢慢减药") == [4, 4, 4]


def test_a_list_of_short_items_is_not_one_long_sentence():
    html = ('<article class="md-content__inner"><ul><li>抽取骨髓</li><li>输注细胞</li>'
            '<li>多年服药</li></ul><p>这是一句话。这是另一句话。</p></article>')
    assert sentence_lengths(body_text(html)) == [4, 4, 4, 5, 6]


def test_sentences_without_chinese_are_left_out():
    assert sentence_lengths("MSC.\n这是一句话。NCT02012153。") == [5]


def test_long_sentences_are_those_over_the_limit():
    assert long_sentences([29, 30, 31, 45]) == 2


def test_average_sentence_length():
    assert average([10, 20, 36]) == 22
    assert average([]) == 0


def test_share_of_uncommon_characters(common):
    # 酐 (in 肌酐, creatinine) is not a level-1 character; 肌 is.
    assert "肌" in common and "酐" not in common
    assert uncommon_share("肌酐", common) == 0.5
    assert uncommon_share("肌酐升高，肌酐。", common) == pytest.approx(2 / 6)
    assert uncommon_share("MSC", common) == 0


def test_page_figures(common):
    figures = page_figures("肌酐升高。这是一句话。\nMSC.", common)
    assert figures["sentences"] == 2
    assert figures["average_sentence"] == 4.5
    assert figures["longest_sentence"] == 5
    assert figures["uncommon_characters"] == "酐"


# -----------------------------------------------------------------------------
# The vendored list of common characters
# -----------------------------------------------------------------------------

def test_common_character_list_is_level_one_of_the_2013_table(common):
    assert len(common) == COMMON_CHARACTER_COUNT
    assert all(len(han_characters(character)) == 1 for character in common)
    # Level 1 begins 一 乙 二 十 丁 and ends 罐 矗 (numbers 0001 and 3500); 乂 (3501) is level 2.
    assert {"一", "乙", "罐", "矗", "的", "肾", "药"} <= common
    assert "乂" not in common


def test_a_list_that_is_not_3500_characters_is_refused(tmp_path):
    short = tmp_path / "list.txt"
    short.write_text("# a note\n" + "\n".join(sorted(read_common_characters())[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected 3500"):
        read_common_characters(short)


def test_command_line_says_when_no_chinese_pages_are_built(tmp_path, capsys):
    assert main(["chinese_readability.py", str(tmp_path)]) == 1
    assert "no built Chinese pages" in capsys.readouterr().out
