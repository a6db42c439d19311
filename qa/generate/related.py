"""Related questions, derived from shared tags and topic (nothing to maintain by hand)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from qa.model import Question

MIN_RELATED, MAX_RELATED = 2, 4


def related_all(questions: list[Question]) -> list[list[Question]]:
    """For every question of one language (in list order): the two to four others
    that share the most with it.  A shared tag counts twice as much as a shared
    topic; ties go to the nearer number.

    Scores come from a tag and topic index, so each question looks only at the
    questions it shares something with, not at every other one (2,000 questions
    would mean 4 million comparisons).
    """
    with_tag: dict[str, list[int]] = defaultdict(list)
    in_topic: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(questions):
        for tag in set(q.tags):
            with_tag[tag].append(i)
        in_topic[q.topic].append(i)
    numbers = [q.number for q in questions]
    result = []
    for q in questions:
        score: Counter[int] = Counter()
        for tag in set(q.tags):
            for j in with_tag[tag]:
                score[j] += 2
        for j in in_topic[q.topic]:
            score[j] += 1
        # best score, then nearest number, then list order (as a stable sort of the list would)
        ranked = heapq.nsmallest(
            MAX_RELATED, ((-s, abs(numbers[j] - q.number), j) for j, s in score.items() if numbers[j] != q.number)
        )
        if len(ranked) < MIN_RELATED:  # too few share anything: the nearest numbers fill up
            rest = (j for j, n in enumerate(numbers) if j not in score and n != q.number)
            ranked += sorted((0, abs(numbers[j] - q.number), j) for j in rest)
        strong = [j for minus_score, _, j in ranked[:MAX_RELATED] if minus_score <= -2]
        chosen = strong if len(strong) >= MIN_RELATED else [j for _, _, j in ranked[:MIN_RELATED]]
        result.append([questions[j] for j in chosen])
    return result
