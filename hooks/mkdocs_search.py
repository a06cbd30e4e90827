"""Keep the reference lists out of the search index.

Material's search indexes every word of every page. The reference lists
(every author of every source, on every page that cites it) made up much of
the index, which every first visit downloads, in both languages. Readers
search for what the pages say, not for author names; the Sources page lists
every source in one place. Material leaves out of the index any element
with `data-search-exclude`.

It also gives jieba, which cuts Chinese text into words for the index, the
site's own small dictionary (search_dictionary.py) and a short word list
(search_words_zh.txt), so that 免疫耐受 (immune tolerance) is indexed as
免疫 + 耐受 and a search for 耐受 (tolerance) finds every page about it.
"""

import json
import os

from mkdocs.plugins import event_priority

try:
    import jieba
except ImportError:  # Material then indexes Chinese without word cuts; nothing to tell jieba.
    jieba = None

from bibtex_bridge import REFERENCE_LIST
from search_dictionary import site_dictionary

EXCLUDED_LIST = REFERENCE_LIST.replace(">", " data-search-exclude>", 1)
INDEX = os.path.join("search", "search_index.json")
# Last, after our other hooks have finished the reference list.
LATE = -200
SEARCH_WORDS = os.path.join(os.path.dirname(__file__), "search_words_zh.txt")
JIEBA_DICTIONARY = os.path.join(os.path.dirname(jieba.__file__), "dict.txt") if jieba else None

_state = {"dictionary": None}


def on_config(config):
    """Material's search plugin cuts Chinese with jieba's shared default cutter, so the
    dictionary and words given to it here reach the index. (Its own `jieba_dict` and
    `jieba_dict_user` options take paths relative to wherever mkdocs was started, not to
    mkdocs.yml, and are read once per process.)

    The dictionary is the site's own small one (search_dictionary.py): loading jieba's
    full dictionary took about half a second of every build, for the same cuts."""
    if jieba is None:
        return config
    jieba.setLogLevel(jieba.logging.WARNING)
    dictionary = site_dictionary(os.path.dirname(config.config_file_path), JIEBA_DICTIONARY)
    if dictionary != _state["dictionary"]:
        # A new dictionary (the first build, or Chinese text changed under `serve`):
        # jieba reloads it, then the word list on top.
        jieba.set_dictionary(dictionary)
        jieba.load_userdict(SEARCH_WORDS)
        _state["dictionary"] = dictionary
    return config


@event_priority(LATE)
def on_page_content(html_text, *, page, config, files):
    return html_text.replace(REFERENCE_LIST, EXCLUDED_LIST, 1)


# After mkdocs-static-i18n (-100) has merged both languages' entries into one index.
@event_priority(LATE)
def on_post_build(*, config):
    """The index as UTF-8: written with escapes, each Chinese character took six bytes
    (\\uXXXX), and the index of both languages went over the first-visit budget."""
    path = os.path.join(config.site_dir, INDEX)
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
