"""Which document a subject names: unit tests on vectors, without the model."""
import numpy as np

from qa.naming import closest, profiles


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_profiles_average_a_documents_sentences_next_to_its_title():
    docs = profiles({"a.md": _unit(1, 0), "b.md": _unit(0, 1), "empty.md": _unit(1, 1)}, ["a.md", "a.md", "b.md"],
                    np.stack([_unit(1, 0), _unit(1, 1), _unit(0, 1)]))
    assert set(docs) == {"a.md", "b.md"}  # a document without sentences has no profile
    assert np.isclose(np.linalg.norm(docs["a.md"][1]), 1.0)


def test_the_closest_document_must_lead_clearly_and_agree_with_retrieval():
    docs = {"a.md": (_unit(1, 0), _unit(1, 0)), "b.md": (_unit(0, 1), _unit(0, 1))}
    assert closest(_unit(1, 0.1), docs, ["a.md", "b.md"]) == "a.md"
    assert closest(_unit(1, 0.1), docs, ["a.md", "b.md"], first="b.md") is None  # retrieval disagrees
    assert closest(_unit(1, 1), docs, ["a.md", "b.md"]) is None  # a tie names neither
    assert closest(_unit(0, 1), docs, ["a.md"]) == "a.md"  # the only document asked about
    assert closest(_unit(1, 0), docs, []) is None
