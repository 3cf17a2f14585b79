"""Reciprocal rank fusion: a small pure function, so it can be tested on its own."""
from __future__ import annotations

from collections.abc import Hashable, Sequence


def rrf(rankings: Sequence[Sequence[Hashable]], k: int = 60,
        weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Fuse ranked lists of ids: score(id) = sum_i w_i / (k + rank_i(id)), ranks from 1.

    An id missing from a list gets nothing from it. Ties keep first-seen order, so the result is
    deterministic. Returns (id, score) pairs, best first.
    """
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    if k < 0:
        raise ValueError("k must be >= 0")
    scores: dict[Hashable, float] = {}
    for ranking, w in zip(rankings, weights):
        seen = set()
        for rank, item in enumerate(ranking, start=1):
            if item in seen:  # a duplicate in one list counts once, at its best rank
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
