"""The Chinese edition's page language and its own "page not found" page.

mkdocs-static-i18n builds the Chinese pages under /zh/ with Material's
Chinese interface (`lang="zh"`). Two things it leaves to us:

- The page language says which script: `zh-Hans` (Simplified Chinese), in
  `<html lang>` and in the `hreflang` of the alternate-language links, so
  screen readers and search engines read the pages right.
- Each language build writes the theme's 404.html to the site's root, so the
  Chinese one replaced the English one. The Chinese page moves to /zh/404.html
  and the English one goes back to the root.
- Material's language switcher asks /zh/sitemap.xml whether the page exists in
  Chinese; the site's sitemap, which lists both languages, is copied there.
"""

import os

from i18n_bridge import current_language, has_translations

PAGE_LANGUAGE = "zh-Hans"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"

_state = {"english_404": None}


def on_post_page(output, *, page, config):
    if not (has_translations(config) and current_language(config) == "zh"):
        return output
    return with_script_subtag(output)


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
