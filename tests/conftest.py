"""Shared fixtures: the repository's paths and strict builds of the site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["browser_fixtures"]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Fixture sites cite this small bibliography, whose entries may go uncited.
FIXTURE_BIB = ROOT / "tests" / "fixtures" / "mini.bib"


def build_env():
    """The environment the Makefile builds in."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", _last_commit_time())
    return env


def _last_commit_time():
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "0"


def strict_build(config_file, site_dir):
    """Run `mkdocs build --strict`; returns the finished process."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=build_env(), check=False,
    )


def lenient_build(config_file, site_dir):
    """Run `mkdocs build` without --strict, for tests of the theme that must not
    depend on every page being finished; returns the finished process."""
    return subprocess.run(
        [*MKDOCS, "build", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=build_env(), check=False,
    )


# Tests that read the real site (through these fixtures) are what `make check` runs.
SITE_FIXTURES = {"site_builds", "built_site"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


# Set by tools/check.py (`make check`) to the strict build it has just made and its log, so the
# site tests read that build instead of making two more.
CHECKED_SITE, CHECKED_SITE_LOG = "CHECKED_SITE", "CHECKED_SITE_LOG"


@pytest.fixture(scope="session")
def site_builds(tmp_path_factory):
    """Two strict builds of the real site, for content and reproducibility tests; under
    `make check`, the one build it has made (it leaves out the reproducibility test)."""
    if os.environ.get(CHECKED_SITE):
        log = Path(os.environ[CHECKED_SITE_LOG]).read_text(encoding="utf-8")
        return [(Path(os.environ[CHECKED_SITE]), subprocess.CompletedProcess([], 0, "", log))]
    builds = []
    for name in ("site-a", "site-b"):
        site_dir = tmp_path_factory.mktemp(name)
        builds.append((site_dir, strict_build(ROOT / "mkdocs.yml", site_dir)))
    return builds


@pytest.fixture(scope="session")
def built_site(site_builds):
    site_dir, result = site_builds[0]
    assert result.returncode == 0, result.stderr
    return site_dir


def real_site_config(folder, extra=None):
    """Write a copy of mkdocs.yml into `folder` that builds the real docs/, with
    `extra` settings merged in; returns its path. The real file is never changed."""
    config = fixture_config(ROOT / "docs", nav=None)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        real = yaml.load(handle, Loader=get_yaml_loader())
    config["nav"], config["extra_css"] = real["nav"], real.get("extra_css", [])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            plugin["bibtex"]["bib_file"] = str(ROOT / plugin["bibtex"]["bib_file"])
    config["extra"] = {**config.get("extra", {}), **(extra or {})}
    config_file = Path(folder) / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def fixture_config(docs_dir, nav=None, languages=False):
    """The real mkdocs.yml, pointed at another docs folder.

    Fixture sites use the site's real theme, plugins, hooks and bibliography,
    so a fixture that fails proves the real build would fail too. Without
    `languages` they are built in English only (no mkdocs-static-i18n), so a
    fixture page needs no Chinese page.
    """
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=get_yaml_loader())  # resolves !ENV
    config["docs_dir"] = str(docs_dir)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config.pop("watch", None)
    config["extra_css"] = []
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(ROOT / "includes")]
        if isinstance(extension, dict) and "toc" in extension:
            # Loaded, it is a Python function, which a written mkdocs.yml cannot hold; the
            # default gives the same ids for the English headings of fixture pages.
            extension["toc"].pop("slugify", None)
    config["nav"] = nav or [{"Home": "index.md"}]
    if not languages:
        config["plugins"] = [plugin for plugin in config["plugins"]
                             if not (isinstance(plugin, dict) and "i18n" in plugin)]
    return config


@pytest.fixture
def fixture_site(tmp_path):
    """Write a small site from {relative path: text}; returns (config file, site dir)."""

    def write(pages, nav=None, bib_file=None, redirects=None, includes=None, auto_append=(), languages=False):
        """`includes`, if given, is {file name: text} for the site's own includes folder,
        and `auto_append` names those of its files added to the end of every page."""
        docs = tmp_path / "docs"
        for relative, text in pages.items():
            target = docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        config = fixture_config(docs, nav, languages)
        if includes is not None:
            _use_own_includes(config, tmp_path / "includes", includes, auto_append)
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "bibtex" in plugin:
                plugin["bibtex"]["bib_file"] = str(bib_file or FIXTURE_BIB)
            if isinstance(plugin, dict) and "redirects" in plugin:
                plugin["redirects"]["redirect_maps"] = redirects or {}
        config_file = tmp_path / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        return config_file, tmp_path / "site"

    return write


def _use_own_includes(config, folder, files, auto_append):
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(folder)]
            extension["pymdownx.snippets"]["auto_append"] = list(auto_append)
