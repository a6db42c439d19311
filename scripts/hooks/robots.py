"""MkDocs hook: robots.txt at the site root, pointing crawlers to the sitemap.

Written by a hook because the sitemap's address depends on site_url, which the
Pages workflow sets at build time.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    site_url = config.site_url or "/"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
    (Path(config.site_dir) / "robots.txt").write_text(robots, encoding="utf-8")
