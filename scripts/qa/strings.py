"""Words the generator puts on pages, per language.  Content words live in content/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strings:
    prompt: str  # label before the question prompt
    answer: str  # summary of the collapsible answer
    index_title: str
    index_intro: str  # formatted with {count}
    number: str
    question: str
    topic: str
    previous: str
    next: str
    all_questions: str
    colon: str  # after a label, before its value


STRINGS: dict[str, Strings] = {
    "zh": Strings(
        prompt="题目：",
        answer="答案",
        index_title="全部题目",
        index_intro="共 {count} 道题，按主题分组。点击题目进入题目页，先思考，再展开答案。",
        number="编号",
        question="题目",
        topic="主题",
        previous="上一题",
        next="下一题",
        all_questions="全部题目",
        colon="：",
    ),
    "en": Strings(
        prompt="Question:",
        answer="Answer",
        index_title="All questions",
        index_intro="{count} questions, grouped by topic. Open a question, think it through, then reveal the answer.",
        number="No.",
        question="Question",
        topic="Topic",
        previous="Previous",
        next="Next",
        all_questions="All questions",
        colon=": ",
    ),
}
