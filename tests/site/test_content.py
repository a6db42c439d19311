"""Beyond the seed: editor's notes with sources, runnable examples, topic, difficulty, related questions."""

from __future__ import annotations

import re

import pytest

from qa.check.examples import run_example
from qa.generate.render import plain_text
from qa.generate.strings import STRINGS
from qa.urls import language_dir

from .helpers import question_pages, soup

PRIMARY_SOURCE = re.compile(
    r"https://(arxiv\.org/abs/\d{4}\.\d{4,5}|docs\.vllm\.ai/|nvidia\.github\.io/TensorRT-LLM/|github\.com/ggml-org/"
    r"|pytorch\.org/|docs\.python\.org/|mlcommons\.org/|huggingface\.co/docs/|owasp\.org/|www\.tensorflow\.org/"
    r"|llm\.mlc\.ai/|docs\.sglang\.io/|docs\.nvidia\.com/|llm-d\.ai/docs/)"
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_has_an_editors_note_citing_a_primary_source(catalog, lang):
    for q in catalog.in_language(lang):
        assert q.note, f"{q.path}: no editor's note"
        assert PRIMARY_SOURCE.search(q.note), f"{q.path}: the note cites no paper or official documentation"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_note_follows_the_verbatim_answer_on_the_page(built_site, catalog, lang):
    root = built_site if lang == "zh" else built_site / "en"
    for q in catalog.in_language(lang):
        article = soup(root / "questions" / q.slug / "index.html").find("article")
        answer, note = article.find("details", id="answer"), article.find(id="note")
        assert answer is not None and note is not None
        assert note in answer.find_all_next(id="note"), q.slug  # the note comes after the answer
        assert note.find_next("a", href=PRIMARY_SOURCE) is not None, q.slug


def test_every_question_has_a_runnable_example(layout, catalog):
    slugs = {q.slug for q in catalog.questions}
    assert {p.stem for p in layout.examples.glob("*.py")} == slugs


def test_pages_show_what_each_example_prints_when_run_now(built_site, layout, catalog):
    """Run every example here and compare with the output printed on both language pages."""
    for q in catalog.in_language("zh"):
        result = run_example(layout.examples / f"{q.slug}.py")
        assert result.ok, f"{q.slug}: {result.message}"
        for root in (built_site, built_site / "en"):
            shown = soup(root / "questions" / q.slug / "index.html").select_one(f'[data-example="{q.slug}"]')
            assert shown is not None, f"{q.slug}: no output block on {root}"
            assert shown.get_text().rstrip("\n") == result.stdout.rstrip("\n"), q.slug


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_topic_difficulty_and_related_questions_on_every_page(built_site, catalog, lang):
    root = built_site if lang == "zh" else built_site / "en"
    for page in question_pages(built_site, lang):
        doc = soup(page)
        meta = doc.select_one("article .qa-meta").get_text()
        slug = page.parent.name
        q = next(q for q in catalog.in_language(lang) if q.slug == slug)
        assert catalog.topic(q).labels[lang] in meta and catalog.level(q).labels[lang] in meta
        related = doc.find(id="related").find_next("ul").find_all("a")
        assert 2 <= len(related) <= 4, slug
        for link in related:
            assert (page.parent / link["href"] / "index.html").resolve().is_relative_to(root / "questions")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_index_shows_topic_difficulty_and_origin_of_every_question(built_site, catalog, lang):
    root = language_dir(built_site, lang)
    items = soup(root / "questions" / "index.html").select("section.qa-topic li")
    entries = {
        (i.select_one(".qa-n").get_text(), i.find("a").get_text(), i.select_one(".qa-tags").get_text()) for i in items
    }
    for q in catalog.in_language(lang):
        origin = STRINGS[lang].origins[catalog.origin(q)]
        assert (
            f"{q.number}.",
            plain_text(q.title),
            f"{catalog.topic(q).labels[lang]} · {catalog.level(q).labels[lang]} · {origin}",
        ) in entries


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_page_links_a_prefilled_mistake_report(built_site, catalog, lang):
    from urllib.parse import parse_qs, urlsplit

    site_url = "https://miaotui.github.io/llm-inference-qa/"
    for q in catalog.in_language(lang):
        link = soup(language_dir(built_site, lang) / "questions" / q.slug / "index.html").select_one("a.qa-report")
        assert link is not None, q.slug
        url = urlsplit(link["href"])
        assert url.netloc == "github.com" and url.path.endswith("/issues/new")
        query = parse_qs(url.query)
        assert query["template"] == ["correction.yml"]
        assert f"question {q.number} ({lang})" in query["title"][0]
        page = f"{site_url}{'' if lang == 'zh' else 'en/'}questions/{q.slug}/"
        assert query["page"] == [page] and "body" not in query  # an issue form takes fields, not a body


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_counts_the_questions_from_the_sources(built_site, catalog, lang):
    questions = catalog.in_language(lang)
    seed = sum(catalog.origin(q) == "seed" for q in questions)
    text = soup(language_dir(built_site, lang) / "index.html").find("article").get_text()
    assert "{{" not in text
    if lang == "zh":
        assert f"这里共有 {len(questions)} 道面试题：{seed} 道来自" in text
        assert f"{len(questions) - seed} 道由本站编写" in text
    else:
        assert f"This site holds {len(questions)} interview questions: {seed} from" in text
        assert f"and {len(questions) - seed} written by this site" in text
