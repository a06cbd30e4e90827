"""The "Page not found" page (overrides/404.html), as built: plain words, a search box, the sections.

A host serves 404.html at any wrong address, so its links start from the
site's root path; they are checked against the files of the built site.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import get_yaml_loader

from conftest import ROOT, fixture_config


@pytest.fixture(scope="module")
def not_found(built_site):
    html = (Path(built_site) / "404.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def site_path():
    """The path part of site_url, such as "/patient-site/": every link on the page starts with it."""
    return urlparse(fixture_config(ROOT / "docs")["site_url"]).path


def built_file(built_site, href):
    """The built file an absolute link of the 404 page opens."""
    relative = href[len(site_path()):].split("?")[0].split("#")[0]
    target = (Path(built_site) / relative).resolve()
    return target / "index.html" if target.is_dir() else target


def nav_pages():
    """{title: Markdown file} of every page in `nav:` of mkdocs.yml, sections flattened."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        nav = yaml.load(handle, Loader=get_yaml_loader())["nav"]
    pages = {}

    def walk(items):
        for item in items:
            for title, value in item.items():
                if isinstance(value, list):
                    walk(value)
                else:
                    pages[title] = value
    walk(nav)
    return pages


def test_says_in_plain_words_that_the_page_was_not_found(not_found):
    assert not_found.h1.get_text(strip=True) == "Page not found"
    assert "cannot find this page" in not_found.get_text(" ")
    assert "404" not in not_found.get_text(" ")  # a code means nothing to a reader


def test_offers_a_search_box_that_opens_the_site_search(not_found, built_site):
    form = not_found.select_one("form[role=search]")
    assert form is not None and form.get("method", "get").lower() == "get"
    field = form.select_one("input[name=q]")
    # Material's search opens with the words of `?q=` on any page; the form sends them to the home page.
    assert field is not None and form.select_one(f'label[for="{field["id"]}"]') is not None
    assert form["action"].startswith(site_path())
    assert built_file(built_site, form["action"]) == (Path(built_site) / "index.html").resolve()


def test_links_to_the_home_page_and_every_section(not_found, built_site):
    links = {a.get_text(" ", strip=True): a["href"] for a in not_found.select("a[href]")}
    assert built_file(built_site, links["Home page"]) == (Path(built_site) / "index.html").resolve()
    for title, markdown_file in nav_pages().items():
        if markdown_file == "index.md":
            continue
        assert title in links, f"the 404 page does not link to {title!r}"
        assert links[title].startswith(site_path()), links[title]
        assert built_file(built_site, links[title]).is_file(), links[title]
