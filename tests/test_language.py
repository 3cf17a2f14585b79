import pytest

from qa.language import detect_language


@pytest.mark.parametrize("q", [
    "Combien Nvidia va-t-il investir ?", "Quand Anthropic a-t-elle ete fondee ?",  # no accents
    "Qui a fonde Anthropic", "Et Microsoft ?", "Combein Nvidia investit il", "c'est quoi Azure",
    "Quelle est la capitale de l'Australie ?",
])
def test_french(q):
    assert detect_language(q) == "fr"


@pytest.mark.parametrize("q", [
    "How much will Microsoft invest in Anthropic?", "Who founded Anthropic?", "And Microsoft?",
    "what were investers waiting for", "Where is Anthropic headquartered?", "When was the deal announced",
])
def test_english(q):
    assert detect_language(q) == "en"


def test_no_words_falls_back_to_default():
    assert detect_language("???", default="fr") == "fr"
    assert detect_language("42", default="en") == "en"


def test_the_model_is_asked_only_when_the_words_leave_it_open(monkeypatch):
    """Its vote lies in [-1, 1]: beyond that the words decide alone, and the first question of a
    process does not wait for the model to load (0.35 s here)."""
    import qa.language

    asked = []
    real = qa.language._detector()
    monkeypatch.setattr(qa.language, "_detector", lambda: asked.append(1) or real)
    assert detect_language("Combien Nvidia va-t-il investir dans Anthropic ?") == "fr" and not asked
    assert detect_language("How much will Microsoft invest in Anthropic?") == "en" and not asked
    assert detect_language("Twilight") == "en" and asked  # no function word: the model decides
