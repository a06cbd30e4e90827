"""Every point where our build hooks depend on mkdocs-static-i18n 1.3.1, in one place.

1. Event priorities. The plugin picks the files and makes the menu of the
   language being built in on_files and on_nav at priority -100. Our events
   that must see that language's pages run after it, at AFTER_I18N (-150).
2. One build per language. The plugin builds the default language, then, in
   its on_post_build, builds each other language again with the same config,
   through MkDocs' build(), which sends on_config and on_pre_build again. So
   page state is reset in on_pre_build, and what a hook reads from a file in
   on_config is read again only when the file has changed.
3. Its on_page_markdown runs at priority 50 and changes a translated page's
   Markdown, so our on_page_markdown, which finds each finding by its line in
   the page as written, runs before it, at BEFORE_I18N_PAGE (60).
   It also rejoins the lines without the final newline, so a page that ends
   with a table would run into the reference list mkdocs-bibtex appends;
   with_room_after ends the page with a blank line that survives it.
4. Its settings. It is registered as `i18n` (PLUGIN_NAME), with
   `docs_structure: suffix` (a Chinese page is page.zh.md beside page.md) and
   a list of `languages`; `current_language` names the one being built.
tests/test_i18n_bridge.py pins each point.
"""

PLUGIN_NAME = "i18n"
I18N_PRIORITY = -100
AFTER_I18N = -150
I18N_PAGE_PRIORITY = 50
BEFORE_I18N_PAGE = 60
TRANSLATED_SUFFIX = ".zh.md"
# Built first in every build (the plugin's `default: true` language).
DEFAULT_LANGUAGE = "en"


def has_translations(config):
    """Whether the site is built in more than one language (the plugin is set up with zh)."""
    plugin = config.plugins.get(PLUGIN_NAME)
    return plugin is not None and any(language.locale == "zh" for language in plugin.config.languages)


def current_language(config):
    """The locale being built ("en", "zh"), or "en" when the site has one language."""
    plugin = config.plugins.get(PLUGIN_NAME)
    return (getattr(plugin, "current_language", None) or "en") if plugin else "en"


def with_room_after(markdown):
    """The page ending in one blank line, which the plugin's rejoining leaves as a final newline."""
    return markdown.rstrip("\n") + "\n\n"
