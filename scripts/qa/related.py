"""Related questions, derived from shared tags and topic (nothing to maintain by hand)."""

from __future__ import annotations

from qa.model import Question

MIN_RELATED, MAX_RELATED = 2, 4


def related(q: Question, others: list[Question]) -> list[Question]:
    """Two to four questions of the same language that share the most with `q`.

    A shared tag counts twice as much as a shared topic; ties go to the nearer number.
    """

    def score(other: Question) -> int:
        return 2 * len(set(q.tags) & set(other.tags)) + (other.topic == q.topic)

    candidates = sorted(
        (o for o in others if o.number != q.number), key=lambda o: (-score(o), abs(o.number - q.number))
    )
    strong = [o for o in candidates if score(o) >= 2][:MAX_RELATED]
    return strong if len(strong) >= MIN_RELATED else candidates[:MIN_RELATED]
