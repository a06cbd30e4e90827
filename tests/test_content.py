"""The patient content meets the site's measurable standards."""

import re
import socket
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from readability import grade, smog  # noqa: E402
from site_text import admonitions, article, body_text  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from claimcheck.bibliography import read_bibliography  # noqa: E402
from claimcheck.checker import check_page  # noqa: E402
from claimcheck.reading import grade as checker_grade  # noqa: E402

# The rendered page ends every list item and table cell as a sentence and leaves out
# the reference list; the Markdown reading differs a little, never by more than this.
MAX_GRADE_GAP = 1.5
MAX_SAFETY_BOX_GRADE = 6
# Pages about treatment, tolerance or trials carry the shared safety box.
SAFETY_PAGES = ["basics/rejection-and-tolerance", "basics/what-are-mscs", "case", "evidence/wider-evidence",
                "evidence/benefits-risks", "living/medicines", "living/trials-and-clinics",
                "living/questions-for-your-team"]
SAFETY_MESSAGE = "Do not stop or change your anti-rejection medicines unless your transplant team tells you to."
# The Sources page is a reference list, which the readability standard excludes.
NOT_SCORED = {"about/sources/index.html", "404.html"}


def content_pages(site):
    """The English pages: Flesch–Kincaid grades English only (the Chinese edition has its own measures)."""
    return sorted(p for p in Path(site).rglob("*.html")
                  if p.relative_to(site).as_posix() != "404.html" and p.relative_to(site).parts[0] != "zh")


def source_grade(site, html_name):
    """The checker's grade of the Markdown page that was built into `html_name`."""
    stem = html_name.removesuffix("index.html").rstrip("/")
    candidates = [ROOT / "docs" / f"{stem}.md", ROOT / "docs" / stem / "index.md"]
    source = next(path for path in candidates if path.is_file())
    keys = set(read_bibliography(ROOT / "refs.bib").by_key())
    report = check_page(str(source.relative_to(ROOT)), source.read_text(encoding="utf-8"), keys)
    return checker_grade([sentence[3] for sentence in report.sentences])


def html_of(site, page):
    return (Path(site) / page / "index.html").read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# Readability
# -----------------------------------------------------------------------------

@pytest.mark.site
def test_checker_finds_no_hard_text_and_no_overclaiming_words():
    # READ001 and WORD001 are rules of the claim checker, so an editor sees them located,
    # with a reason, in the preview and from `make check-claims`; here they only must not occur.
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "claims.py"), "docs"], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=120)
    problems = [line for line in result.stdout.splitlines() if " READ001 " in line or " WORD001 " in line]
    assert problems == []


def test_source_grade_tracks_the_rendered_page(built_site, report, capsys):
    """The checker grades the Markdown; the reader gets the HTML. They must tell the same story."""
    rows, apart = [], []
    for path in content_pages(built_site):
        name = path.relative_to(built_site).as_posix()
        if name in NOT_SCORED:
            continue
        rendered = grade(body_text(path.read_text(encoding="utf-8")))
        source = source_grade(built_site, name)
        rows.append((name, rendered, source))
        entry = report.setdefault("pages", {}).setdefault(name.removesuffix("index.html"), {})
        entry["grade"], entry["smog"] = round(rendered, 1), round(smog(body_text(path.read_text(encoding="utf-8"))), 1)
        if abs(rendered - source) > MAX_GRADE_GAP:
            apart.append((name, round(rendered, 1), round(source, 1)))
    with capsys.disabled():
        print("\n\nReading grade (Flesch-Kincaid) of the rendered page and of its Markdown, as the checker reads it:")
        for name, rendered, source in rows:
            print(f"  {name:45} rendered {rendered:4.1f}  Markdown {source:4.1f}")
    assert apart == []


def test_safety_boxes_are_easy_to_read(built_site):
    hard = []
    for path in content_pages(built_site):
        for title, text in admonitions(path.read_text(encoding="utf-8"), kinds=("danger", "warning")):
            if grade(text) > MAX_SAFETY_BOX_GRADE:
                hard.append((path.relative_to(built_site).as_posix(), title, round(grade(text), 1)))
    assert hard == []


def test_grading_opens_no_network_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability scoring tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert grade("You take your medicines every day. They protect your kidney.") < 8


# -----------------------------------------------------------------------------
# Safety messages and structure
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("page", SAFETY_PAGES)
def test_treatment_pages_show_the_safety_box(built_site, page):
    boxes = admonitions(html_of(built_site, page), kinds=("danger",))
    assert any(SAFETY_MESSAGE in text for _, text in boxes)


def test_home_page_leads_with_the_main_message(built_site):
    content = article(html_of(built_site, ""))
    first_box = content.select_one("h1 ~ div.admonition")
    assert first_box is not None and "danger" in first_box["class"]
    # Nothing but the heading comes before the main message.
    assert first_box.find_previous_sibling() is content.select_one("h1")
    message = first_box.get_text(" ")
    for idea in ("experiment", "one person", "no proof", "Never stop"):
        assert idea in message, idea


def test_home_page_has_three_to_five_key_points(built_site):
    content = article(html_of(built_site, ""))
    heading = next(h for h in content.select("h2") if "Key points" in h.get_text())
    points = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert 3 <= len(points) <= 5


def test_case_is_one_click_from_home(built_site):
    links = [a["href"] for a in article(html_of(built_site, "")).select("a[href]")]
    assert any(href.rstrip("/").endswith("case") or href.startswith("case/") for href in links)


def test_case_page_states_its_status_and_limits(built_site):
    text = body_text(html_of(built_site, "case"))
    assert "As reported in 2020" in text
    headings = [h.get_text(" ", strip=True).lower() for h in article(html_of(built_site, "case")).select("h2")]
    assert any("does and does not show" in h for h in headings)


def test_unverified_details_are_listed_for_review():
    text = (ROOT / "docs/about/open-questions.md").read_text(encoding="utf-8").lower()
    for detail in ("age", "kidney disease", "month", "day before", "days of ratg"):
        assert detail in text, detail


def test_abbreviations_show_their_meaning_on_every_page(built_site):
    for page in SAFETY_PAGES:
        html = html_of(built_site, page)
        assert '<abbr title="' in html, page


# -----------------------------------------------------------------------------
# Figures
# -----------------------------------------------------------------------------

FIGURES = sorted((ROOT / "docs/assets/figures").glob("*.svg"))
SVG = "{http://www.w3.org/2000/svg}"


def test_required_figures_exist():
    names = {figure.name for figure in FIGURES}
    assert {"case-timeline.svg", "immunosuppression-vs-tolerance.svg"} <= names


@pytest.mark.parametrize("figure", FIGURES, ids=lambda p: p.name)
def test_figure_has_text_alternative_and_loads_nothing(figure):
    root = ElementTree.parse(figure).getroot()
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text.strip()
    assert desc is not None and len(desc.text.strip()) > 40
    assert set(root.get("aria-labelledby", "").split()) == {title.get("id"), desc.get("id")}
    source = figure.read_text(encoding="utf-8")
    assert not re.search(r"(href|src)\s*=\s*[\"'](https?:)?//", source)
    assert "<script" not in source and "@import" not in source
    # A light background of its own keeps the figure readable in dark mode and in print.
    first_shape = next(el for el in root if el.tag not in (f"{SVG}title", f"{SVG}desc", f"{SVG}defs", f"{SVG}style"))
    assert first_shape.tag == f"{SVG}rect" and first_shape.get("width") in ("100%", root.get("viewBox").split()[2])


def test_figures_are_shown_with_alt_text_and_a_text_version(built_site):
    for page, figure in [("case", "case-timeline.svg"), ("basics/rejection-and-tolerance",
                                                         "immunosuppression-vs-tolerance.svg")]:
        content = article(html_of(built_site, page))
        image = content.select_one(f'img[src$="{figure}"]')
        assert image is not None and len(image.get("alt", "")) > 10, page
        text_version = image.find_next("details")
        assert text_version is not None and "Text version" in text_version.get_text(), page
