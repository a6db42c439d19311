"""The site's address and names, read from mkdocs.yml with MkDocs' own YAML loader.

mkdocs.yml is the one place they are written (site_url with its `!ENV [SITE_URL, …]`
default, site_name and site_description, and each other language's overrides in
the i18n plugin's `languages`); the generator, the exports, the PDF step and the
local server take them from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from qa.model import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Site:
    url: str  # absolute, ends with /
    names: dict[str, str]  # language → site name
    descriptions: dict[str, str]  # language → site description

    @property
    def path(self) -> str:
        """The path part of the address, e.g. `/llm-inference-qa/` (where GitHub Pages serves it)."""
        path = urlsplit(self.url).path or "/"
        return path if path.endswith("/") else path + "/"


def load_site(mkdocs_yml: Path) -> Site:
    """mkdocs.yml as MkDocs reads it now (SITE_URL from the environment, else the default)."""
    return _load(mkdocs_yml, os.environ.get("SITE_URL"))


@cache
def _load(mkdocs_yml: Path, _site_url_env: str | None) -> Site:
    # MkDocs' own YAML loader (its !ENV and !relative tags, INHERIT); the full config
    # validation would also require docs_dir to exist, which only `qa generate` makes
    from mkdocs.utils.yaml import yaml_load

    with mkdocs_yml.open("rb") as source:
        config = yaml_load(source)
    url = config.get("site_url") or ""
    if not url:
        raise ValueError(f"{mkdocs_yml}: site_url is empty — set SITE_URL or the default in mkdocs.yml")
    names = {DEFAULT_LANGUAGE: config["site_name"]}
    descriptions = {DEFAULT_LANGUAGE: config.get("site_description") or ""}
    i18n = next(plugin["i18n"] for plugin in config.get("plugins", []) if isinstance(plugin, dict) and "i18n" in plugin)
    for lang in i18n["languages"]:
        if lang["locale"] != DEFAULT_LANGUAGE:
            names[lang["locale"]] = lang.get("site_name") or names[DEFAULT_LANGUAGE]
            descriptions[lang["locale"]] = lang.get("site_description") or descriptions[DEFAULT_LANGUAGE]
    return Site(url if url.endswith("/") else url + "/", names, descriptions)
