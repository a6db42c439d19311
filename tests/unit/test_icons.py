"""The theme's inline icons as references to one sprite (qa/plugin/icons.py)."""

from __future__ import annotations

from qa.plugin import icons

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M11 15H6l7-14v8h5l-7 14z"/></svg>'
SEARCH = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5"/></svg>'
HEAD = '<head><link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css"></head>'


def test_each_theme_icon_becomes_a_use_of_its_symbol_and_the_same_icon_the_same_symbol():
    html, used = icons.share(f"{HEAD}<a>{LOGO}</a><b>{SEARCH}</b><c>{LOGO}</c>")
    logo, search = (
        icons.symbol_id("0 0 24 24", '<path d="M11 15H6l7-14v8h5l-7 14z"/>'),
        icons.symbol_id("0 0 24 24", '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5"/>'),
    )
    assert html == (
        f'{HEAD}<a><svg><use href="../../assets/icons.svg#{logo}"></use></svg></a>'
        f'<b><svg><use href="../../assets/icons.svg#{search}"></use></svg></b>'
        f'<c><svg><use href="../../assets/icons.svg#{logo}"></use></svg></c>'
    )
    assert set(used) == {logo, search}


def test_only_the_theme_s_icon_markup_is_replaced_and_a_page_without_the_theme_is_left_alone():
    other = '<svg viewBox="0 0 10 10" role="img"><title>chart</title></svg>'
    scripted = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><script>x()</script></svg>'
    html, used = icons.share(f"{HEAD}{other}{scripted}")
    assert html == f"{HEAD}{other}{scripted}" and used == {}
    assert icons.share(LOGO) == (LOGO, {})  # no theme stylesheet: no site root to point at


def test_the_site_root_is_found_from_the_root_the_language_folder_and_an_absolute_base():
    for href, root in (
        ("assets/stylesheets/main.1a.min.css", ""),
        ("../../../assets/stylesheets/main.1a.min.css", "../../../"),
        ("/llm-inference-qa/assets/stylesheets/main.1a.min.css", "/llm-inference-qa/"),
    ):
        html, _ = icons.share(f'<link href="{href}" rel="stylesheet">{LOGO}')
        assert f'<use href="{root}assets/icons.svg#' in html, html


def test_the_sprite_round_trips_and_a_dirty_build_adds_to_it(tmp_path):
    sprite = tmp_path / "assets" / "icons.svg"
    _, first = icons.share(HEAD + LOGO)
    icons.write_sprite(sprite, first)
    assert icons.read_sprite(sprite) == first
    _, second = icons.share(HEAD + SEARCH)
    icons.write_sprite(sprite, icons.read_sprite(sprite) | second)
    assert icons.read_sprite(sprite) == first | second
    text = sprite.read_text(encoding="utf-8")
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"><symbol id="i')
