"""The printed parts of the all-questions page and what their cache keys cover (qa/publish/pdf.py)."""

from __future__ import annotations

from qa.publish.pdf import head_facts, part_page, parts

PAGE = (
    '<html class=no-js lang=zh><head><title>All - Site</title><link href="https://a.example/all/" rel=canonical>'
    "</head><body><nav>{nav}</nav><article><h1>All</h1><p>intro</p>"
    + "".join(f'<section class="qa-print-part" id="s{i}"><h2>{i}</h2></section>' for i in range(45))
    + "</article><footer>f</footer></body></html>"
)


def test_the_page_prints_as_its_preamble_then_twenty_sections_a_part():
    page = PAGE.format(nav="")
    printed = parts(page)
    assert [(first, end) for first, end, _ in printed] == [(0, 0), (0, 20), (20, 40), (40, 45)]
    assert printed[0][2] == "<article><h1>All</h1><p>intro</p>"
    alone = part_page(page, 20, 40)
    assert 'id="s20"' in alone and 'id="s39"' in alone and 'id="s19"' not in alone and 'id="s40"' not in alone
    assert alone.endswith("</article><footer>f</footer></body></html>")


def test_a_part_s_key_covers_the_title_language_and_address_the_print_shows_not_the_navigation():
    page = PAGE.format(nav="")
    assert head_facts(page) == head_facts(PAGE.format(nav="<a href=q/61/>61</a>"))
    for before, after in (
        ("lang=zh", "lang=en"),
        ("<title>All - Site</title>", "<title>All - Renamed</title>"),
        ("https://a.example/all/", "https://b.example/all/"),
    ):
        assert head_facts(page.replace(before, after)) != head_facts(page), before
