"""The metadata a link preview and a search engine read from <head>.

For every page: canonical URL, description, Open Graph tags and hreflang
alternates for every language and x-default, all absolute under site_url.  Every
language has the same pages under the same paths (the content rules guarantee it),
so a page's alternate is the same path under the other language's root.
overrides/main.html prints what this computes.
"""

from __future__ import annotations

from types import MappingProxyType

from qa import contract, urls
from qa.model import DEFAULT_LANGUAGE, LANGUAGES

LOCALES = MappingProxyType({"zh": "zh_CN", "en": "en_US"})  # og:locale of each language


def head(
    lang: str,
    page_url: str,
    meta: dict,
    page_title: str,
    is_homepage: bool,
    site_url: str,
    site_name: str,
    site_description: str,
) -> dict[str, object]:
    """What overrides/main.html writes into a page's <head> (every string already HTML-safe)."""
    roots = {code: urls.language_url(site_url, code) for code in LANGUAGES}
    folder = urls.language_folder(lang)
    path = page_url.removeprefix(f"{folder}/") if folder else page_url
    title = meta.get(contract.META_TITLE) or page_title or ""
    return {
        "title": site_name if is_homepage else f"{title} - {site_name}",
        # Open Graph names the site apart (og:site_name): its title is the page's alone
        "og_title": site_name if is_homepage else title,
        "description": meta.get(contract.META_DESCRIPTION) or site_description or "",
        "url": roots[lang] + path,
        "image": roots[lang] + meta.get(contract.META_CARD, urls.card_path("home")),
        "image_alt": title or site_name,
        "type": "article" if contract.META_NUMBER in meta else "website",
        "locale": LOCALES[lang],
        "locale_alternates": [LOCALES[code] for code in LANGUAGES if code != lang],
        "alternates": [(code, roots[code] + path) for code in LANGUAGES]
        + [("x-default", roots[DEFAULT_LANGUAGE] + path)],
        "site_name": site_name,
    }
