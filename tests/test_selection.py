"""Sentence selection pieces on hand-made cases: answer spans, name grounding, the scoring features."""
import pytest

from qa.answer_types import AMOUNT, COUNT, DATE, NAME, PLACE, find_spans
from qa.capitals import new_name as _new_name
from qa.selection import _ORDINAL, _grounded, _one_edit
from qa.text import word_set


def spans(text, kind):
    return [text[a:b] for a, b in find_spans(text, kind)]


@pytest.mark.parametrize("text, expected", [
    ("Le siège est à Paris.", ["Paris"]),
    ("La grève commence chez Renault.", ["Renault"]),
    ("Le match a lieu au stade Amédée-Prouvost.", ["stade Amédée-Prouvost"]),
    ("La salle de négoce est au rez-de-chaussée.", ["rez-de-chaussée"]),
    ("Il fut professeur à l'université Columbia.", ["université Columbia"]),
    ("Ils investissent dans l'intelligence artificielle.", []),  # a subject, not a place
    ("Claude sera mis à disposition des clients.", []),
])
def test_place_spans(text, expected):
    assert spans(text, PLACE) == expected


def test_a_month_is_a_whole_word_and_a_pronoun_names_no_one():
    # "mai" of "mairie" is no date; the days of the week are (when it opens)
    assert spans("La mairie est ouverte du lundi au vendredi.", DATE) == ["lundi", "vendredi"]
    assert spans("Le marché ouvre en mai 2024 et ferme mi-juin.", DATE) == ["en mai 2024", "mi-juin"]
    s = "La mairie est ouverte. Elle a rappelé que Hélène Marchand est la maire. Cette année, Le Monde écrit."
    assert spans(s, NAME) == ["Hélène Marchand", "Le Monde"]
    assert spans("Selon Marie Curie, le radium émet. Après Google vient Meta.", NAME) == ["Marie Curie", "Google", "Meta"]


@pytest.mark.parametrize("text, expected", [
    ("La femelle mesure 4,5 mètres et pèse 600 kilogrammes.", ["4,5 mètres", "600 kilogrammes"]),
    ("Nvidia investira 10 milliards de dollars.", ["10 milliards de dollars"]),
    ("Le 18 novembre 2025, il avait 30 ans.", []),  # a date and an age are not amounts
    ("Il comprend une surface de vente de 85 m², une réserve de 30 m² et une cave de 12 m².", ["85 m²", "30 m²", "12 m²"]),
    ("Un aérosol d'une capacité inférieure à 100 ml, sur un terrain de 2 ha ou de 40 mètres carrés.",
     ["inférieure à 100 ml", "2 ha", "40 mètres carrés"]),
    ("Elle en avait 3 l'an dernier, voir l'article 2 l. 121-1.", []),  # "l" is no litre
    ("Une cuve de 20 m³.", ["20 m³"]),
])
def test_amount_spans(text, expected):
    assert spans(text, AMOUNT) == expected


def test_one_letter_off_names_are_found_only_when_long_enough():
    assert _one_edit("exelsior", "excelsior") and _one_edit("domunik", "dominik") and _one_edit("abc", "abd")
    assert not _one_edit("antochios", "antiochos") and not _one_edit("abcdef", "abcdgh")
    context = word_set("L'Excelsior Athlétic Club joue à Roubaix. Marie arrive.")
    assert _grounded("Exelsior", context, typos=True) and not _grounded("Exelsior", context)
    assert not _grounded("Maria", context, typos=True)  # five letters: a different name, not a typo


def test_ordinals_and_small_numbers_are_not_names():
    assert all(_ORDINAL.fullmatch(x) for x in ["2ème", "1er", "3e", "3"])
    assert not any(_ORDINAL.fullmatch(x) for x in ["1775", "VIII", "Henri"])


def test_a_who_question_wants_a_name_it_does_not_ask_about():
    asked = set(word_set("Qui a fondé Anthropic ?"))
    assert _new_name("Anthropic a été fondée par Dario Amodei.", asked)
    assert not _new_name("Anthropic a été fondée en 2021 par d'anciens employés.", asked)
    assert not _new_name("Fondée en 2021, elle emploie mille personnes.", asked)  # opening capital only
    # the capital that opens a list item after a colon is no name ("… suivantes : Identité des personnes")
    # when the documents write the word as a common word; a name after a colon still is one
    items = "Le fichier contient les informations suivantes : Identité des personnes."
    assert not _new_name(items, asked, common=frozenset({"identite"}))
    assert _new_name("Responsable du traitement : Orange.", asked, common=frozenset({"identite"}))


def test_a_common_noun_that_opens_the_question_is_not_a_name():
    from qa.retrieval import Hit
    from qa.capitals import opening_word as _opening_word
    from qa.types import Chunk

    def hits(*texts):
        return [Hit(Chunk(id=str(i), doc_id="d", source="d", title="", section="", index=i, start=0, end=len(t),
                          text=t, sentences=()), 1.0, 0.9, 1.0) for i, t in enumerate(texts)]
    q = "Démarchage par courriel : faut-il mon accord ?"
    assert _opening_word("Démarchage", q, hits("Le démarchage par téléphone est encadré."))
    assert not _opening_word("Démarchage", q, hits("Rien à voir."))  # nothing says it is a common word
    assert not _opening_word("Nvidia", "Nvidia a-t-il investi ?", hits("Le groupe Nvidia investit."))
    assert not _opening_word("Orange", "Orange a-t-il répondu ?", hits("Une orange. La société Orange a répondu."))
    assert not _opening_word("CNIL", "CNIL : que faire ?", hits("la cnil"))  # acronyms stay names
    # the retrieved passages do not say, but all the documents write "dire" as a common word
    q = "Dire que je porte une arme, est-ce un motif légitime ?"
    assert _opening_word("Dire", q, hits("Rien à voir."), common=frozenset({"dire"}))
    assert not _opening_word("Dire", q, hits("Rien à voir."))
    # the word that heads a label names its topic, which the passage must name
    q = "Démarchage par fax : que faire ?"
    assert not _opening_word("Démarchage", q, hits("Rien à voir."), common=frozenset({"demarchage"}))


def test_the_lexicon_tells_common_words_from_names():
    from qa.lexicon import Lexicon
    from qa.types import Chunk

    texts = ["Il faut dire la vérité. Dire non est permis.", "La société Orange a répondu. Une orange est un fruit.",
             "Selon le Règlement européen sur la protection des données (RGPD), tout est dit.",
             "La CNIL a sanctionné “Free”. Le free jazz.", "Le fichier contient : Identité des personnes, identité.",
             "Le système d'information (SI) est sûr. Si la caméra filme, les images restent."]
    lex = Lexicon(Chunk(id=str(i), doc_id="d", source=f"d{i}", title="", section="", index=0, start=0,
                        end=len(t), text=t) for i, t in enumerate(texts))
    assert "dire" in lex.common and "orange" not in lex.common  # capitalised inside a sentence once
    assert "free" not in lex.common and "identite" in lex.common  # in quotes a name; after a colon, an item
    # "SI" spelt out is no acronym: "si" is a stop word, and "Si la caméra…" would say "système d'information"
    assert lex.aliases == {"RGPD": "Règlement européen sur la protection des données"}
    assert lex.known("vérités") and lex.known("protections") and not lex.known("licenciement")
    # "protecting" shares only its first letters with "protection": known, but not written, so an
    # English question's word is still bridged to the French one it means
    assert lex.known("protecting") and not lex.writes("protecting") and lex.writes("vérités")


def test_the_agent_of_a_passive_verb_answers_who():
    from qa.agents import agent

    assert agent("Les sanctions sont prononcées par la formation restreinte.", "Qui prononce les sanctions ?") == \
        "la formation restreinte"
    # the agent of one founding is not the founder of the name it mentions
    founding = "Anthropic, fondée en 2021 par d'anciens employés d'OpenAI, se positionne."
    assert agent(founding, "Qui a fondé Anthropic ?", ["Anthropic"]) == "d'anciens employés d'OpenAI"
    assert agent(founding, "Qui a fondé OpenAI ?", ["OpenAI"]) is None
    assert agent("Le texte a été voté par le Parlement.", "Qui prononce les sanctions ?") is None  # another verb
    # an FAQ label before the question: "Préventel : qui peut le consulter ?" asks who
    assert agent("Le fichier peut être consulté par le GIE Préventel.", "Préventel : qui peut le consulter ?",
                 ["Préventel"]) == "le GIE Préventel"
    assert agent("Les sanctions sont prononcées par la formation restreinte.", "Quand les sanctions sont-elles prononcées ?") is None
    # one agent per group: the one of the group asked (a new-user trial got the first), or none
    leave = ("Elles sont approuvées par le chef d'équipe pour les compagnons de l'atelier et les poseurs, et par "
             "Mme Isabelle Durand, directrice administrative, pour le personnel de bureau.")
    assert agent(leave, "Qui approuve les demandes de congés du personnel de bureau ?") == "Mme Isabelle Durand"
    assert agent(leave, "Qui approuve les congés des poseurs ?").startswith("le chef d'équipe")
    assert agent(leave, "Qui approuve les demandes de congés ?") is None
    same_words = ("Les congés sont approuvés par le chef d'équipe pour les congés des compagnons, et par Mme Isabelle "
                  "Durand pour les congés du personnel de bureau.")  # the topic's own words name no group
    assert agent(same_words, "Qui approuve les congés du personnel de bureau ?").startswith("Mme Isabelle Durand")
    # the agent of another thing than the one asked: the orchestra's conductor does not run the school
    orchestra = "L'orchestre junior, dirigé par Thomas Girardin, répète le mercredi."
    assert agent(orchestra, "Qui dirige l'école de musique Arpège ?") is None
    assert agent(orchestra, "Qui dirige l'orchestre junior ?") == "Thomas Girardin"
    from qa.selection import refers_back
    assert refers_back("Il est organisé par l'association.") and not refers_back("Il est interdit de fumer.")
    # a participle after "est … de" is no impersonal (a review): "Il" is who is in charge
    assert refers_back("Il est chargé de la comptabilité.") and refers_back("It was founded in 2021.")
    assert not refers_back("Il y a deux salles.") and not refers_back("It is mandatory to sign.")


@pytest.mark.parametrize("query, expected", [
    ("Combien d'employés compte Anthropic ?", None),  # "les trois sociétés" are not its employees
    ("How many employees does Anthropic have?", None),
    ("Combien de sociétés annoncent une collaboration ?", "trois"),  # the noun asked: it counts them
])
def test_a_number_after_les_counts_only_the_noun_it_names(query, expected):
    from qa.answer_types import COUNT
    from qa.locate import locate

    got, _ = locate("Les trois sociétés annoncent une collaboration en ingénierie.", COUNT, query)
    assert (got.lower() if got else got) == expected


def test_a_count_stated_without_les_still_answers_a_paraphrase():
    from qa.answer_types import COUNT
    from qa.locate import locate

    got, _ = locate("En 2016, elle compte 2 877 215 habitants.", COUNT, "Combien de Romains a-t-on dénombré ?")
    assert got == "2 877 215"


def test_a_count_narrowed_by_the_word_after_its_noun():
    from qa.answer_types import COUNT
    from qa.locate import locate

    vote = "Le conseil a adopté le budget le 12 mars 2024, par 19 voix pour et 4 contre."
    assert locate(vote, COUNT, "Combien de voix contre le budget ?")[0] == "4"  # was "19"
    assert locate(vote, COUNT, "Combien de voix le budget a-t-il reçu ?")[0] == "19"
    # an ordinal ranks: "1er septembre" counts no one
    price = "Le repas passera à 3,60 euros à compter du 1er septembre, par 20 voix pour et 5 contre."
    assert locate(price, COUNT, "Combien de conseillers ont voté ?")[0] != "1"
    hall = "La salle compte 300 places dont 120 assises."
    assert locate(hall, COUNT, "Combien de places assises compte la salle ?")[0] == "120"
    assert locate(hall, COUNT, "Combien de places compte la salle ?")[0] == "300"


def test_a_place_noun_the_sentence_goes_on_describing_is_no_short_answer():
    from qa.locate import cut_short

    assert cut_short("Adressez-vous au centre communal d'action sociale de votre mairie,", "centre")
    assert not cut_short("Le match a lieu au stade.", "stade")
    assert not cut_short("Ils se retrouvent au centre Pompidou pour l'exposition.", "centre Pompidou")
    assert not cut_short("Le centre commercial ferme tôt. Rendez-vous au centre.", "centre")  # where it says where


@pytest.mark.parametrize("query, expected", [
    ("Combien d'électricité consomment les centres de données ?", "de l'ordre de 1,5 %"),  # a mass: measured
    ("Combien d'employés consomment de l'électricité ?", None),  # people are counted, not in percent
    ("How many people use electricity?", None),  # English says "how much" for a mass, not the noun
])
def test_a_mass_noun_after_combien_is_answered_by_a_measure(query, expected):
    from qa.answer_types import COUNT
    from qa.locate import locate

    s = "Elle atteint une part de l'ordre de 1,5 % de la consommation mondiale d'électricité."
    assert locate(s, COUNT, query)[0] == expected


def test_a_count_still_wins_over_a_measure_after_a_misspelt_singular():
    from qa.answer_types import COUNT
    from qa.locate import locate, mass

    assert mass("Combien d'eau ?") and not mass("Combien d'entre eux ?") and not mass("Combien de leur budget ?")

    s = "Anthropic compte 2500 personnes et a levé 10 milliards de dollars."
    assert locate(s, COUNT, "Combien de personne travaillent chez Anthropic ?")[0] == "2500"


@pytest.mark.parametrize("question, expected", [
    ("When can my employer open my personal files while I'm away?", None),  # in which cases
    ("Quand peut-on refuser d'être inscrit ?", None),
    ("When must the form be returned?", "date"),  # by when
    ("Quand faut-il faire sa demande de DSE ?", "date"),
    ("When did Nvidia announce the deal?", "date"),
    ("What is Anthropic's valuation?", "amount"),  # a valuation is an amount
    ("Quelle est la valorisation d'Anthropic ?", "amount"),
    # how soon, how far ahead, within what time: a lapse of time, not a date nor no kind at all
    ("How far ahead of the wedding date must two foreign nationals apply?", "duration"),
    ("How quickly must location data be anonymised?", "duration"),
    ("How quickly did the company grow?", None),  # at what pace, not how long
    ("Within what time must the landlord answer?", "duration"),
    ("Quel est le préavis pour quitter le logement ?", "duration"),
    ("What time does the pool open on Saturday?", "date"),
])
def test_a_when_of_permission_asks_in_which_cases(question, expected):
    from qa.answer_types import question_type

    assert question_type(question) == expected


@pytest.mark.parametrize("question, expected", [
    # a "quand" / "when" after the question word opens a clause: the question word decides
    ("Dans quel délai la CNIL traite-t-elle une réclamation quand l'organisme ne m'a pas répondu ?", "duration"),
    ("What is the monthly cap on earnings taken into account when calculating the SJR?", None),
    ("How long does the CNIL take to deal with a complaint when the organisation hasn't replied?", "duration"),
    ("Que se passe-t-il quand je déménage ?", None),
    # still a date: "quand" asks, first, last, or after no other question word
    ("Le mariage a-t-il lieu quand ?", "date"),
    ("Depuis quand la loi existe-t-elle ?", "date"),
    ("Do you know when Anthropic was founded?", "date"),
    ("Comment savoir quand mon dossier sera traité ?", "date"),  # the "quand" is what is asked
    ("Sait-on quand la loi entre en vigueur ?", "date"),
    ("How can I find out when my benefit will be paid?", "date"),
    ("Comment et quand déclarer ?", "date"),  # two questions joined
    ("Which documents are needed and when should they be sent?", "date"),
    ("Que faire quand on ne sait pas où aller ?", None),  # nor does the clause ask where
])
def test_a_when_after_the_question_word_does_not_ask_for_a_date(question, expected):
    from qa.answer_types import question_type

    assert question_type(question) == expected


def test_a_period_answers_whole_and_a_date_the_question_states_is_no_answer():
    from qa.answer_types import DATE
    from qa.english import to_english
    from qa.locate import locate

    s = "Pour l'année universitaire 2020-2021, vous devez saisir votre demande entre le 15 janvier et le 15 mai 2020."
    got, _ = locate(s, DATE, "Quand faut-il faire sa demande pour l'année universitaire 2020-2021 ?")
    assert got == "entre le 15 janvier et le 15 mai 2020"
    assert to_english(got, DATE) == "between January 15 and May 15, 2020"
    # the first day of a period may be written without its month
    fete = "La quatorzième édition de la Fête de la Loire se tiendra du 5 au 7 juillet 2024 sur les quais."
    got, _ = locate(fete, DATE, "Quand a lieu la Fête de la Loire ?")
    assert got == "du 5 au 7 juillet 2024"  # was "7 juillet 2024", the last day alone
    assert to_english(got, DATE) == "from July 5, 2024 to July 7, 2024"


@pytest.mark.parametrize("sentence, expected", [
    ("La procédure dure deux à trois ans.", "deux à trois ans"),  # was "à trois ans", read "3 years"
    ("Au bout de vingt et un jours.", "vingt et un jours"),       # was "un jours"
    ("Comptez entre 2 et 3 semaines.", "entre 2 et 3 semaines"),
    ("It takes a year.", "a year"),
    # was "1 mois": the question how far ahead to apply wants the whole lapse
    ("La demande doit être faite au moins 1 mois et 10 jours avant la date souhaitée.", "1 mois et 10 jours"),
    ("Les données doivent être rendues anonymes dans des délais très brefs, quelques minutes au plus.",
     "quelques minutes"),  # was no duration at all: "Dans quel délai… ?" abstained
])
def test_a_duration_is_read_whole(sentence, expected):
    from qa.answer_types import DURATION, find_spans

    assert [sentence[a:b] for a, b in find_spans(sentence, DURATION)] == [expected]


@pytest.mark.parametrize("span, kind, expected", [
    ("Cinq ans", "duration", "5 years"),           # "Cinq ans." answered "How long do you stay on the FICP?"
    ("un mois", "duration", "1 month"),
    ("environ trois mois", "duration", "about 3 months"),
    ("1 mois et 10 jours", "duration", "1 month and 10 days"),
    ("quelques minutes", "duration", "a few minutes"),
    ("quarante-deux", "count", "42"),
    ("Trois", "count", "3"),
    ("vingt et un jours", "duration", "21 days"),
    ("deux à trois ans", "duration", "2 to 3 years"),   # a range is one answer
    ("entre 2 et 3 ans", "duration", "between 2 and 3 years"),
    ("quinze premiers jours", "duration", "quinze premiers jours"),  # an ordinal keeps its words
    # "When will the pool works end?" led with the French "En septembre 2024."
    # sums and shares in words, and counts in millions (were left in French, or "3 1000000")
    ("quatre-vingt-cinq mille euros", "amount", "€85,000"),
    ("trois millions de dollars", "amount", "$3 million"),
    ("douze euros", "amount", "€12"),
    ("quinze pour cent", "percent", "15%"),
    ("près de 3 millions", "count", "nearly 3 million"),
    ("30 €", "amount", "€30"),  # a fee table's symbol (was left as "30 €")
    ("3,50 €", "amount", "€3.50"),
    ("en septembre 2024", "date", "in September 2024"),
    ("début 2025", "date", "early 2025"),
    ("fin octobre", "date", "late October"),
])
def test_numbers_in_words_read_as_digits_in_an_english_reply(span, kind, expected):
    from qa.english import to_english

    assert to_english(span, kind) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("À partir du 15 e jour calendaire après la demande, les sommes produiront des intérêts.", None),
    ("Le congé commence au 3ème mois de la grossesse.", None),
    ("Les intérêts courent à partir du 15e jour.", None),
    ("Les intérêts courent à partir du 15ème jour.", None),
    ("Le versement a lieu au troisième mois.", None),
    ("Interest runs from the 21st day.", None),
    ("Le remboursement intervient dans un délai de 15 jours.", "15 jours"),
])
def test_an_ordinal_is_a_point_in_time_not_a_duration(sentence, expected):
    from qa.answer_types import DURATION
    from qa.locate import locate

    got, _ = locate(sentence, DURATION, "Dans quel délai dois-je rembourser la banque ?")
    assert got == expected


def test_values_given_per_group_answer_for_the_group_asked_or_all_together():
    from qa.answer_types import AMOUNT, COUNT
    from qa.locate import locate

    concert = "L'entrée au concert du samedi coûte 12 euros pour les adultes et 6 euros pour les moins de 18 ans."
    both = "12 euros pour les adultes et 6 euros pour les moins de 18 ans"
    assert locate(concert, AMOUNT, "Combien coûte le concert pour les adultes ?")[0] == "12 euros"
    assert locate(concert, AMOUNT, "Combien coûte le concert pour les moins de 18 ans ?")[0] == "6 euros"
    # a group the sentence does not name, or none: no single price answers (was "12 euros")
    assert locate(concert, AMOUNT, "Combien coûte le concert pour un enfant ?")[0] == both
    assert locate(concert, AMOUNT, "Combien coûte le concert ?")[0] == both
    meal = "Le repas coûte 3,20 euros pour les familles valmontaises et 5,10 euros pour les familles extérieures."
    # "familles" names both groups: the word that tells them apart decides
    assert locate(meal, AMOUNT, "Combien coûte le repas pour les familles extérieures ?")[0] == "5,10 euros"
    # groups told apart by every word asked: "résidents" is not "non-résidents"
    card = "La carte coûte 42 € pour les résidents et 58 € pour les non-résidents."
    assert locate(card, AMOUNT, "Combien coûte la carte pour les résidents ?")[0] == "42 €"  # was "58 €"
    assert locate(card, AMOUNT, "Combien coûte la carte pour les non-résidents ?")[0] == "58 €"
    # a year is a group too, and the noun need not be written again
    members = "Le club comptait 118 adhérents en 2023 et 142 en 2025."
    assert locate(members, COUNT, "Combien d'adhérents en 2025 ?")[0] == "142"  # was "118"
    assert locate(members, COUNT, "Combien d'adhérents compte le club ?")[0] == "118 adhérents en 2023 et 142 en 2025"
    # a year in brackets after the value says what it is for, as a word does (a review)
    fees = "Cotisation : 150 € (2024) ; 165 € (2025)."
    assert locate(fees, AMOUNT, "Combien coûte la cotisation en 2025 ?")[0] == "165 €"
    assert locate(fees, AMOUNT, "Combien coûte la cotisation en 2024 ?")[0] == "150 €"
    # what the money is for, not whom, and values of two owners are no list of groups
    chips = "Nvidia investit 10 milliards de dollars pour ses puces et Microsoft 5 milliards de dollars pour le cloud."
    assert locate(chips, AMOUNT, "Combien Microsoft investit-il ?")[0] == "5 milliards de dollars"
    rent = "Le loyer est de 800 euros par mois, et la caution de 1600 euros pour le propriétaire."
    assert locate(rent, AMOUNT, "Quel est le loyer ?")[0] == "800 euros"


def test_a_group_the_sentence_gives_no_value_for_leads_with_none():
    from qa.answer_types import AMOUNT, COUNT, DURATION
    from qa.locate import undecided

    pass_ = "L'abonnement mensuel illimité coûte 29 € pour les résidents."
    assert undecided(pass_, AMOUNT, "Combien coûte l'abonnement pour un non-résident ?")  # led with "29 €"
    assert not undecided(pass_, AMOUNT, "Combien coûte l'abonnement pour un résident ?")
    assert not undecided(pass_, AMOUNT, "Combien coûte l'abonnement ?")
    # "pour" before a verb says what for: "1 an pour réagir" answers "pour appliquer la révision"
    delay = "Le propriétaire dispose d'1 an pour réagir."
    assert not undecided(delay, DURATION, "De combien de temps dispose-t-il pour appliquer la révision ?")
    vote = "Le budget a été adopté par 19 voix pour et 4 contre."
    assert not undecided(vote, COUNT, "Combien de voix pour le budget ?")


def test_a_change_or_a_range_of_values_answers_as_a_whole():
    from qa.answer_types import AMOUNT, DURATION, PERCENT
    from qa.locate import locate

    rise = "Le prix du repas à la cantine passe de 3,40 euros à 3,60 euros à compter du 1er septembre 2025."
    assert locate(rise, AMOUNT, "Combien coûte le repas à la cantine ?")[0] == "de 3,40 euros à 3,60 euros"  # was "3,40 euros"
    assert locate("Le loyer varie entre 500 et 700 euros.", AMOUNT, "Quel est le loyer ?")[0] == "entre 500 et 700 euros"
    assert locate("Le taux passe de 5 % à 7 %.", PERCENT, "Quel est le taux ?")[0] == "de 5 % à 7 %"
    assert locate("La peine va de 1 an à 3 ans de prison.", DURATION, "Combien de temps dure la peine ?")[0] == \
        "de 1 an à 3 ans"
    budget = "Le budget passe de 2 millions d'euros en 2023 à 3 millions d'euros en 2024."
    assert locate(budget, AMOUNT, "Quel est le budget ?")[0] == "2 millions d'euros en 2023 à 3 millions d'euros en 2024"
    assert locate(budget, AMOUNT, "Quel est le budget en 2024 ?")[0] == "3 millions d'euros"
    # values of two kinds side by side, or words that open and join no range: no range
    for sentence, first in [("Un prêt de 10 000 euros à 2 %.", "10 000 euros"),
                            ("Il a reçu une prime de 500 euros et 200 euros de bonus.", "500 euros"),
                            ("Une amende de 20 000 euros et 10 % du chiffre d'affaires.", "20 000 euros")]:
        assert locate(sentence, AMOUNT, "Quel est le montant ?")[0] == first, sentence


def test_dates_that_follow_different_verbs_lead_only_for_the_verb_asked():
    from qa.answer_types import DATE
    from qa.locate import undecided

    works = "Le budget des travaux sera voté en septembre 2024 et versé en juin 2025."
    # "réalisés" is neither verb: which date is asked is not known
    assert undecided(works, DATE, "Quand les travaux de la piscine seront-ils réalisés ?")
    assert not undecided(works, DATE, "Quand le budget sera-t-il voté ?")
    assert not undecided(works, DATE, "Quand le budget sera-t-il versé ?")
    assert not undecided("Le budget sera voté en septembre 2024.", DATE, "Quand les travaux seront-ils réalisés ?")
    # an end asked for and a date said to end: qa/bounds.py decides ("se termineront" / "s'achever")
    from qa.locate import locate
    ends = "Les travaux débuteront en septembre 2024 et doivent s'achever en juin 2025."
    assert locate(ends, DATE, "Quand les travaux de la piscine se termineront-ils ?")[0] == "en juin 2025"
    assert undecided("Les travaux débuteront en septembre 2024.", DATE, "Quand les travaux se termineront-ils ?")


def test_amounts_given_to_named_recipients_answer_for_the_recipient_asked():
    from qa.answer_types import AMOUNT
    from qa.locate import locate, undecided

    grants = ("Le conseil a attribué les subventions suivantes : 3 500 euros au Football Club Saint-Aubin, 1 200 "
              "euros à l'association Les Amis du Patrimoine, 800 euros au Comité des fêtes et 2 000 euros à la "
              "Banque alimentaire de la Loire.")
    # was "2 000 euros", the figure after the name
    assert locate(grants, AMOUNT, "Quel montant a été attribué au Comité des fêtes ?")[0] == "800 euros"
    assert locate(grants, AMOUNT, "Quel montant a été attribué aux Amis du Patrimoine ?")[0] == "1 200 euros"
    assert locate(grants, AMOUNT, "How much did the Football Club Saint-Aubin receive?")[0] == "3 500 euros"
    assert undecided(grants, AMOUNT, "Quel montant a été attribué au club de tennis ?")  # not listed


def test_a_measure_is_read_for_the_part_asked():
    from qa.locate import locate

    shop = "Il comprend une surface de vente de 85 m², une réserve de 30 m² et une cave de 12 m²."
    assert locate(shop, AMOUNT, "Quelle est la surface de la réserve ?")[0] == "30 m²"
    assert locate(shop, AMOUNT, "Quelle est la surface de la cave ?")[0] == "12 m²"
    # the place after the group asked is where, not whom
    fees = "L'accès est payant : 15 € par m³ de déchets verts, 22 € par m³ de tout-venant et 35 € par m³ de gravats."
    assert locate(fees, AMOUNT, "Combien paie un professionnel pour un m³ de gravats à la déchetterie ?")[0] == "35 €"


def test_an_hourly_rate_written_without_par_answers_the_hour_asked():
    from qa.locate import locate

    plan = "Abonnement Liberté : 0 euro par mois, 3,50 euros de l'heure"
    assert locate(plan, AMOUNT, "Quel est le prix d'une heure avec l'abonnement Liberté ?")[0] == "3,50 euros"
    assert locate(plan, AMOUNT, "Quel est le tarif horaire de l'abonnement Liberté ?")[0] == "3,50 euros"
    assert locate(plan, AMOUNT, "Combien coûte l'abonnement Liberté par mois ?")[0] == "0 euro"


def test_how_many_times_counts_occurrences_and_a_rent_is_money():
    from qa.answer_types import COUNT
    from qa.locate import locate

    lift = "L'ascenseur a été en panne à 11 reprises depuis janvier, dont une panne de neuf jours en juillet."
    assert locate(lift, COUNT, "Combien de fois l'ascenseur est-il tombé en panne ?")[0] == "11"
    # a rise of 3 % is no rent
    assert locate("Le bailleur prévoit une hausse de loyer de 3 %.", AMOUNT, "Quel est le montant du loyer ?")[0] is None
    assert spans("Inscription auprès de la gardienne, Mme Sophie Carré, ou d'Émilie Durand.", NAME) == \
        ["Mme Sophie Carré", "Émilie Durand"]


def test_a_date_given_for_another_purpose_does_not_lead():
    from qa.locate import undecided

    summer = "La maison de santé sera fermée du 4 août 2025 au 22 août 2025 inclus pour les congés d'été."
    assert undecided(summer, DATE, "Jusqu'à quelle date la maison de santé est-elle fermée pour les fêtes de fin d'année ?")
    assert not undecided(summer, DATE, "Quand la maison de santé est-elle fermée pour les congés d'été ?")
    assert not undecided(summer, DATE, "Quand la maison de santé est-elle fermée ?")


def test_the_words_after_the_counted_noun_pick_the_number_they_follow():
    from qa.answer_types import COUNT
    from qa.locate import locate

    present = "Sur les 23 conseillers en exercice, 19 étaient présents et 2 étaient représentés."
    assert locate(present, COUNT, "Combien de conseillers étaient présents ?")[0] == "19"  # was "2"
    assert locate(present, COUNT, "How many councillors were present?")[0] == "19"
    assert locate(present, COUNT, "Combien de conseillers étaient représentés ?")[0] == "2"
    assert locate(present, COUNT, "Combien de conseillers compte le conseil ?")[0] == "23"


def test_a_place_asked_is_not_compared_with_the_years_of_a_list():
    from qa.answer_types import COUNT
    from qa.locate import locate, undecided

    census = "Tirana comptait 418 495 habitants en 2011 et 557 422 en 2023."
    # "à Tirana" is no year: the whole list answers, not an abstention for a group not listed
    assert not undecided(census, COUNT, "Combien d'habitants à Tirana ?")
    assert locate(census, COUNT, "Combien d'habitants à Tirana ?")[0] == "418 495 habitants en 2011 et 557 422 en 2023"
    assert locate(census, COUNT, "Combien d'habitants à Tirana en 2023 ?")[0] == "557 422"


def test_the_end_of_a_period_asked_for_is_the_date_said_to_end_it():
    from qa.answer_types import DATE
    from qa.locate import locate, undecided

    lease = "Le bail est conclu pour une durée de neuf ans, à compter du 1er juillet 2023 et jusqu'au 30 juin 2032."
    assert locate(lease, DATE, "Quand le bail prend-il fin ?")[0] == "30 juin 2032"  # was "1er juillet 2023"
    assert locate(lease, DATE, "When does the lease end?")[0] == "30 juin 2032"
    assert locate(lease, DATE, "Quand le bail commence-t-il ?")[0] == "1er juillet 2023"
    # only the start is given: it does not say when the works end
    assert undecided("Les travaux débuteront à partir du 7 juillet.", DATE, "Quand les travaux se termineront-ils ?")
    assert not undecided("Les travaux débuteront à partir du 7 juillet.", DATE, "Quand les travaux commencent-ils ?")


def test_a_value_per_unit_of_time_answers_for_the_rate_asked():
    from qa.answer_types import AMOUNT, question_type
    from qa.locate import locate, undecided

    students = "- Étudiants (sur présentation de la carte d'étudiant, jusqu'à 26 ans) : 210 € par an ou 24 € par mois."
    # was no lead: "pour un étudiant" was compared with "par an" / "par mois" as if they were groups of people
    assert locate(students, AMOUNT, "Combien coûte l'abonnement mensuel pour un étudiant ?")[0] == "24 €"
    assert locate(students, AMOUNT, "How much is the annual fee for students?")[0] == "210 €"
    assert locate(students, AMOUNT, "Combien coûte l'abonnement par mois ?")[0] == "24 €"
    assert locate(students, AMOUNT, "Combien coûte l'abonnement pour un étudiant ?")[0] == "210 € par an ou 24 € par mois"
    # only a yearly price: it does not say the monthly one
    retired = "- Retraités : 250 € par an ; la formule mensuelle n'est pas proposée aux retraités."
    assert undecided(retired, AMOUNT, "Quel est le tarif mensuel pour un couple ?")
    assert not undecided(retired, AMOUNT, "Combien paient les retraités ?")
    # a price by any name asks for an amount
    assert question_type("Quel est le tarif annuel pour un enfant ?") == "amount"

    assert question_type("Quels frais sont remboursés par la Sécurité sociale ?") is None  # which ones: a list
    assert question_type("What is the monthly rent?") == "amount"
    # a fine is a sum of money: a sentence about consent, without one, does not say it (cnil parity)
    assert question_type("Quelle est l'amende pour l'envoi de SMS publicitaires sans mon accord ?") == "amount"
    assert question_type("What is the maximum fine?") == "amount"
    assert question_type("Quelle sanction risque-t-on ?") is None  # a sanction may be a prison term
    assert question_type("Is it fine to call after 8 pm?") is None


def test_the_day_asked_the_unit_of_a_rate_and_the_group_of_a_list_line():
    from qa.answer_types import AMOUNT, DATE, DURATION
    from qa.locate import counted_complement, locate
    from qa.values import another_item, list_line, other_label

    # "quel jour ?" wants a day: not the "2025" of a bulletin's subtitle
    assert locate("Numéro 47, printemps 2025", DATE, "Quel jour est collecté le verre ?")[0] is None
    assert locate("Le verre est collecté le mardi matin.", DATE, "Quel jour est collecté le verre ?")[0] == \
        "le mardi matin"
    # the unit a rate is given per is not the answer's: "trois semaines" is no number of days a week
    assert locate("L'entreprise ferme trois semaines en été.", DURATION, "Combien de jours par semaine ?")[0] is None
    assert locate("Le télétravail est possible deux jours par semaine.", DURATION,
                  "Combien de jours de télétravail par semaine ?")[0] == "deux jours"
    # which of the counted things: the noun after "combien de jours de"
    assert counted_complement("Combien de jours de télétravail par semaine ?") == "teletravail"
    assert counted_complement("How many days of leave?") == "leave"
    assert counted_complement("Combien de salariés compte Anthropic ?") is None
    # a list line gives its value to what its label names
    seniors = "Combien coûte la cotisation pour les seniors de plus de 65 ans ?"
    assert other_label("- École de natation (4 à 10 ans) : 165 €", seniors)
    assert not other_label("- Seniors (65 ans et plus) : 150 €", seniors)
    assert not other_label("Les seniors paient 150 €.", seniors)  # no label: the group check of values.py
    # a sentence with a colon is no list line; a group after the value still names it (a review)
    assert not other_label("Remarque : les seniors paient 100 € par an, licence comprise, au club.", seniors)
    assert not other_label("Tarif réduit : 100 € pour les seniors et les étudiants", seniors)
    assert locate("Le verre est collecté le 3 juin 2025.", DATE, "What day is glass collected?")[0] == "le 3 juin 2025"
    assert not other_label("- Adultes : 210 €", "Combien coûte la cotisation ?")  # no group asked
    assert locate("- École de natation (4 à 10 ans) : 165 €", AMOUNT, "Combien coûte la cotisation ?")[0] == "165 €"
    # a table's row (qa/readers.py): the brackets after a value name its column
    row = "Éveil musical (45 min par semaine) : 120 € (Habitants de la commune) ; 165 € (Extérieurs)"
    assert locate(row, AMOUNT, "Quel est le tarif de l'éveil musical pour les extérieurs ?")[0] == "165 €"
    assert locate(row, AMOUNT, "Combien paient les habitants de la commune pour l'éveil musical ?")[0] == "120 €"
    # brackets that hold another value are no label: they give another group's (a review)
    assert locate("La cotisation coûte 200 € (les enfants paient 80 €).", AMOUNT,
                  "Combien paient les enfants pour la cotisation ?")[0] == "80 €"
    assert list_line(row) and not list_line("Remarque : les seniors paient 100 € par an, licence comprise, au club.")
    # what a row's label puts in brackets is a detail; the label names something else all the same
    asked = {"instrument", "formation", "musicale", "commune"}
    assert not another_item("Instrument et formation musicale (enfant) : 390 € (Habitants)", asked, "Tarifs")
    assert another_item("Éveil musical (45 min) : 120 € (Habitants)", asked, "Tarifs")


def test_a_number_in_words_is_as_precise_as_digits():
    from qa.answer_types import numeric

    assert numeric("8 jours") and numeric("un mois") and numeric("cinq ans") and numeric("two weeks")
    assert not numeric("quelques jours") and not numeric("plusieurs mois") and not numeric("fin octobre")


@pytest.mark.parametrize("sentence, question, lead, no_lead", [
    # a group asked that fits several listed groups: the whole run, not the first (a review)
    ("L'entrée coûte 3 euros pour les enfants de moins de 6 ans et 5 euros pour les enfants de plus de 6 ans.",
     "Combien coûte l'entrée pour un enfant ?",
     "3 euros pour les enfants de moins de 6 ans et 5 euros pour les enfants de plus de 6 ans", False),
    # a rate given by group: the rate and the group asked must both match
    ("L'abonnement coûte 30 € par mois pour les particuliers et 300 € par an pour les entreprises.",
     "Combien coûte l'abonnement annuel pour une entreprise ?", "300 €", False),
    ("L'abonnement coûte 30 € par mois pour les particuliers et 300 € par an pour les entreprises.",
     "Combien coûte l'abonnement mensuel pour une entreprise ?", None, True),
    # a capitalised name after "au" or "pour" is a recipient, not a verb ("Centre", "Pierre")
    ("Le conseil attribue 2 000 euros au Théâtre du Rond-Point, 500 euros au Centre social et 800 euros au "
     "Comité des fêtes.", "Quel montant a été attribué au Centre social ?", "500 euros", False),
    ("Il verse 40 000 euros pour Pierre et 20 000 euros pour Olivier.", "Combien reçoit Pierre ?", "40 000 euros", False),
    # "pour un enfant" is the group asked, not "à la piscine"
    ("L'accès coûte 3 euros pour les enfants et 5 euros pour les adultes.",
     "Combien coûte l'accès à la piscine pour un enfant ?", "3 euros", False),
])
def test_values_by_group_and_rate_found_by_review(sentence, question, lead, no_lead):
    from qa.answer_types import AMOUNT
    from qa.locate import locate, undecided

    assert undecided(sentence, AMOUNT, question) is no_lead
    if lead:
        assert locate(sentence, AMOUNT, question)[0] == lead


def test_bounds_hold_in_one_clause_and_a_deadline_ends_nothing():
    from qa.answer_types import DATE, DURATION, find_spans
    from qa.locate import undecided

    # two subjects in two clauses: which date starts the fishing season is not known (a review)
    assert undecided("La saison de chasse débute le 15 septembre ; la pêche ouvre le 1er mars.", DATE,
                     "Quand commence la saison de pêche ?")
    assert undecided("Le bail est conclu à compter du 1er juillet 2023 ; le congé doit être donné au plus tard le "
                     "31 décembre 2031.", DATE, "Quand le bail prend-il fin ?")
    # durations joined by "et" add up only from a larger unit to a smaller one
    s = "Le congé est de 25 jours, et 32 jours en cas de naissances multiples."
    assert [s[a:b] for a, b in find_spans(s, DURATION)] == ["25 jours", "32 jours"]
    assert [t for t in ("Les travaux finiront mi-2024.",) for a, b in find_spans(t, DATE)] == ["Les travaux finiront mi-2024."]


def test_a_day_of_the_week_answers_when_something_recurs():
    from qa.answer_types import DATE
    from qa.english import to_english
    from qa.locate import locate

    # was no date at all: "Le 25 décembre." of the holiday sentence answered instead (a new-user trial)
    waste = "Quartier de la Gare : les emballages recyclables sont collectés le jeudi de chaque semaine."
    got = locate(waste, DATE, "Quand les emballages sont-ils collectés dans le quartier de la Gare ?")[0]
    assert got == "le jeudi" and to_english(got, DATE) == "on Thursday"
    hours = "Le service est ouvert du lundi au vendredi de 8 h 30 à 12 h."
    assert to_english(locate(hours, DATE, "Quand le service est-il ouvert ?")[0], DATE) == \
        "from Monday to Friday, from 8:30 to 12:00"  # the days' hours too
    assert to_english("le mardi 4 mars 2025", DATE) == "March 4, 2025"


def test_a_sum_or_a_share_in_words_is_read_with_its_unit():
    from qa.answer_types import PERCENT
    from qa.locate import locate

    query = "Quelle somme la commune consacre-t-elle à la rénovation ?"
    # a new user's bulletin: the sum in words was no answer, and the opening hours were quoted
    assert locate("La commune consacre quatre-vingt-cinq mille euros à la rénovation.", AMOUNT, query)[0] == \
        "quatre-vingt-cinq mille euros"
    assert locate("L'entrée coûte douze euros.", AMOUNT, query)[0] == "douze euros"
    assert locate("Une réduction de quinze pour cent est accordée.", PERCENT, "Quelle réduction ?")[0] == \
        "quinze pour cent"
    # words without a unit, or a "livre" that weighs, are no sum
    assert locate("Il faut une livre de beurre et trois oeufs.", AMOUNT, "Combien coûte le gâteau ?")[0] is None


def test_a_number_of_another_noun_than_the_one_counted():
    from qa.locate import counts_other

    q = "Combien de bénévoles compte le club ?"
    assert counts_other("Le club compte trois cent douze adhérents.", "trois cent douze", q)
    assert counts_other("École de natation (4 à 10 ans) : 165 €", "4", q)  # an age range
    assert not counts_other("Le club compte vingt-trois bénévoles.", "vingt-trois", q)
    assert not counts_other("Il y a 23 de bénévoles.", "23", q)
    # a verb parts the number from what it counts: the text may paraphrase the noun asked
    assert not counts_other("Trois étaient des immigrés hongrois.", "Trois", "Combien de physiciens hongrois ?")
    # the club that "compte" the volunteers narrows nothing: "quinze clubs" is not them
    from qa.locate import qualifiers

    assert qualifiers(q) == set()
    assert qualifiers("Combien de conseillers étaient présents ?") == {"present"}


def test_how_often_when_something_happened_once_and_a_part_of_a_count():
    from qa.answer_types import DURATION, names_a_day, question_type
    from qa.locate import event_verb, locate

    # a new user's trial: "Tous les combien…" was read as a price ("100 euros")
    assert question_type("Tous les combien les ordinateurs portables sont-ils renouvelés ?") == DURATION
    assert question_type("À quelle fréquence avaient lieu les entraînements ?") is None  # "deux fois par semaine"
    # "fermée le dimanche" says when it is closed every week, not when it was enlarged
    assert not names_a_day("Quand la maison de santé a-t-elle été agrandie ?", "le dimanche")
    assert names_a_day("Quand a lieu la collecte ?", "le jeudi")
    assert names_a_day("Quand la maison de santé est-elle fermée ?", "le dimanche")
    assert event_verb("Quand la maison de santé a-t-elle été agrandie ?") == "agrandie"
    assert event_verb("Quand a lieu la collecte ?") is None
    # "dont deux places" counts a part of the "vingt-deux places" before it
    parking = "Un parking de vingt-deux places, dont deux places réservées aux personnes handicapées."
    assert locate(parking, COUNT, "Combien de places compte le parking ?")[0] == "vingt-deux"
    assert locate(parking, COUNT, "Combien de places réservées aux personnes handicapées ?")[0] == "deux"


def test_cases_an_independent_review_found():
    from qa.answer_types import names_a_day
    from qa.english import to_english
    from qa.locate import counts_other, locate

    # several scales in words, and a word that only starts like a currency
    assert locate("Le budget est de deux millions cinq cent mille euros.", AMOUNT, "Quel est le budget ?")[0] == \
        "deux millions cinq cent mille euros"
    assert to_english("deux millions cinq cent mille euros", AMOUNT) == "€2,500,000"
    assert to_english("environ deux millions d'euros", AMOUNT) == "about €2 million"
    assert locate("Le jury compte deux Européens.", AMOUNT, "Quel est le montant du prix ?")[0] is None
    # books are counted, not pounds
    assert locate("La médiathèque compte 12 000 livres et 800 DVD.", COUNT,
                  "Combien d'ouvrages compte la médiathèque ?")[0] == "12 000"
    # "à Nantes" is no auxiliary: the market still takes place on Saturdays
    assert names_a_day("Quel jour a lieu le marché à Nantes ?", "le samedi matin")
    # an adjective before the noun, and a number written twice
    q = "Combien de bénévoles compte le club ?"
    assert not counts_other("Le club compte 40 nouveaux bénévoles.", "40", q)
    assert not counts_other("Il y a 12 salariés et 12 bénévoles.", "12", q)
    # the part the question names is the answer
    parking = "Un parking de vingt-deux places, dont deux places réservées aux personnes handicapées."
    assert locate(parking, COUNT, "Combien de places pour les personnes handicapées ?")[0] == "deux"
    # how often is a lapse that repeats, not how long something lasts
    from qa.answer_types import DURATION
    assert locate("La chaudière est entretenue chaque année, pendant 2 heures.", DURATION,
                  "Tous les combien la chaudière est-elle entretenue ?")[0] is None


def test_the_hours_of_the_day_asked():
    from qa.answer_types import DATE, question_type
    from qa.english import to_english
    from qa.locate import locate, undecided

    works = ("Les travaux bruyants sont autorisés du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30, "
             "et le samedi de 10 h à 12 h.")
    # a new user's trial: "Du lundi au vendredi." answered for the samedi
    assert locate(works, DATE, "Quand les travaux bruyants sont-ils autorisés le samedi ?")[0] == "le samedi de 10 h à 12 h"
    assert locate(works, DATE, "When are noisy works allowed on Saturdays?")[0] == "le samedi de 10 h à 12 h"
    assert locate(works, DATE, "Quand les travaux bruyants sont-ils autorisés ?")[0] == \
        "du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30"
    hours = "La médiathèque est ouverte le mardi de 14 h à 19 h, le mercredi de 10 h à 18 h et le samedi de 10 h à 17 h."
    assert question_type("Quels sont les horaires de la médiathèque le mercredi ?") == DATE  # was a list of days
    assert locate(hours, DATE, "À quelle heure ouvre la médiathèque le samedi ?")[0] == "le samedi de 10 h à 17 h"
    assert locate("Elle est fermée le lundi et le jeudi.", DATE, "À quelle heure ouvre la médiathèque le samedi ?")[0] is None
    # no day asked: the week's hours, no one day's, lead
    assert undecided(hours, DATE, "Quels sont les horaires de la médiathèque ?")
    assert not undecided(hours, DATE, "Quels sont les horaires de la médiathèque le mercredi ?")
    assert to_english("le samedi de 10 h à 12 h", DATE) == "on Saturday, from 10:00 to 12:00"
    assert to_english("le mardi à 10 h 30", DATE) == "on Tuesday, at 10:30"
    # hours before their days, or alone (a review: left in French)
    assert to_english("à midi le mercredi", DATE) == "on Wednesday, at noon"
    assert to_english("de 8 h à 12 h du lundi au samedi", DATE) == "from Monday to Saturday, from 8:00 to 12:00"
    assert to_english("à 9 h", DATE) == "at 9:00"

    # a review of the first try: a day inside a range, days that share hours, hours it could not read
    week = "La médiathèque est ouverte du mardi au samedi de 10 h à 18 h."
    assert locate(week, DATE, "À quelle heure ouvre la médiathèque le jeudi ?")[0] == "du mardi au samedi de 10 h à 18 h"
    assert locate(week, DATE, "À quelle heure ouvre la médiathèque le lundi ?")[0] is None
    shared = "Les permanences ont lieu le lundi et le jeudi de 9 h à 12 h."
    assert locate(shared, DATE, "Quand ont lieu les permanences le lundi ?")[0] == "le lundi et le jeudi de 9 h à 12 h"
    for sentence, question, expected in (
            ("Le marché se tient le samedi matin.", "À quelle heure a lieu le marché le samedi ?", "le samedi matin"),
            ("Le secrétariat est ouvert le mercredi 14h-18h.", "Quels sont les horaires du secrétariat le mercredi ?",
             "le mercredi 14h-18h"),
            ("La cantine ouvre à midi le mercredi.", "À quelle heure ouvre la cantine le mercredi ?", "à midi le mercredi"),
            ("La piscine ouvre le dimanche à 9 heures.", "À quelle heure ouvre la piscine le dimanche ?",
             "le dimanche à 9 heures"),  # was cut after "9 h"
            ("La déchetterie est ouverte de 8 h à 12 h du lundi au samedi.", "À quelle heure ouvre la déchetterie le mardi ?",
             "de 8 h à 12 h du lundi au samedi"),
            ("L'assemblée générale aura lieu le 14 mars 2026 à 18 h.", "À quelle heure aura lieu l'assemblée ?",
             "le 14 mars 2026 à 18 h")):
        assert locate(sentence, DATE, question)[0] == expected and not undecided(sentence, DATE, question)
    # the day asked, its hours not read: quoted, but the day alone does not lead
    assert undecided("Le club ouvre le samedi en fin de journée.", DATE, "À quelle heure ouvre le club le samedi ?")
    # a second review: a duration is no time of day, hours before a day may be another day's, a
    # day of a name is not asked, two dates with hours are no week of hours
    opened = "La piscine a été inaugurée le 5 décembre 1975, 10 heures après la fin des travaux."
    assert locate(opened, DATE, "Quand la piscine a-t-elle été inaugurée ?")[0] == "le 5 décembre 1975"
    assert locate(opened, DATE, "À quelle heure ouvre la piscine ?")[0] is None
    assert locate("La buvette est ouverte de 5 h à 1 h du matin.", DATE, "À quelle heure ferme la buvette ?")[0] == "de 5 h à 1 h"
    for sentence, question in (
            ("Les permanences ont lieu le lundi de 9 h à 12 h, le mardi sur rendez-vous.", "Quand ont lieu les permanences le mardi ?"),
            ("Le gymnase est fermé le dimanche, le samedi de 9 h à 12 h.", "À quelle heure ouvre le gymnase le dimanche ?"),
            ("Le parking est gratuit le dimanche 2 heures maximum.", "À quelle heure ouvre le parking le dimanche ?")):
        assert locate(sentence, DATE, question)[0] in ("le mardi", "le dimanche") and undecided(sentence, DATE, question)
    assert locate("Le match se joue le dimanche 13 avril 2025.", DATE, "Quand se joue le match du dimanche ?")[0] == \
        "le dimanche 13 avril 2025"
    concert = "Le concert aura lieu le 12 juin 2025 à 20 h, la répétition le 11 juin 2025 à 18 h."
    assert locate(concert, DATE, "Quand a lieu le concert ?")[0] == "le 12 juin 2025 à 20 h" and \
        not undecided(concert, DATE, "Quand a lieu le concert ?")
