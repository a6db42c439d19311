"""`qa new`: a new question's two sources and its example, ready to be filled in.

The files are valid but for their placeholders, which validation reports one by
one (qa.check.rules.check_placeholders), so `qa validate` is the checklist.
"""

from __future__ import annotations

from pathlib import Path

from qa.layout import Layout
from qa.sources.questions import NOTE_HEADING, load_question, stamp

PLACEHOLDER = {"zh": "待填写", "en": "FILL ME IN"}

BODY = {
    "zh": """{p}：一句话引出要点：

- **{p}：** 第一个要点（公式写在 `代码` 里，并给一个算好的数字）。
- **{p}：** 第二个要点。
- **{p}：** 第三个要点。
- **{p}：** 第四个要点。

{heading}

{p}：更深一层的推导、常见的错误答案、数字从哪里来。

**参考资料：**

- [{p}：论文或官方文档的标题](https://arxiv.org/abs/0000.00000)（{p} 等, 2025）
""",
    "en": """{p}: one lead sentence:

- **{p}:** The first point (formulas in `code`, with one worked number).
- **{p}:** The second point.
- **{p}:** The third point.
- **{p}:** The fourth point.

{heading}

{p}: the derivation, common wrong answers, where the numbers come from.

**Sources:**

- [{p}: the paper's or documentation page's title](https://arxiv.org/abs/0000.00000) ({p} et al., 2025)
""",
}

EXAMPLE = '''"""FILL ME IN: one line saying what this example shows."""


def main() -> None:
    print("FILL ME IN: compute something and print it")


if __name__ == "__main__":
    main()
'''


def next_number(layout: Layout) -> int:
    numbers = [int(p.stem) for lang in PLACEHOLDER for p in (layout.questions / lang).glob("*.md") if p.stem.isdigit()]
    return max(numbers, default=0) + 1


def scaffold(layout: Layout, slug: str, topic: str, difficulty: str, tags: list[str]) -> list[Path]:
    """Write zh/NN.md, en/NN.md and examples/<slug>.py; return them.  Refuses to overwrite."""
    number = next_number(layout)
    files = {layout.questions / lang / f"{number:02d}.md": lang for lang in ("zh", "en")}  # Chinese first
    example = layout.examples / f"{slug}.py"
    for path in [*files, example]:
        if path.exists():
            raise FileExistsError(f"{path} exists — choose another slug")
    for path, lang in files.items():
        p = PLACEHOLDER[lang]
        front = [
            "---",
            f"number: {number}",
            f"slug: {slug}",
            f"topic: {topic}",
            f"difficulty: {difficulty}",
            f"tags: [{', '.join(tags)}]",
            f"title: {p}{'？' if lang == 'zh' else '?'}",
            f"prompt: {p}",
        ]
        if lang == "en":  # checked against the Chinese as written now: changing it asks for the English to follow
            zh, _ = load_question(layout.questions / "zh" / f"{number:02d}.md", "zh", layout.root)
            assert zh is not None
            front.append(f"translated_from: {stamp(zh)}")
        body = BODY[lang].format(p=p, heading=NOTE_HEADING[lang])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join([*front, "---", "", body]), encoding="utf-8")
    example.parent.mkdir(parents=True, exist_ok=True)
    example.write_text(EXAMPLE, encoding="utf-8")
    return [*files, example]
