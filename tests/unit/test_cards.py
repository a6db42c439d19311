"""Preview cards: line breaks in titles, and the PNG they are saved as."""

from __future__ import annotations

import io

from PIL import Image

from qa.generate.cards import HEIGHT, WIDTH, Card, draw, font, png, wrap


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
