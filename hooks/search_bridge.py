"""Where the quick preview (mkdocs_preview.py) depends on Material's search plugin, in one place.

1. Its dirty mode. Started with `--dirty`, the plugin keeps the last index and
   swaps in the entries of the one page it assumes was rebuilt. With two
   languages and several pages rebuilt at once, that duplicates entries, so
   stop_material_dirty_merge turns it off (`is_dirty`, set in the plugin's
   on_startup) and keep_entries_of_pages_not_rebuilt merges instead.
2. Its index. The entries of the pages built in this run are the list
   `search_index.entries` (dicts whose "location" is the page's address, with
   "#section" after it for a section), which the plugin writes in its
   on_post_build (priority 0) and mkdocs-static-i18n then gathers, language by
   language, into the index of both (priority -100).
tests/test_preview.py pins each point.
"""

PLUGIN_NAME = "material/search"
BEFORE_SEARCH = 10

_kept = {}


def stop_material_dirty_merge(config):
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is not None and hasattr(plugin, "is_dirty"):
        plugin.is_dirty = False


def keep_entries_of_pages_not_rebuilt(config, language, rebuilt_urls, everything_rebuilt):
    """Add to this build's entries those of the last index for the pages not built this time."""
    plugin = config.plugins.get(PLUGIN_NAME)
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if entries is None:
        return
    if not everything_rebuilt:
        entries[:0] = [entry for entry in _kept.get(language, [])
                       if entry["location"].split("#")[0] not in rebuilt_urls]
    _kept[language] = list(entries)
