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

from qa.model import Catalog, Finding
from qa.sources.manifest import read_manifest
from qa.urls import ANCHORS, published_urls

QUESTION_URL = re.compile(r"^/(?:(?P<lang>[a-z]{2})/)?questions/(?P<slug>[a-z0-9-]+)/(?:#(?P<anchor>[\w-]+))?$")
SHORT_URL = re.compile(r"^/(?:[a-z]{2}/)?q/(?P<number>\d+)/$")


def check_published(path: Path, catalog: Catalog, redirects: dict[str, str]) -> list[Finding]:
    """Every recorded URL must still resolve."""
    now = set(published_urls(catalog))
    numbers = {q.number for q in catalog.questions}
    problems: list[Finding] = []
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
        problems.append(Finding(path, line, f"published URL `{url}` no longer resolves — {fix}"))
    return problems
