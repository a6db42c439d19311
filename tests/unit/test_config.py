"""The site's address and names come from mkdocs.yml, read by MkDocs' own loader (qa.site)."""

from __future__ import annotations

from mkdocs.config import load_config

from qa.layout import Layout
from qa.site import _load, load_site


def test_site_url_is_mkdocs_yml_default_without_SITE_URL(layout: Layout, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    site = load_site(layout.mkdocs_yml)
    assert site.url == "https://miaotui.github.io/llm-inference-qa/"
    assert site.path == "/llm-inference-qa/"


def test_site_url_follows_SITE_URL_like_mkdocs(layout: Layout, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/elsewhere")
    assert load_site(layout.mkdocs_yml).url == "https://example.org/elsewhere/"  # MkDocs adds the /
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/qa/")
    assert load_site(layout.mkdocs_yml).path == "/qa/"


def test_site_names_and_descriptions_are_mkdocs_yml_s(layout: Layout, monkeypatch):
    """llms.txt and the preview cards name the site as the pages' <title> does."""
    monkeypatch.delenv("SITE_URL", raising=False)
    _load.cache_clear()
    site = load_site(layout.mkdocs_yml)
    config = load_config(str(layout.mkdocs_yml))
    english = next(lang for lang in config.plugins["i18n"].config.languages if lang.locale == "en")
    assert site.names == {"zh": config.site_name, "en": english.site_name}
    assert site.descriptions == {"zh": config.site_description, "en": english.site_description}
