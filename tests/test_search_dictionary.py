"""The site's small jieba dictionary (hooks/search_dictionary.py) cuts Chinese exactly as
jieba's full dictionary does, on every run of Chinese text in the built search index."""

import json
import os
import sys
from pathlib import Path

import jieba

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import search_dictionary  # noqa: E402

FULL = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
SEARCH_WORDS = ROOT / "hooks" / "search_words_zh.txt"


def cutter(dictionary=None):
    """A jieba cutter of its own (not the shared one the build uses), with the site's word list."""
    jieba.setLogLevel(jieba.logging.WARNING)
    tokenizer = jieba.Tokenizer(dictionary) if dictionary else jieba.Tokenizer()
    tokenizer.load_userdict(str(SEARCH_WORDS))
    return tokenizer


def test_the_small_dictionary_cuts_the_built_index_as_the_full_one_does(built_site):
    index = json.loads((Path(built_site) / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(doc["title"] + "\n" + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    runs = set(search_dictionary.HAN_RUN.findall(text))
    assert len(runs) > 1000  # the Chinese edition is in the index
    full, small = cutter(), cutter(search_dictionary.site_dictionary(str(ROOT), FULL))
    assert [run for run in sorted(runs) if list(full.cut(run)) != list(small.cut(run))] == []


def test_the_small_dictionary_is_small_and_keeps_jiebas_total():
    with open(FULL, encoding="utf-8") as handle:
        full_lines = handle.read().splitlines()
    lines = search_dictionary.dictionary_lines("\n".join(full_lines), {"间充质基质细胞", "免疫耐受"})
    assert len(lines) < 30
    assert sum(int(line.split(" ")[1]) for line in lines) == sum(int(line.split(" ")[1]) for line in full_lines)
    assert "免疫" in {line.split(" ")[0] for line in lines}


def test_runs_joined_by_markup_on_the_page_count_as_one():
    runs = search_dictionary.han_runs('**间充质**基质细胞，[免疫](../basics/x.md)耐受，<abbr title="x">排斥</abbr>反应')
    assert {"间充质基质细胞", "免疫耐受", "排斥反应"} <= runs
