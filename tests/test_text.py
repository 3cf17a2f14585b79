from qa.text import analyze, fold, words


def test_elisions_accents_and_stems():
    assert analyze("L'investissement d'Anthropic") == analyze("investissements anthropic")
    assert "accord" in analyze("l’accord")  # typographic apostrophe
    assert analyze("électricité") == analyze("electricite")


def test_stop_words_dropped_numbers_kept():
    terms = analyze("Quelle est la part de 1,5 % ?")
    assert "quel" not in terms and "la" not in terms
    assert "1.5" in terms


def test_words_and_fold():
    assert words("Jusqu'à l'Agence") == ["a", "agence"]
    assert fold("Été") == "ete"
