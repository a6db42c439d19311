"""Published URLs: the ones the sources publish now, and the ones ever published.

`content/published-urls.txt` is the record of every URL the site has published
(pages, short links, linkable anchors).  It only grows: `qa urls --update` appends
what the sources publish now.  Validation then checks that every recorded URL still
resolves — directly, or through a redirect in `content/redirects.yml` — so a renamed
slug or a deleted question cannot silently break a link in someone's blog post.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from qa.check.catalog import Catalog
from qa.check.rules import ANCHORS, KEBAB
from qa.generate.exports import DATASET_NAME, SCHEMA_NAME
from qa.layout import pdf_name
from qa.model import DEFAULT_LANGUAGE, LANGUAGES, Problem

HEADER = (
    "# Every URL this site has published, as a path under site_url (/ is the Chinese home page).\n"
    "# Append-only: `python -m qa urls --update` adds new ones; never delete a line.\n"
)
PAGE_ANCHORS = ("question", "answer")  # anchors every question page has (see qa.pages)
QUESTION_URL = re.compile(r"^/(?:(?P<lang>[a-z]{2})/)?questions/(?P<slug>[a-z0-9-]+)/(?:#(?P<anchor>[\w-]+))?$")
SHORT_URL = re.compile(r"^/(?:[a-z]{2}/)?q/(?P<number>\d+)/$")


def prefix(lang: str) -> str:
    """The language's root path: / for Chinese, /en/ for English."""
    return "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"


def current_urls(catalog: Catalog) -> list[str]:
    urls: list[str] = []
    for lang in LANGUAGES:
        root = prefix(lang)
        urls += [root, f"{root}questions/", f"{root}all/", f"{root}{pdf_name(lang)}"]
        urls += [f"{root}llms.txt", f"{root}llms-full.txt"]
        for q in catalog.in_language(lang):
            page = f"{root}questions/{q.slug}/"
            urls += [page, *(f"{page}#{anchor}" for anchor in PAGE_ANCHORS), f"{root}q/{q.number}/"]
    return urls + [f"/{DATASET_NAME}", f"/{SCHEMA_NAME}"]


def read_manifest(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def update_manifest(path: Path, catalog: Catalog) -> list[str]:
    """Append the URLs published now that the record lacks; return them."""
    recorded = {url for _, url in read_manifest(path)}
    added = [url for url in current_urls(catalog) if url not in recorded]
    if added:
        text = path.read_text(encoding="utf-8") if path.exists() else HEADER
        path.write_text(text + "".join(f"{url}\n" for url in added), encoding="utf-8")
    return added


def load_redirects(path: Path, slugs: set[str]) -> tuple[dict[str, str], list[Problem]]:
    """Retired slug → current slug, each checked."""
    if not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return {}, [
            Problem(path, (mark.line + 1) if mark else 1, f"malformed YAML: {err} — write `old-slug: new-slug`")
        ]
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, "redirects must be a mapping — write one `old-slug: new-slug` per line")]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if node else {}
    redirects: dict[str, str] = {}
    problems: list[Problem] = []
    for old, new in data.items():
        old, new, line = str(old), str(new), lines.get(str(old), 1)
        if old in slugs:
            problems.append(Problem(path, line, f"`{old}` is a current slug — remove this redirect"))
        elif not KEBAB.match(old):
            problems.append(Problem(path, line, f"`{old}` is not a kebab-case slug — write the retired slug"))
        elif new not in slugs:
            problems.append(Problem(path, line, f"redirect target `{new}` is not a question slug — use a current slug"))
        else:
            redirects[old] = new
    return redirects, problems


def check_published(path: Path, catalog: Catalog, redirects: dict[str, str]) -> list[Problem]:
    """Every recorded URL must still resolve."""
    now = set(current_urls(catalog))
    numbers = {q.number for q in catalog.questions}
    problems: list[Problem] = []
    for line, url in read_manifest(path):
        if url in now:
            continue
        question, short = QUESTION_URL.match(url), SHORT_URL.match(url)
        if question and question["slug"] in redirects:
            if question["anchor"] is None or question["anchor"] in ANCHORS:
                continue
        if question:
            slug = question["slug"]
            fix = f"restore slug `{slug}`, or add `{slug}: new-slug` to content/redirects.yml"
        elif short:
            fix = f"keep question {short['number']}: question numbers are permanent"
        else:
            fix = "restore the page"
        if short and int(short["number"]) in numbers:
            continue
        problems.append(Problem(path, line, f"published URL `{url}` no longer resolves — {fix}"))
    return problems
