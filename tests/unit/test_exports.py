"""The exports: llms.txt, llms-full.txt and questions.json, built from the real catalog."""

from __future__ import annotations

import copy
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from qa.check.catalog import load_content
from qa.generate.exports import (
    SCHEMA_FILE,
    llms_full_txt,
    llms_txt,
    note_body,
    page_url,
    planned_exports,
    portable_markdown,
    questions_dataset,
    short_url,
)
from qa.generate.problems import TEXT as PROBLEM_TEXT
from qa.generate.stage import generate
from qa.layout import Layout
from qa.markdown import LINK
from qa.site import Site

SITE = "https://example.org/qa/"  # not the default: every URL must come from the site URL given
SITE_INFO = Site(
    SITE, {"zh": "秒推时代 · 测试", "en": "Miaotui · test"}, {"zh": "中文简介。", "en": "An English summary."}
)
DATA = Path(__file__).resolve().parents[1] / "data"
MKDOCS_SYNTAX = re.compile(r"\{\s*[#.:]|^\s*///|--8<--|^\s*(?:!!!|\?\?\?) ", re.M)


def question(catalog, lang: str, number: int):
    return next(q for q in catalog.in_language(lang) if q.number == number)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_page_and_short_link_urls_per_language(catalog):
    zh, en = question(catalog, "zh", 9), question(catalog, "en", 9)
    assert page_url(SITE, zh) == "https://example.org/qa/questions/quantization/"
    assert page_url(SITE, en) == "https://example.org/qa/en/questions/quantization/"
    assert short_url(SITE, zh) == "https://example.org/qa/q/9/"
    assert short_url(SITE, en) == "https://example.org/qa/en/q/9/"


def test_portable_markdown_drops_mkdocs_syntax_and_makes_links_absolute(catalog):
    source = "\n".join(
        [
            "Lead with [question 4](reduce-memory-footprint.md#answer) and [the note](#note).",
            "{ .lead }",
            "",
            "/// note | Keep in mind",
            "    type: warning",
            "",
            "Inside, `{ #literal }` stays, as does {x=1}; [a page](https://example.com/a.md).",
            "///",
            "",
            "See [`kv-cache`](kv-cache.md) but not `[code](code.md)`.",
            "### A heading { #sub .big }",
            "",
            "```python",
            "x = {'a': 1}  # { #kept }",
            "///",
            "```",
        ]
    )
    q = replace(question(catalog, "en", 9), answer=source)
    assert portable_markdown(q.answer, SITE, q) == "\n".join(
        [
            "Lead with [question 4](https://example.org/qa/en/questions/reduce-memory-footprint/#answer) and "
            "[the note](https://example.org/qa/en/questions/quantization/#note).",
            "",
            "**Keep in mind**",
            "",
            "",
            "Inside, `{ #literal }` stays, as does {x=1}; [a page](https://example.com/a.md).",
            "",
            "See [`kv-cache`](https://example.org/qa/en/questions/kv-cache/) but not `[code](code.md)`.",
            "### A heading",
            "",
            "```python",
            "x = {'a': 1}  # { #kept }",
            "///",
            "```",
        ]
    )


def test_note_body_is_the_note_without_its_heading(catalog):
    zh, en = question(catalog, "zh", 9), question(catalog, "en", 9)
    assert note_body(zh).startswith("**更正：** 答案中“对模型进行量化计算")
    assert note_body(en).startswith("**Correction:** The seed's \"run the quantization computation")
    assert "编者注" not in note_body(zh) and "{ #note }" not in note_body(en)


@pytest.mark.parametrize(
    ("lang", "head", "line_9", "optional"),
    [
        (
            "zh",
            "# 秒推时代 · 测试\n\n> 中文简介。\n\n",
            "- [9. 如何实现LLM模型的量化？](https://example.org/qa/questions/quantization/): "
            "请描述一种实现大型语言模型（LLM）量化的方法。",
            [
                "- [全部题目与答案](https://example.org/qa/llms-full.txt): 纯 Markdown，按编号排列，含编者注",
                "- [题目数据集（JSON）](https://example.org/qa/questions.json): "
                "中英双语的全部题目，格式见 questions.schema.json",
                "- [English version](https://example.org/qa/en/llms.txt): 本列表的英文版",
            ],
        ),
        (
            "en",
            "# Miaotui · test\n\n> An English summary.\n\n",
            "- [9. How do you quantize an LLM?](https://example.org/qa/en/questions/quantization/): "
            "Describe a method for quantizing a large language model (LLM).",
            [
                "- [Every question and answer](https://example.org/qa/en/llms-full.txt): "
                "plain Markdown in number order, with the editor's notes",
                "- [Question dataset (JSON)](https://example.org/qa/questions.json): "
                "every question in both languages; its format is in questions.schema.json",
                "- [Chinese version](https://example.org/qa/llms.txt): the original Chinese text of this list",
            ],
        ),
    ],
)
def test_llms_txt_links_every_question_by_topic(catalog, lang, head, line_9, optional):
    text = llms_txt(catalog, lang, SITE_INFO)
    assert text.startswith(head)
    lines = text.splitlines()
    assert line_9 in lines
    headings = [line[3:] for line in lines if line.startswith("## ")]
    used = [t.labels[lang] for t in catalog.topics if any(q.topic == t.id for q in catalog.questions)]
    problems = [PROBLEM_TEXT[lang]["problems"]] if catalog.problems else []
    assert headings == used + problems + ["Optional"]  # topics in the order of topics.yml, then the problems
    links = [line for line in lines if line.startswith("- [")]
    assert links[-3:] == optional
    sections = text.split("\n## ")[1 : -1 - len(problems)]  # the topic sections (problems, then Optional, last)
    topics = [t for t in catalog.topics if any(q.topic == t.id for q in catalog.questions)]
    for topic, section in zip(topics, sections, strict=True):
        expected = [
            f"- [{q.number}. {q.title}]({page_url(SITE, q)}): {q.prompt}"
            for q in catalog.in_language(lang)
            if q.topic == topic.id
        ]
        assert section.splitlines()[0] == topic.labels[lang]
        assert [line for line in section.splitlines() if line.startswith("- [")] == expected
    assert len(links) == len(catalog.in_language(lang)) + len(catalog.problems) + 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_llms_full_txt_holds_every_question_in_number_order_as_plain_markdown(catalog, lang):
    text = llms_full_txt(catalog, lang, SITE_INFO)
    titles = re.findall(r"^## (\d+)\. (.+)$", text, re.M)
    assert titles == [(str(q.number), q.title) for q in catalog.in_language(lang)]
    assert not MKDOCS_SYNTAX.search(text)
    targets = [m["target"] for m in LINK.finditer(text)]
    assert len(targets) >= 60 and all(t.startswith("https://") for t in targets)
    q = question(catalog, lang, 9)
    section = text.split("\n## 9. ")[1].split("\n## 10. ")[0]
    assert section.startswith(f"{q.title}\n\n")
    assert f"<{SITE}{'en/' if lang == 'en' else ''}questions/quantization/>" in section
    assert f"{q.prompt}\n" in section and portable_markdown(note_body(q), SITE, q) in section
    for line in q.answer.splitlines():
        assert line in section


def test_dataset_matches_the_authored_schema(catalog, schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    dataset = questions_dataset(catalog, SITE)
    jsonschema.Draft202012Validator(schema).validate(dataset)
    assert dataset["$schema"] == "https://example.org/qa/questions.schema.json"
    assert dataset["site_url"] == SITE
    assert [q["number"] for q in dataset["questions"]] == [q.number for q in catalog.in_language("zh")]


def test_dataset_entry_holds_both_languages(catalog):
    entry = questions_dataset(catalog, SITE)["questions"][8]
    zh, en = question(catalog, "zh", 9), question(catalog, "en", 9)
    assert {k: entry[k] for k in ("number", "slug", "origin", "topic", "difficulty", "tags")} == {
        "number": 9,
        "slug": "quantization",
        "origin": "seed",
        "topic": {"id": "memory", "labels": {"zh": "内存与压缩", "en": "Memory and compression"}},
        "difficulty": {"id": "intermediate", "labels": {"zh": "进阶", "en": "Intermediate"}},
        "tags": ["quantization", "gpu-memory", "compression"],
    }
    for q in (zh, en):
        assert entry["languages"][q.lang] == {
            "title": q.title,
            "prompt": q.prompt,
            "answer": q.answer,  # this answer has no MkDocs syntax or relative link to rewrite
            "note": portable_markdown(note_body(q), SITE, q),  # its links made absolute
            "url": page_url(SITE, q),
            "short_url": short_url(SITE, q),
        }


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["questions"][0]["languages"].pop("en"),
        lambda d: d["questions"][0]["languages"]["zh"].update(url="questions/quantization/"),
        lambda d: d["questions"][0]["languages"]["en"].update(short_url="https://example.org/qa/en/q/nine/"),
        lambda d: d["questions"][0].update(tags=["Not Kebab"]),
        lambda d: d["questions"][0]["topic"]["labels"].pop("zh"),
        lambda d: d["questions"][0].update(number="9"),
        lambda d: d["questions"][0].update(extra=True),
        lambda d: d.pop("$schema"),
    ],
)
def test_schema_rejects_a_spoiled_dataset(catalog, schema, spoil):
    dataset = copy.deepcopy(questions_dataset(catalog, SITE))
    spoil(dataset)
    assert not jsonschema.Draft202012Validator(schema).is_valid(dataset)


def test_planned_exports_land_at_each_language_root(catalog):
    files = planned_exports(catalog, SITE_INFO)
    assert sorted(files) == [
        "en/llms-full.txt",
        "en/llms.txt",
        "zh/llms-full.txt",
        "zh/llms.txt",
        "zh/questions.json",
        "zh/questions.schema.json",
    ]
    assert files["zh/questions.schema.json"] == SCHEMA_FILE.read_bytes()
    assert json.loads(files["zh/questions.json"]) == questions_dataset(catalog, SITE)
    assert files["en/llms.txt"].decode("utf-8") == llms_txt(catalog, "en", SITE_INFO)


def test_generate_writes_the_exports_for_the_site_url_in_the_environment(tmp_path, monkeypatch):
    shutil.copytree(DATA / "valid", tmp_path, dirs_exist_ok=True)
    shutil.copy2(DATA.parents[1] / "mkdocs.yml", tmp_path / "mkdocs.yml")
    layout = Layout(root=tmp_path)
    catalog, presets, problems = load_content(layout)
    assert problems == []
    monkeypatch.setenv("SITE_URL", "https://example.net/site")
    generate(catalog, layout, {}, presets)
    dataset = json.loads((layout.staged_docs / "zh/questions.json").read_text(encoding="utf-8"))
    assert dataset["$schema"] == "https://example.net/site/questions.schema.json"
    first = dataset["questions"][0]["languages"]["en"]
    assert first["url"] == "https://example.net/site/en/questions/first-question/"
    # the fixture's `[question 2](second-question.md#answer)` becomes an absolute link
    assert "[question 2](https://example.net/site/en/questions/second-question/#answer)" in first["answer"]
    english = (layout.staged_docs / "en/llms.txt").read_text(encoding="utf-8")
    assert "- [1. The first question?](https://example.net/site/en/questions/first-question/)" in english
    assert (layout.staged_docs / "zh/questions.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
