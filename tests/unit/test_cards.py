"""Preview cards: line breaks in titles, and the PNG they are saved as."""

from __future__ import annotations

import io

from PIL import Image

from qa.generate.cards import HEIGHT, WIDTH, Card, draw, font, png, render_cached, wrap


def test_closing_punctuation_never_starts_a_line_and_latin_words_stay_whole():
    face = font("bold", 60)
    lines = wrap("如何实现LLM模型的适应性学习？", face, 828)
    assert lines == ["如何实现LLM模型的适应性学", "习？"]
    lines = wrap("什么是“KV cache”（键值缓存），它如何加速推理？", face, 828)
    assert all(line[0] not in "，。？）”" and line[-1] not in "（“" for line in lines), lines
    english = wrap("How do you schedule compute tasks efficiently between the CPU and GPU?", face, 828)
    assert " ".join(english).split() == "How do you schedule compute tasks efficiently between the CPU and GPU?".split()
    assert all(face.getlength(line) <= 828 for line in english)


def test_card_is_a_small_2_bit_png_of_the_full_size():
    data = png(draw(Card("秒推时代 · LLM 推理面试题", "9", "如何实现LLM模型的量化？", "主题：量化")))
    image = Image.open(io.BytesIO(data))
    assert image.size == (WIDTH, HEIGHT) and image.mode == "P"
    assert len(data) < 8_000


def test_the_card_cache_draws_only_new_cards_and_keeps_only_current_ones(tmp_path):
    first, second = Card("Site", "1", "First title", "Topic"), Card("Site", "2", "Second title", "Topic")
    assert set(render_cached({"a.png": first, "b.png": second}, tmp_path)) == {"a.png", "b.png"}
    kept = tmp_path / f"{first.key()}.png"
    stamp = kept.stat().st_mtime_ns
    retitled = Card("Site", "2", "Second title, corrected", "Topic")
    render_cached({"a.png": first, "b.png": retitled}, tmp_path)
    assert kept.stat().st_mtime_ns == stamp  # not redrawn
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{first.key()}.png", f"{retitled.key()}.png"])
