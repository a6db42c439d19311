"""The Chinese sources say exactly what the seed article says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.sources.answer import parse_answer
from qa.sources.seed import import_seed, parse_seed

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "seed" / "questions.zh.txt"  # committed snapshot
SHARED_SEED = ROOT.parent / "shared" / "seed" / "questions.zh.txt"  # the source of truth, beside the checkout


@pytest.fixture(scope="module")
def seed():
    return {q.number: q for q in parse_seed(SEED)}


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="no shared/ folder beside this checkout (e.g. on GitHub)")
def test_committed_seed_is_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_has_thirty_questions(seed):
    assert sorted(seed) == list(range(1, 31))


def test_chinese_sources_match_the_seed(seed, catalog):
    zh = {q.number: q for q in catalog.in_language("zh")}
    assert set(seed) <= set(zh)  # the seed's questions, and the ones this site added
    assert catalog.seed_numbers == set(seed)
    for number, s in seed.items():
        q = zh[number]
        assert q.title == s.title, number
        assert q.prompt == s.prompt, number
        seed_lead, seed_bullets = parse_answer(s.answer)
        lead, bullets = parse_answer(q.answer)
        assert lead == seed_lead, number
        assert bullets == seed_bullets, number
        assert len(bullets) >= 4, number


def test_importer_is_reproducible(tmp_path):
    """Re-importing the seed over the committed sources changes nothing."""
    zh = tmp_path / "zh"
    shutil.copytree(ROOT / "content" / "questions" / "zh", zh)
    assert import_seed(SEED, zh) == []
    for path in sorted(zh.glob("*.md")):
        assert path.read_bytes() == (ROOT / "content/questions/zh" / path.name).read_bytes()


def test_importer_writes_new_sources_and_keeps_editor_fields(tmp_path):
    zh = tmp_path / "zh"
    zh.mkdir()
    written = import_seed(SEED, zh)
    assert len(written) == 30
    text = (zh / "09.md").read_text(encoding="utf-8")
    assert "title: 如何实现LLM模型的量化？" in text
    assert "slug: ''" in text  # for the editor to fill in; validate says so
    text = text.replace("slug: ''", "slug: quantization") + "\n## 编者注 { #note }\n\n编者的话。\n"
    (zh / "09.md").write_text(text, encoding="utf-8")
    assert import_seed(SEED, zh) == []
    assert "编者的话。" in (zh / "09.md").read_text(encoding="utf-8")
