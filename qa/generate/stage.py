"""Stage the MkDocs docs folder: authored pages copied, question pages, the calculator and exports generated.

Only files whose content changed are rewritten (so MkDocs and the preview-image
cache see unchanged inputs as unchanged), and files no longer produced are removed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from qa import contract, urls
from qa.check import harness
from qa.check.examples import Example
from qa.check.problems import ProblemTests
from qa.generate.benchmark_tables import benchmark_markdown
from qa.generate.calculator import planned_pages as calculator_pages
from qa.generate.calculator import search_document as calculator_search_document
from qa.generate.cards import Card, render_cached
from qa.generate.exports import planned_exports
from qa.generate.fragments import Fragments
from qa.generate.history import edit_url, last_changed, report_url
from qa.generate.pages import QuestionContext, all_page, index_page, question_page
from qa.generate.problems import ProblemContext, all_page_sections, index_section, problem_page, problems_index
from qa.generate.problems import search_documents as problem_search_documents
from qa.generate.related import related_all
from qa.generate.search_docs import search_documents
from qa.generate.strings import STRINGS
from qa.layout import Layout
from qa.model import LANGUAGES, Catalog
from qa.site import Site, load_site
from qa.sources.presets import Presets


def planned_pages(
    catalog: Catalog,
    examples: dict[str, Example],
    layout: Layout | None = None,
    fragments: Fragments | None = None,
    problem_tests: dict[str, ProblemTests] | None = None,
) -> dict[str, str]:
    """Every generated page: path relative to docs_dir → Markdown.

    layout: the project, for each question's last-updated date (git) and edit link;
    fragments: where the authored parts go (a new in-memory set when not given);
    problem_tests: each coding problem's tests as its page shows them (qa.check.problems).
    """
    fragments = fragments if fragments is not None else Fragments()
    problem_tests = problem_tests or {}
    updated = last_changed(layout.root, layout.questions) if layout else {}
    site = load_site(layout.mkdocs_yml) if layout else None
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        questions = catalog.in_language(lang)
        related = related_all(questions)
        pages[f"{lang}/{urls.INDEX_SOURCE}"] = index_page(lang, catalog, index_section(lang, catalog))
        problems_after = all_page_sections(lang, catalog, problem_tests, fragments)
        pages[f"{lang}/{urls.ALL_SOURCE}"] = all_page(lang, catalog, fragments, problems_after)
        pages |= problem_pages(lang, catalog, problem_tests, fragments, layout, site)
        for i, q in enumerate(questions):
            context = QuestionContext(
                topic=catalog.topic(q),
                level=catalog.level(q),
                previous=questions[i - 1] if i > 0 else None,
                next=questions[i + 1] if i + 1 < len(questions) else None,
                related=related[i],
                example=examples.get(q.slug),
                updated=updated.get(q.path),
                edit_url=edit_url(layout.root, q.path) if layout else None,
                source=f"{q.path.relative_to(layout.root).as_posix()}:{q.line_of('note')}" if layout else None,
                report_url=report_url(q.number, lang, urls.question_url(site.url, lang, q.slug)) if site else None,
                origin=catalog.origin(q),
            )
            pages[f"{lang}/{urls.question_source(q.slug)}"] = question_page(q, context, fragments)
    return pages


def problem_pages(
    lang: str,
    catalog: Catalog,
    tests: dict[str, ProblemTests],
    fragments: Fragments,
    layout: Layout | None,
    site: Site | None,
) -> dict[str, str]:
    """A language's coding-problem pages and their index (the index even without problems:
    its address is published, and the home page links it)."""
    by_slug = {q.slug: q for q in catalog.in_language(lang)}
    updated = last_changed(layout.root, layout.problems) if layout else {}
    pages = {f"{lang}/{urls.PROBLEMS_SOURCE}": problems_index(lang, catalog)}
    problems = catalog.problems
    for i, p in enumerate(problems):
        words = p.texts[lang].path
        context = ProblemContext(
            related=[by_slug[slug] for slug in p.related],
            level=next(level.labels[lang] for level in catalog.levels if level.id == p.difficulty),
            previous=problems[i - 1] if i > 0 else None,
            next=problems[i + 1] if i + 1 < len(problems) else None,
            tests=tests[p.slug],
            updated=updated.get(words),
            edit_url=edit_url(layout.root, words) if layout else None,
            report_url=report_url(p.number, lang, urls.problem_url(site.url, lang, p.slug), kind="problem")
            if site
            else None,
        )
        pages[f"{lang}/{urls.problem_source(p.slug)}"] = problem_page(p, lang, context, fragments)
    return pages


def planned_cards(catalog: Catalog, site: Site) -> dict[str, Card]:
    """Every preview card: path relative to docs_dir → what it shows."""
    topics = {t.id: t for t in catalog.topics}
    cards: dict[str, Card] = {}
    for lang in LANGUAGES:
        s = STRINGS[lang]
        questions = catalog.in_language(lang)
        cards[f"{lang}/{urls.card_path('home')}"] = Card(
            site.names[lang], str(len(questions)), s.home_card_title, s.home_card_footer
        )
        for q in questions:
            footer = f"{s.topic}{s.colon}{topics[q.topic].labels[lang]}"
            cards[f"{lang}/{urls.card_path(q.slug)}"] = Card(site.names[lang], str(q.number), q.title, footer)
    return cards


def redirect_map(catalog: Catalog) -> dict[str, str]:
    """Short links `q/N/` and retired slugs → the question's page (same map for every language)."""
    questions = catalog.in_language(LANGUAGES[0])
    links = {f"q/{q.number}/index.md": f"questions/{q.slug}.md" for q in questions}
    links |= {f"questions/{old}.md": f"questions/{new}.md" for old, new in sorted(catalog.redirects.items())}
    links |= {f"p/{p.number}/index.md": urls.problem_source(p.slug) for p in catalog.problems}
    return links


def doc_counts(catalog: Catalog) -> dict[str, int]:
    """What `{{ name }}` in a docs page becomes."""
    questions = catalog.in_language(LANGUAGES[0])
    seed = sum(catalog.origin(q) == "seed" for q in questions)
    return {
        "questions": len(questions),
        "seed_questions": seed,
        "site_questions": len(questions) - seed,
        "problems": len(catalog.problems),
    }


def generate(
    catalog: Catalog,
    layout: Layout,
    examples: dict[str, Example],
    presets: Presets,
    problem_tests: dict[str, ProblemTests] | None = None,
) -> list[Path]:
    """Write the staged docs folder; return the files that changed.  `presets`: the
    calculator's (tools/calculator/ in every language); `problem_tests`: the coding
    problems' (qa.check.problems)."""
    site = load_site(layout.mkdocs_yml)
    target = layout.staged_docs
    staged = layout.staged
    fragments = Fragments(staged.fragments)
    pages = planned_pages(catalog, examples, layout, fragments, problem_tests)
    wanted: dict[Path, bytes] = {target / rel: text.encode("utf-8") for rel, text in pages.items()}
    for rel, text in calculator_pages(presets):
        wanted[target / rel] = text.encode("utf-8")
    kept: set[Path] = set()  # staged fragments still used, left as they are
    for key, html in fragments.wanted.items():
        if html is None:
            kept.add(staged.fragment(key))
        else:
            wanted[staged.fragment(key)] = html.encode("utf-8")
    wanted[staged.redirects] = json.dumps(redirect_map(catalog), indent=1).encode()
    if catalog.problems:  # the harness the problems' pages run (the plugin puts it in the site)
        wanted[staged.harness] = Path(harness.__file__).read_bytes()
    for lang in LANGUAGES:  # included into docs/<lang>/performance.md by pymdownx.snippets
        table = benchmark_markdown(lang, layout.content / "benchmark.json")
        wanted[staged.snippets / f"benchmark.{lang}.md"] = table.encode("utf-8")
    cache = layout.cache / "cards"
    for rel, data in render_cached(planned_cards(catalog, site), cache).items():
        # beside docs_dir, not in it: MkDocs and static-i18n would sort 2,000 more files per
        # language build; the plugin copies them into the site instead
        lang, _, card = rel.partition("/")
        wanted[staged.cards(lang) / card] = data
    for rel, data in planned_exports(catalog, site).items():  # llms.txt, llms-full.txt, questions.json
        wanted[target / rel] = data
    for lang in LANGUAGES:
        docs = search_documents(catalog, lang) + problem_search_documents(catalog, lang)
        docs.append(calculator_search_document(lang))
        wanted[staged.search_documents(lang)] = json.dumps(docs, ensure_ascii=False).encode()
    counts = doc_counts(catalog)
    for path in sorted(layout.docs.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".md":  # counts are derived, never written by hand
                text = re.sub(contract.DOC_COUNT_PATTERN, lambda m: str(counts[m[1]]), data.decode("utf-8"))
                data = text.encode("utf-8")
            wanted[target / path.relative_to(layout.docs)] = data
    changed: list[Path] = []
    for path, data in wanted.items():
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed.append(path)
    for folder in (target, staged.fragments, staged.harness.parent, *(staged.cards(lang) for lang in LANGUAGES)):
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*"), reverse=True):  # stale generated files
            if path.is_file() and path not in wanted and path not in kept:
                path.unlink()
                changed.append(path)
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return changed
