"""The per-language search indexes the build writes (the browser tests query them)."""

from __future__ import annotations

import json

import pytest

from qa.check.rules import CJK


def load(site, lang):
    root = site if lang == "zh" else site / lang
    return json.loads((root / "search" / "documents.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_document_per_question_in_its_own_language(built_site, catalog, lang):
    index = load(built_site, lang)
    locations = [doc["location"] for doc in index["docs"]]
    # then the coding problems (qa.generate.problems), then the calculator (qa.generate.calculator.search_document)
    problems = [f"problems/{p.slug}/" for p in catalog.problems]
    assert locations == [f"questions/{q.slug}/" for q in catalog.in_language(lang)] + problems + ["tools/calculator/"]


def test_english_index_holds_no_chinese(built_site):
    assert not CJK.search(json.dumps(load(built_site, "en"), ensure_ascii=False).replace("\\u", ""))


def test_chinese_is_segmented_with_the_field_dictionary(built_site):
    docs = {doc["location"]: doc for doc in load(built_site, "zh")["docs"]}
    first = docs["questions/optimize-inference-speed/"]
    words = first["text"].split("\u200b")
    assert "知识蒸馏" in words  # a dictionary term stays one word …
    assert {"知识", "蒸馏"} <= set(first["parts"].split())  # … and its parts are searchable too
    assert "内存池" in docs["questions/reduce-memory-footprint/"]["text"].split("\u200b")


def test_navigation_text_is_not_indexed(built_site):
    for doc in load(built_site, "zh")["docs"]:
        assert "上一题" not in doc["text"] and "下一题" not in doc["text"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_index_material_fetches_on_every_page_is_a_stub(built_site, lang):
    root = built_site if lang == "zh" else built_site / lang
    stub = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"] == load(built_site, lang)["config"]


def test_pages_point_search_at_their_language_root(built_site):
    english = (built_site / "en/questions/quantization/index.html").read_text(encoding="utf-8")
    chinese = (built_site / "questions/quantization/index.html").read_text(encoding="utf-8")
    assert '"base":"../../../en/"' in english
    assert '"base":"../.."' in chinese
    assert "&index=../../../en/search/documents.json" in english
    assert "&index=../../../search/documents.json" in chinese
