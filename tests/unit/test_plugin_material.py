"""The adapter to Material's internals (qa.plugin.material) against the installed Material."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import material

from qa.plugin import material as adapter

ROOT = Path(__file__).resolve().parents[2]
THEME = Path(material.__file__).parent / "templates"


def test_the_installed_material_is_the_version_the_adapter_was_written_for():
    assert version("mkdocs-material") == adapter.WRITTEN_FOR, (
        "read qa/plugin/material.py, overrides/partials/ and assets/javascripts/theme.js again before moving the pin"
    )


def test_every_partial_we_replace_is_one_material_has_and_writes_no_inline_script():
    ours = sorted(
        p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides" / "partials").rglob("*.html")
    )
    assert ours == [
        "partials/javascripts/base.html",
        "partials/javascripts/content.html",
        "partials/javascripts/palette.html",
    ]
    for name in ours:
        assert "<script>" in (THEME / name).read_text(encoding="utf-8"), (
            f"Material's {name} no longer writes an inline script"
        )
        assert "<script>" not in (ROOT / "overrides" / name).read_text(encoding="utf-8"), name


def test_settings_whose_inline_scripts_we_do_not_replace_are_refused():
    assert adapter.check_theme(["navigation.top"], ["toc"], {"version": None}, [{"scheme": "default"}]) == []
    assert adapter.check_theme(
        ["content.tabs.link"], ["pymdownx.tabbed"], {"consent": {"title": "Cookies"}}, {"scheme": "slate"}
    ) == [
        "mkdocs.yml: theme.features sets content.tabs.link, whose script Material writes inline "
        "(partials/javascripts/content.html: remembers the chosen tab), and the site's policy runs no inline "
        "script — leave it out, or first give that job to a script file of ours (overrides/partials/javascripts/)",
        "mkdocs.yml: markdown_extensions sets pymdownx.tabbed, whose script Material writes inline "
        "(partials/javascripts/content.html: opens the tab a link names), and the site's policy runs no inline "
        "script — leave it out, or first give that job to a script file of ours (overrides/partials/javascripts/)",
        "mkdocs.yml: extra sets consent, whose script Material writes inline (partials/javascripts/consent.html: "
        "the cookie consent form), and the site's policy runs no inline script — leave it out, or first give "
        "that job to a script file of ours (overrides/partials/javascripts/)",
        "mkdocs.yml: theme.palette is a single palette, with which Material leaves out the palette script that "
        "loads assets/javascripts/theme.js (the theme's settings) — write it as a list",
    ]


def test_the_site_s_own_settings_pass():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert (
        adapter.check_theme(
            config.theme.get("features", []), config.markdown_extensions, config.extra, config.theme.get("palette")
        )
        == []
    )
