import pytest

from qa.corpus import CorpusError, load_corpus, load_document, parse_front_matter

from conftest import ARTICLE


def test_article_front_matter():
    d = load_document(ARTICLE)
    assert d.title.startswith("Nvidia et Microsoft") and d.date == "2025-11-18" and d.lang == "fr"
    assert d.body.startswith("Le 18 novembre 2025")


def test_front_matter_absent_or_odd():
    assert parse_front_matter("pas de front matter\n---\n") == ({}, 0)
    meta, start = parse_front_matter("---\ntitle: \"A: B\"\n---\ncorps")
    assert meta == {"title": "A: B"} and start == len("---\ntitle: \"A: B\"\n---\n")


@pytest.mark.parametrize("name, content, message", [
    ("vide.txt", b"", "empty document"),
    ("blancs.txt", b"   \n\n\t", "empty document"),
    ("fm_seul.md", b"---\ntitle: x\n---\n", "empty document"),
    ("latin1.txt", "Café à Paris".encode("latin-1"), "not valid UTF-8"),
    ("binaire.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
])
def test_bad_documents_are_named(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    assert name in str(err.value) and message in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_document(tmp_path / "absent.txt")
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "absent")
    with pytest.raises(CorpusError, match="no documents"):
        load_corpus(tmp_path)
