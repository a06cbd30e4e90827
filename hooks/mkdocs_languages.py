"""The Chinese edition's page language and its own "page not found" page.

mkdocs-static-i18n builds the Chinese pages under /zh/ with Material's
Chinese interface (`lang="zh"`). Two things it leaves to us:

- The page language says which script: `zh-Hans` (Simplified Chinese), in
  `<html lang>` and in the `hreflang` of the alternate-language links, so
  screen readers and search engines read the pages right. (Those links stay
  relative, as the plugin writes them, although search engines ask for full
  addresses: Material fetches sitemap.xml beside each of them, and a full
  address would send a site served anywhere else to the published host.)
- Each language build writes the theme's 404.html to the site's root, so the
  Chinese one replaced the English one. The Chinese page moves to /zh/404.html
  and the English one goes back to the root.
- Material's language switcher asks /zh/sitemap.xml whether the page exists in
  Chinese; the site's sitemap, which lists both languages, is copied there.
- Tooltips written by Markdown extensions are English on every page: the ¶
  link beside each heading, the ↩ link after each reference, and each
  abbreviation's meaning (includes/abbreviations.md, added to every page). On
  Chinese pages they are replaced by the Chinese of interface_text.py and of
  includes/abbreviations.zh.md.
"""

import html
import os
import re

from claimcheck.blocks import ABBREVIATION
from i18n_bridge import current_language, has_translations
from interface_text import words

PAGE_LANGUAGE = "zh-Hans"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"

ABBREVIATIONS = {"en": os.path.join("includes", "abbreviations.md"),
                 "zh": os.path.join("includes", "abbreviations.zh.md")}
BACKLINK_NUMBER = "{number}"

_state = {"english_404": None, "tooltips": {}}


def on_config(config):
    """Read the tooltips once per build (`serve` runs on_config again after each change)."""
    root = os.path.dirname(config.config_file_path)
    _state["tooltips"] = chinese_tooltips({language: _abbreviations(os.path.join(root, path))
                                           for language, path in ABBREVIATIONS.items()})
    return config


def on_post_page(output, *, page, config):
    if not has_translations(config):
        return output
    if current_language(config) != "zh":
        return output.replace('hreflang="zh"', f'hreflang="{PAGE_LANGUAGE}"')
    return with_script_subtag(translated_tooltips(output, _state["tooltips"]))


def chinese_tooltips(abbreviations):
    """Each English tooltip attribute (`title="…"`) with its Chinese, for the abbreviations
    both files define, the ¶ links and the ↩ links (the last as a pattern, for the number)."""
    tooltips = {_title(abbreviations["en"][short]): _title(meaning)
                for short, meaning in abbreviations["zh"].items() if short in abbreviations["en"]}
    tooltips[_title(words("permanent link", "en"))] = _title(words("permanent link", "zh"))
    return tooltips


BACKLINK = re.compile(re.escape(words("footnote backlink", "en", number=BACKLINK_NUMBER))
                      .replace(re.escape(BACKLINK_NUMBER), r"(?P<number>\d+)"))


def translated_tooltips(html_text, tooltips):
    for english, chinese in tooltips.items():
        html_text = html_text.replace(english, chinese)
    return BACKLINK.sub(lambda match: words("footnote backlink", "zh", number=match["number"]), html_text)


def _title(text):
    """The attribute as Python-Markdown writes it."""
    return 'title="' + html.escape(text, quote=False).replace('"', "&quot;") + '"'


def _abbreviations(path):
    """{"MSC": "Mesenchymal stromal cell", …} from a file of `*[MSC]: …` lines; {} if it is missing."""
    text = _read(path) or ""
    found = {}
    for line in text.splitlines():
        if ABBREVIATION.match(line):
            short, meaning = line[2:].split("]:", 1)
            found[short] = meaning.strip()
    return found


def on_post_build(*, config):
    if not has_translations(config):
        return
    root_page = os.path.join(config.site_dir, NOT_FOUND)
    if current_language(config) == "en":
        _state["english_404"] = _read(root_page)
    elif current_language(config) == "zh" and _state["english_404"] is not None:
        chinese = _read(root_page)
        if chinese is not None:
            _write(os.path.join(config.site_dir, "zh", NOT_FOUND), with_script_subtag(chinese))
        _write(root_page, _state["english_404"])
        # The language switcher looks for the page in the other language's sitemap.xml;
        # the site's one sitemap lists the pages of both.
        sitemap = _read(os.path.join(config.site_dir, SITEMAP))
        if sitemap is not None:
            _write(os.path.join(config.site_dir, "zh", SITEMAP), sitemap)


def with_script_subtag(html_text):
    """`lang="zh"` and `hreflang="zh"` as zh-Hans."""
    return html_text.replace('<html lang="zh"', f'<html lang="{PAGE_LANGUAGE}"', 1).replace(
        'hreflang="zh"', f'hreflang="{PAGE_LANGUAGE}"')


def _read(path):
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
