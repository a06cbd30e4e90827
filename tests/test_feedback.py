"""Feedback without an account: "Was this page useful? Tell us" on every page.

The real pages are built without --strict, so these tests check the theme
even while a page is being written.
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, lenient_build, real_site_config

ADDRESS = "feedback-test@example.org"
ISSUE_FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{name: site folder} for the real pages with and without a contact address."""
    built = {}
    for name, extra in (("with-address", {"contact_email": ADDRESS}), ("without-address", {})):
        folder = tmp_path_factory.mktemp(name)
        result = lenient_build(real_site_config(folder, extra), folder / "site")
        assert result.returncode == 0, result.stderr
        built[name] = folder / "site"
    return built


def feedback_of(path):
    """(page address, page title, feedback paragraph) of one built page."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    title = soup.select_one("article h1").get_text(" ", strip=True).removesuffix("¶").strip()
    return canonical, title, soup.select_one("p.page-feedback")


def pages(site):
    return sorted(p for p in Path(site).rglob("index.html") if p.parent != Path(site) / "404")


def test_every_page_offers_a_prefilled_email(sites):
    for path in pages(sites["with-address"]):
        address, title, feedback = feedback_of(path)
        assert feedback is not None and "Was this page useful? Tell us" in feedback.get_text(" "), path
        mailto = feedback.select_one('a[href^="mailto:"]')["href"]
        target, _, query = mailto.removeprefix("mailto:").partition("?")
        assert target == ADDRESS
        # Spaces as %20, not "+", which mail programs would show as a plus sign.
        assert "+" not in query and " " not in query, mailto
        fields = {name: unquote(value) for name, value in (pair.split("=", 1) for pair in query.split("&"))}
        assert fields["subject"].startswith("Feedback on the page: "), path
        assert fields["body"].startswith(f"Page: {address}\r\n"), path
        assert title.split()[0] in fields["subject"], (title, fields["subject"])


def test_every_page_links_to_the_issue_form_with_the_page_filled_in(sites):
    form = yaml.safe_load((ISSUE_FORMS / "report-a-mistake.yml").read_text(encoding="utf-8"))
    field_ids = {item.get("id") for item in form["body"]}
    for site in sites.values():
        for path in pages(site):
            address, _, feedback = feedback_of(path)
            link = urlsplit(feedback.select_one('a[href*="/issues/new"]')["href"])
            query = parse_qs(link.query)
            assert (ISSUE_FORMS / query["template"][0]).is_file()
            assert "page" in field_ids and query["page"] == [address], path


def test_without_an_address_only_the_issue_form_is_offered(sites):
    for path in pages(sites["without-address"]):
        _, _, feedback = feedback_of(path)
        assert "Was this page useful? Tell us" in feedback.get_text(" ")
        assert [a["href"].split("/issues/new")[0] for a in feedback.select("a")] == [
            "https://github.com/msc-tolerance/patient-site"], path
        assert "mailto:" not in str(feedback)


def test_the_shipped_settings_invent_no_address():
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        text = handle.read()
    assert re.search(r"^  contact_email: \"\"", text, re.M), "extra.contact_email must stay empty until the team sets it"


def test_feedback_runs_no_script_and_loads_nothing(sites):
    for path in pages(sites["with-address"]):
        feedback = feedback_of(path)[2]
        elements = [feedback, *feedback.find_all(True)]
        assert {element.name for element in elements} <= {"p", "a"}, path
        handlers = [name for element in elements for name in element.attrs if name.startswith("on")]
        assert handlers == [], path


def test_every_page_shows_when_the_evidence_was_checked(sites):
    for path in pages(sites["without-address"]):
        dates = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("p.review-dates")
        assert dates is not None and "Evidence last checked:" in dates.get_text(" "), path
        assert dates.select("time")[-1]["datetime"], path


# -----------------------------------------------------------------------------
# Editing controls: out of the reader's way, at the foot of the page
# -----------------------------------------------------------------------------

REPOSITORY = "https://github.com/msc-tolerance/patient-site"


def test_no_repository_widget_or_edit_buttons_for_readers(sites):
    for site in sites.values():
        for path in [*pages(site), Path(site) / "404.html"]:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert soup.select(".md-source, a.md-content__button, a[rel=edit]") == [], path
            for part in soup.select("header, nav"):
                assert "msc-tolerance/patient-site" not in str(part), path


def test_every_page_ends_with_plain_links_to_change_or_view_its_source(sites):
    for path in pages(sites["without-address"]):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        foot = soup.select_one("article p.page-edit")
        assert foot is not None, path
        links = {a.get_text(" ", strip=True): a["href"] for a in foot.select("a")}
        assert set(links) == {"Suggest a change to this page", "View the source"}, path
        source_file = links["Suggest a change to this page"].removeprefix(f"{REPOSITORY}/edit/main/")
        assert (ROOT / source_file).is_file(), path
        assert links["View the source"] == f"{REPOSITORY}/blob/main/{source_file}", path
        # Next to the review dates and the feedback line, after the page's own text.
        last = soup.select("article > p")[-3:]
        assert [p["class"][0] for p in last] == ["review-dates", "page-feedback", "page-edit"], path
        assert foot.find_all(True) == foot.select("a"), "plain links only, no buttons or icons"
