"""One source of truth for what mkdocs.yml and the generator both need to know."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from qa.generate.strings import STRINGS
from qa.layout import DEFAULT_SITE_URL, Layout, site_url


@pytest.fixture(scope="module")
def mkdocs_config(layout: Layout):
    """mkdocs.yml as MkDocs reads it when SITE_URL is not set."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_URL", raising=False)
        return load_config(str(layout.mkdocs_yml))


def test_mkdocs_yml_defaults_to_the_same_site_url(mkdocs_config):
    assert mkdocs_config.site_url == DEFAULT_SITE_URL


def test_site_url_reads_SITE_URL_like_mkdocs():
    assert site_url({}) == DEFAULT_SITE_URL
    assert site_url({"SITE_URL": ""}) == DEFAULT_SITE_URL
    assert site_url({"SITE_URL": "https://example.org/qa/"}) == "https://example.org/qa/"
    assert site_url({"SITE_URL": "http://127.0.0.1:8000/qa"}) == "http://127.0.0.1:8000/qa/"  # MkDocs adds the /


def test_site_url_follows_the_environment(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/elsewhere")
    assert site_url() == "https://example.org/elsewhere/"


def test_site_names_and_descriptions_match_mkdocs_yml(mkdocs_config):
    """llms.txt and the preview cards name the site as the pages' <title> does."""
    assert (STRINGS["zh"].site_name, STRINGS["zh"].site_description) == (
        mkdocs_config.site_name,
        mkdocs_config.site_description,
    )
    english = next(lang for lang in mkdocs_config.plugins["i18n"].config.languages if lang.locale == "en")
    assert (STRINGS["en"].site_name, STRINGS["en"].site_description) == (english.site_name, english.site_description)
