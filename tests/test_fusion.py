from qa.fusion import rrf
import pytest


def test_rrf_sums_reciprocal_ranks():
    fused = dict(rrf([["a", "b", "c"], ["b", "a"]], k=60))
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 63)


def test_rrf_agreement_beats_one_first_place():
    order = [i for i, _ in rrf([["x", "a"], ["y", "a"], ["z", "a"]], k=1)]
    assert order[0] == "a"


def test_rrf_ties_keep_first_seen_order_and_are_deterministic():
    assert [i for i, _ in rrf([["a", "b"], ["b", "a"]])] == ["a", "b"]
    assert rrf([["a", "b"], ["b", "a"]]) == rrf([["a", "b"], ["b", "a"]])


def test_rrf_weights_and_duplicates():
    fused = dict(rrf([["a"], ["b"]], k=0, weights=[1.0, 3.0]))
    assert fused == {"a": 1.0, "b": 3.0}
    assert dict(rrf([["a", "a", "b"]], k=0)) == {"a": 1.0, "b": 1 / 3}


def test_rrf_edge_cases():
    assert rrf([]) == []
    assert rrf([[], []]) == []
    with pytest.raises(ValueError):
        rrf([["a"]], weights=[1.0, 2.0])
    with pytest.raises(ValueError):
        rrf([["a"]], k=-1)


def test_convex_weights_scores_and_fills_missing_with_the_floor():
    from qa.fusion import convex

    fused = dict(convex([{"a": 0.9, "b": 0.8}, {"b": 1.0, "c": 0.5}], [1.0, 0.5]))
    assert fused["a"] == pytest.approx(0.9 + 0.5 * 0.5)   # missing from list 2: its floor 0.5
    assert fused["b"] == pytest.approx(0.8 + 0.5 * 1.0)
    assert fused["c"] == pytest.approx(0.8 + 0.5 * 0.5)   # missing from list 1: its floor 0.8
    assert [i for i, _ in convex([{"a": 1.0}, {}], [1.0, 1.0])] == ["a"]
    assert [i for i, _ in convex([{"x": 0.5, "y": 0.5}], [1.0])] == ["x", "y"]
    with pytest.raises(ValueError):
        convex([{"a": 1.0}], [1.0, 2.0])
