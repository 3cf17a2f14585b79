"""Fusion of ranked lists: reciprocal rank fusion and convex score fusion, small pure functions."""
from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence


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


def convex(scores: Sequence[Mapping[Hashable, float]], weights: Sequence[float]) -> list[tuple[Hashable, float]]:
    """Score fusion: score(id) = sum_i w_i * s_i(id), where a list that did not return ``id``
    gives it the lowest score it returned (0 for an empty list). Scores must be on comparable
    scales (cosines as they are, BM25 divided by its maximum). Best first, ties first-seen."""
    if len(weights) != len(scores):
        raise ValueError("one weight per score list")
    floor = [min(s.values()) if s else 0.0 for s in scores]
    ids = list(dict.fromkeys(i for s in scores for i in s))
    fused = {i: sum(w * s.get(i, f) for s, w, f in zip(scores, weights, floor)) for i in ids}
    order = {i: n for n, i in enumerate(ids)}
    return sorted(fused.items(), key=lambda kv: (-kv[1], order[kv[0]]))
