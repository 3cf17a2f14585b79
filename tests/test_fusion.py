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
