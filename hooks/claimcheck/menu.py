"""NAV001: a page that readers cannot reach from the menu.

A page left out of `nav:` in mkdocs.yml is still built, but nothing on the
site leads to it, and the editor who previews it sees nothing wrong. MkDocs
itself says only "not included in the nav configuration"; this says which
line to add, and the adapter shows it in the page's preview box. The adapter
reads which pages are in the menu from the menu MkDocs built.
"""

from .findings import finding


def missing_from_menu(pages, in_menu, folder="docs"):
    """NAV001 for each page (path inside docs/ -> title) that is not among `in_menu`."""
    return [finding(f"{folder}/{path}", 1, 1, "NAV001", title=title or "Page title", page=path)
            for path, title in sorted(pages.items()) if path not in in_menu]
