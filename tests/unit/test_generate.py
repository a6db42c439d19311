"""The generator: pages, index and short links are derived from the sources alone."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from qa import contract
from qa.check.catalog import load_catalog, load_content
from qa.generate.fragments import Fragments
from qa.generate.stage import generate, planned_pages, redirect_map
from qa.layout import Layout
from qa.sources.frontmatter import set_field
from qa.sources.questions import load_question, stamp

DATA = Path(__file__).resolve().parents[1] / "data"


def fixture_layout(tmp_path: Path) -> Layout:
    """The valid fixture as a project: its content and this project's mkdocs.yml."""
    shutil.copytree(DATA / "valid", tmp_path, dirs_exist_ok=True)
    shutil.copy2(DATA.parents[1] / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return Layout(root=tmp_path)


def filled(page: str, fragments: Fragments) -> str:
    """A staged page with its fragments in place, as the plugin puts them."""
    return re.sub(contract.FRAGMENT_PATTERN, lambda m: fragments.html(m[1]), page)


def test_question_page_has_prompt_answer_and_note_folded_together_and_pager(catalog, problem_tests):
    fragments = Fragments()
    page = filled(
        planned_pages(catalog, {}, fragments=fragments, problem_tests=problem_tests)["zh/questions/quantization.md"],
        fragments,
    )
    assert '<h1 id="question">9. 如何实现LLM模型的量化？<a class="headerlink"' in page
    assert "<p><strong>题目：</strong> 请描述一种实现大型语言模型（LLM）量化的方法。</p>" in page
    answer = page[page.index('<details class="qa-answer" id="answer">') : page.index("</details>")]
    assert answer.startswith('<details class="qa-answer" id="answer">\n<summary>答案</summary>\n')
    assert "<li><strong>量化预处理：</strong> 将模型中的权重和激活值从浮点数转换为整数。</li>" in answer
    assert '<h2 id="note">编者注' in answer and "GPTQ" in answer  # the note opens with the answer
    assert 'href="../edge-deployment/" rel="prev"' in page and 'href="../faster-training/" rel="next"' in page
    assert '<a href="../#memory">内存与压缩</a>' in page


def test_first_and_last_questions_have_one_neighbour(catalog, problem_tests):
    pages = planned_pages(catalog, {}, problem_tests=problem_tests)
    questions = catalog.in_language("en")
    first = pages[f"en/questions/{questions[0].slug}.md"]
    last = pages[f"en/questions/{questions[-1].slug}.md"]
    assert "qa-prev" not in first and "qa-next" in first
    assert "qa-next" not in last and "qa-prev" in last


def test_index_lists_every_question_grouped_by_topic(catalog, problem_tests):
    for lang in ("zh", "en"):
        index = planned_pages(catalog, {}, problem_tests=problem_tests)[f"{lang}/questions/index.md"]
        for q in catalog.in_language(lang):
            assert f'<li><span class="qa-n">{q.number}.</span> <a href="{q.slug}/" data-slug="{q.slug}" ' in index
        used = [t for t in catalog.topics if any(q.topic == t.id for q in catalog.questions)]
        positions = [index.index(f'<h2 id="{t.id}">') for t in used]
        assert positions == sorted(positions)


def test_short_links_cover_every_question_and_problem(catalog):
    links = redirect_map(catalog)
    assert len(links) == len(catalog.in_language("zh")) + len(catalog.problems)
    assert links["q/9/index.md"] == "questions/quantization.md"
    assert links["p/3/index.md"] == "problems/paged-kv-allocator.md"


def test_adding_a_question_is_adding_its_two_sources(tmp_path):
    layout = fixture_layout(tmp_path)
    for lang, title in (("zh", "第三题？"), ("en", "The third question?")):
        source = (layout.questions / lang / "02.md").read_text(encoding="utf-8")
        source = source.replace("number: 2", "number: 3").replace("second-question", "third-question")
        source = source.replace("第二题？", title).replace("The second question?", title)
        (layout.questions / lang / "03.md").write_text(source, encoding="utf-8")
    zh, _ = load_question(layout.questions / "zh" / "03.md", "zh", layout.root)
    set_field(layout.questions / "en" / "03.md", "translated_from", stamp(zh))  # what `qa translated 3` does
    catalog, presets, problems = load_content(layout)
    assert problems == []
    generate(catalog, layout, {}, presets)
    staged = layout.staged_docs
    assert (staged / "zh/questions/third-question.md").exists()
    assert '<a href="third-question/" data-slug="third-question"' in (staged / "zh/questions/index.md").read_text(
        encoding="utf-8"
    )
    assert 'href="../third-question/"' in (staged / "zh/questions/second-question.md").read_text(encoding="utf-8")
    assert 'href="../third-question/"' in (staged / "en/questions/second-question.md").read_text(encoding="utf-8")
    assert '"q/3/index.md": "questions/third-question.md"' in (layout.build / "redirects.json").read_text()


def test_generate_rewrites_only_what_changed_and_removes_stale_pages(tmp_path):
    layout = fixture_layout(tmp_path)
    catalog, presets, _ = load_content(layout)
    assert generate(catalog, layout, {}, presets)  # first run writes everything
    assert generate(catalog, layout, {}, presets) == []  # nothing changed, nothing written
    stale = layout.staged_docs / "zh/questions/retired.md"
    stale.write_text("old", encoding="utf-8")
    assert generate(catalog, layout, {}, presets) == [stale]
    assert not stale.exists()


def test_all_questions_page_holds_each_answer_and_note_linked_for_its_place(tmp_path):
    layout = fixture_layout(tmp_path)
    catalog, problems = load_catalog(layout)
    assert problems == []
    fragments = Fragments()
    page = filled(planned_pages(catalog, {}, fragments=fragments)["zh/all.md"], fragments)
    assert "qa_all: true" in page
    assert '<details class="qa-answer" id="first-question-answer">' in page
    assert 'href="../questions/second-question/#answer"' in page  # a question link, seen from all/
    assert "](second-question.md" not in page
    assert page.index('<h2 id="first-question">1. ') < page.index('<h2 id="second-question">2. ')


def test_all_questions_page_puts_each_note_under_its_question(catalog, problem_tests):
    fragments = Fragments()
    page = filled(planned_pages(catalog, {}, fragments=fragments, problem_tests=problem_tests)["en/all.md"], fragments)
    assert (
        '<h3 id="quantization-note">Editor&#x27;s note' in page or '<h3 id="quantization-note">Editor\'s note' in page
    )
    assert 'href="#quantization-note"' in page  # its permalink stays on this page
