"""MkDocs hook: the metadata a link preview and a search engine read from <head>.

For every page: canonical URL, description, Open Graph and Twitter card tags, and
hreflang alternates for zh, en and x-default — all absolute under site_url.  Both
languages have the same pages under the same paths (content/ guarantees it), so a
page's alternate is the same path under the other language's root.
overrides/main.html prints what this hook computes.
"""

from __future__ import annotations

from i18n_build import current_language, default_language
from mkdocs.config.defaults import MkDocsConfig

LOCALES = {"zh": "zh_CN", "en": "en_US"}
DEFAULT_CARD = "assets/cards/home.png"


def on_page_context(context, page, config: MkDocsConfig, nav):
    lang, default = current_language(config), default_language(config)
    site = config.site_url or "/"
    roots = {code: site if code == default else f"{site}{code}/" for code in LOCALES}
    path = page.url.removeprefix(f"{lang}/") if lang != default else page.url
    meta = page.meta or {}
    is_question = "qa_number" in meta
    title = meta.get("title") or page.title or ""
    context["qa_head"] = {
        "title": config.site_name if page.is_homepage else f"{title} - {config.site_name}",
        "description": meta.get("description") or config.site_description or "",
        "url": roots[lang] + path,
        "image": roots[lang] + meta.get("card", DEFAULT_CARD),
        "image_alt": title or config.site_name,
        "type": "article" if is_question else "website",
        "locale": LOCALES[lang],
        "locale_alternates": [LOCALES[code] for code in LOCALES if code != lang],
        "alternates": [(code, roots[code] + path) for code in LOCALES] + [("x-default", roots[default] + path)],
        "site_name": config.site_name,
    }
    return context
