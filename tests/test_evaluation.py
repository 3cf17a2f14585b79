import json

import pytest

from qa.evaluation import (contains_answer, eval_language, eval_retrieval, first_hit_rank, mrr_at, normalize,
                           recall_at)


def test_rank_recall_mrr():
    ranks = [first_hit_rank(["a", "b", "c"], "a"), first_hit_rank(["b", "b", "c", "a"], "a"),
             first_hit_rank(["b", "c"], "a")]
    assert ranks == [1, 4, None]
    assert recall_at(ranks, 1) == pytest.approx(1 / 3)
    assert recall_at(ranks, 5) == pytest.approx(2 / 3)
    assert mrr_at(ranks, 10) == pytest.approx((1 + 1 / 4) / 3)
    assert mrr_at(ranks, 3) == pytest.approx(1 / 3)
    assert recall_at([], 5) == 0.0


def test_containment_normalisation():
    assert normalize("  L’Été\u00a0 À  Paris ") == "l'ete a paris"
    assert contains_answer("Il est né en ÉTÉ 1824.", ["été 1824"])
    assert not contains_answer("Rien ici.", ["été"])
    assert not contains_answer("texte", [""])


def test_language_eval(tmp_path):
    f = tmp_path / "l.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"fr": "Quel est le plus grand pays du monde ?", "en": "What is the largest country in the world?"},
        {"fr": "Qui a écrit Les Misérables ?", "en": "Who wrote Les Misérables?"}]), encoding="utf-8")
    res = eval_language(f)
    assert res["fr"]["accuracy"] == 1.0 and res["en"]["accuracy"] == 1.0 and res["en"]["n"] == 2


def test_retrieval_eval_end_to_end(tmp_path, base_settings, embedder):
    contexts = [
        ("c1", "Loire", "La Loire est le plus long fleuve de France. Elle se jette dans l'océan Atlantique à Saint-Nazaire."),
        ("c2", "Mont Blanc", "Le mont Blanc culmine à 4 806 mètres. Il est situé dans le massif des Alpes."),
        ("c3", "Victor Hugo", "Victor Hugo est né en 1802 à Besançon. Il a écrit Les Misérables."),
        ("c4", "Camembert", "Le camembert est un fromage normand. Il est fabriqué à partir de lait de vache."),
    ]
    questions = [("Où se jette la Loire ?", "c1", ["Saint-Nazaire"]), ("Quelle est l'altitude du mont Blanc ?", "c2", ["4 806"]),
                 ("En quelle année est né Victor Hugo ?", "c3", ["1802"]), ("Avec quel lait fait-on le camembert ?", "c4", ["vache"])]
    cf, qf = tmp_path / "c.jsonl", tmp_path / "q.jsonl"
    cf.write_text("\n".join(json.dumps({"context_id": i, "title": t, "context": c}) for i, t, c in contexts), encoding="utf-8")
    qf.write_text("\n".join(json.dumps({"question": q, "context_id": i, "answers": a}) for q, i, a in questions), encoding="utf-8")
    res = eval_retrieval(cf, qf, base_settings, index_dir=tmp_path / "idx")
    assert res["hybrid"]["R@1"] == 1.0 and res["hybrid"]["R@5"] == 1.0
    assert res["sizes"] == {**res["sizes"], "contexts": 4, "questions": 4, "chunks": 4}
    assert res["answers"]["containment"] >= 0.75
    assert set(res) == {"dense", "bm25", "hybrid", "answers", "sizes"}


def _reply(text="", found=True, cites=(), lang="fr"):
    from qa.types import Answer, Citation

    return Answer(text, lang, found, [Citation(n=i + 1, text=t, source=s, section="", start=0, end=len(t), score=0.9)
                                      for i, (t, s) in enumerate(cites)])


CASES = [  # (case, reply): every field of the contract, passing and failing
    ({"lang": "fr", "found": True, "answer": ["15 milliards"], "evidence": "total de 15"},
     _reply("15 milliards.", cites=[("pour un total de 15 milliards", "a.txt")])),
    ({"lang": "fr", "found": True, "answer": ["15 milliards"], "evidence": "total de 15"},
     _reply("10 milliards.", cites=[("Nvidia 10 milliards", "a.txt")])),
    ({"lang": "fr", "found": True, "answer": [], "answer_all": ["a", "b"], "min_citations": 2, "max_chars": 30},
     _reply("a b", cites=[("x", "a.txt"), ("x", "a.txt")])),
    ({"lang": "en", "found": False, "forbid": ["does not say"], "answer": ["hello"]}, _reply("Hello!", found=False, lang="en")),
    ({"lang": "en", "found": False}, _reply("The document does not say.", found=False, lang="en")),
    ({"lang": "fr", "found": False}, _reply("10.", cites=[("x", "a.txt")])),
    ({"lang": "fr", "found": True, "answer": [], "source": "cnil-007.md"}, _reply("x", cites=[("x", "docs/cnil-008.md")])),
    ({"lang": "fr", "found": True, "answer": [], "source": "cnil-007.md", "evidence_all": ["y", "x"]},
     _reply("x", cites=[("x", "docs/cnil-007.md")])),
    ({"lang": "fr", "found": True, "answer": ["z"]}, _reply("Je ne trouve pas.", found=False)),
]


def test_answer_checks_follow_the_contract_of_score_py():
    from qa.evaluation import check_case, outcome

    got = [outcome(case, res, check_case(case, res)) for case, res in CASES]
    assert got == ["correct", "wrong", "imprecise", "correct", "correct", "wrong", "wrong", "wrong", "abstained"]
    import importlib.util

    from qa.config import ROOT
    ref = ROOT.parent / "shared" / "eval" / "score.py"
    if not ref.is_file():
        pytest.skip("../shared/eval/score.py, the reference, is not here")
    spec = importlib.util.spec_from_file_location("score_ref", ref)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for case, res in CASES:  # the same verdict as the reference, case by case
        assert bool(check_case(case, res)) == bool(mod.check(case, res)), case
