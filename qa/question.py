"""The question, analysed once: its language, the kind of reply it wants, the names and subject
words it holds, the kind of short answer it expects and the follow-up rewritten in full. Retrieval,
sentence selection and every kind of reply read this one value instead of parsing the text again."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .answer_types import question_type
from .followup import CONTRACTION, entities, rewrite
from .language import detect_language
from .text import fold

# Kinds of reply a question can want. Answer.kind is coarser (see qa/types.py): "topic" replies
# are summaries, "total", "compare" and "why" replies are facts, unless a verdict makes them "yesno".
CHAT, SUMMARY, TOPIC, LIST, TOTAL, COMPARE, YESNO, WHY, FACT = (
    "chat", "summary", "topic", "list", "total", "compare", "yesno", "why", "fact")
KINDS = (CHAT, SUMMARY, TOPIC, LIST, TOTAL, COMPARE, YESNO, WHY, FACT)
GREETING, THANKS, GOODBYE, HELP = "greeting", "thanks", "goodbye", "help"


@dataclass(frozen=True)
class Question:
    text: str                    # as asked (cleaned)
    query: str                   # what retrieval reads: the follow-up rewritten from the history
    lang: str                    # "fr" | "en"
    kind: str                    # one of KINDS
    chat: str | None = None      # greeting | thanks | goodbye | help, for kind == CHAT
    topic: str = ""              # what an overview should cover ("l'énergie"), for kind == TOPIC; for
                                 # SUMMARY, what the document to sum up is about ("le mariage")
    names: tuple[str, ...] = ()  # capitalised words, acronyms and numbers of the query
    answer_type: str | None = None  # amount, count, percent, date, place, name (qa/answer_types.py)
    history: tuple[str, ...] = ()
    # The French words an English question's words mean in the retrieved passages ("founded" ->
    # "fondée"), set once they are known: what the French text is matched with.
    french: str = ""


# Patterns run on folded text (lower case, no accents, plain apostrophes). Each is a way people
# phrase a kind in French or English; bench/question_kinds.jsonl measures them (see
# tests/test_question.py for the accuracy floor).
_P = lambda s: re.compile(s)  # noqa: E731 - a table of patterns reads better with a short name

_GREETING = _P(r"^(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|good (?:morning|afternoon|evening)|yo|"
               r"bonne (?:journee|soiree)(?= a (?:toi|vous|tous))|re)\b")
_THANKS = _P(r"^(?:(?:un )?(?:grand |super |mille )?merci|thanks?|thank you|thx|cheers|parfait|super|genial|top|"
             r"great|perfect|awesome|nickel|ok merci|tres bien merci)\b")
_GOODBYE = _P(r"^(?:au revoir|bye|goodbye|good bye|a (?:bientot|plus|\+|la prochaine|demain)|ciao|see you|"
              r"bonne (?:journee|soiree|nuit)|salut et merci|adieu)\b")
_HELP = _P(r"\b(?:que (?:peux|sais)[- ]tu faire|qu'est-ce que tu (?:peux|sais) faire|tu (?:peux|sais) faire quoi|"
           r"que (?:pouvez|savez)[- ]vous faire|qu'est-ce que (?:je peux|on peut) (?:te |vous )?demander|"
           r"que (?:puis-je|peut-on|je peux) (?:te |vous )?demander|quoi (?:te |vous )?demander|"
           r"what can (?:you|i) (?:do|ask)|what (?:do|should) i ask|what (?:kind|sort) of questions|"
           r"how (?:does this|do you|does it) work|how (?:can|do) i use|comment (?:ca|cela|tu|vous) (?:marche|fonctionne)s?"
           r"(?: \?)?$|comment (?:t'|vous )?utiliser|qui es[- ]tu|qui etes[- ]vous|who are you|what are you|"
           r"tu sers a quoi|a quoi (?:sers[- ]tu|servez[- ]vous)|^aide|^help|what is this (?:tool|bot|app)|"
           r"quelles questions|(?:je peux|puis-je|peux-je|on peut|peut-on) (?:te |vous )?poser (?:une |des )?questions?|"
           r"can i ask (?:you )?(?:something|a question|questions|anything))")
_SUMMARY = _P(r"\b(?:resum|synthe|summar|sum (?:it |them |this |that )?up|tl ?;? ?dr|recap|overview|apercu|vue d'ensemble|gist|"
              r"(?:key|main|important|essential) (?:points|ideas|takeaways|facts)|takeaways|"
              r"points? (?:cles|principaux|essentiels|importants)|idees? (?:principales?|cles|essentielles?)|"
              r"l'essentiel|en bref|en quelques mots|in (?:a )?(?:few|short) (?:words|sentences)|in brief|"
              r"de quoi (?:parle|traite|s'agit)|de quoi il (?:s'agit|est question|parle)|"
              r"quel est (?:le )?(?:sujet|theme)|sujet (?:principal )?(?:du|de l'|de ce|de cet)|"
              r"what(?:'s| is| are) (?:this|the|these|it) (?:\w+ )?(?:about)|what (?:is|are) (?:this|the|these) "
              r"(?:documents?|articles?|texts?|files?|fiches?) about|what does (?:this|the) (?:\w+ )?(?:talk|deal) about)")
# An English question's "resume" is a verb: "When do classes resume?" asks no summary.
_ENGLISH_ASKS = _P(r"^(?:when|where|will|do|does|did|how|what|why|is|are|who|which)\b")


def _asks_summary(q: str) -> bool:
    """The folded question asks for a summary ("Résume…", "Summarize…", "En bref ?")."""
    found = [m.group() for m in _SUMMARY.finditer(q)]
    return any(not (m.startswith("resum") and _ENGLISH_ASKS.match(q)) for m in found)


# An overview of one topic: "Parle-moi de X", "Que dit l'article sur X ?", "Tell me about X".
_TOPIC = _P(r"(?:parle[- ]moi|parlez[- ]moi|dis[- ]m'en plus|dites[- ]m'en plus|dis[- ]moi|dites[- ]moi|raconte[- ]moi|"
            r"(?:qu'est-ce que|que) (?:dit|disent|raconte|explique|indique|precise|mentionne)(?:nt)?"
            r"(?:[- ](?:il|elle|ils|elles))?(?: (?:l'article|le document|le texte|la fiche|les documents|les textes|ce texte|"
            r"cet article|ce document))?|"
            r"(?:qu'est-ce que|que) (?:l'|le |la |les |ce |cet |cette )?(?:article|document|texte|fiche|rapport|"
            r"documents|rapport|note|guide|page|auteur)s? (?:dit|disent|raconte|explique|indique|mentionne)|"
            r"(?:explique|expliquez|developpe|developpez|detaille|detaillez|resume|resumez)[- ](?:moi |nous )?"
            r"(?:la |le |les )?(?:section|partie|chapitre|passage|paragraphe)s?|"
            r"(?:explain|describe|expand on|detail|summari[sz]e) (?:me )?the (?:section|part|chapter|passage|paragraph)s?|"
            r"^describe|^decris|^decrivez|what(?:'s| is) (?:in|there in) (?:the|this) \w+ (?=about|on|regarding)|"
            r"^(?:et |and )?(?:qu'en est-il|quid|what about|how about|et (?:sur|concernant|a propos))|tell me (?:more )?about|what (?:does|do) (?:the|this|these|it) ?(?:\w+ )?(?:say|says|tell|"
            r"mention|explain)|talk (?:to me )?about|what (?:is|was) said about|give me (?:details|information|info) "
            r"(?:on|about)|informations? (?:sur|concernant|a propos)|infos? (?:sur|concernant)|details? (?:sur|on|about)|"
            r"(?:en savoir|know) (?:plus|more) (?:sur|about|on)|what about the)"
            r"\s*(?:(?:en |de )?plus )?(?:a propos (?:de |du |des |d')|au sujet (?:de |du |des |d')|concernant |sur |about |"
            r"on |of |regarding |de |du |des |d')?(?P<topic>.*)$")
_WHOLE = _P(r"^(?:l'|le |la |les |ce |cet |cette |ces |this |the |these |it|ce qui |votre |ton |ta )?"
            r"(?:article|document|texte|fiche|textes|documents|articles|sujet|contenu|doc|text|file|fichier)?s?\s*"
            r"(?:\?|!|\.)*$")
_TOTAL = _P(r"\b(?:total|totale|totaux|au total|en tout|in all|altogether|combined|cumule|cumulee|cumules|"
            r"additionn\w*|add(?:ed|ing)? up|sum of|somme (?:des|de tous|globale)|global(?:e)? (?:investi|montant))\b")
# "ensemble", "together", "overall" say total only beside an amount word.
_TOTAL_WEAK = _P(r"\b(?:ensemble|together|overall|a eux deux|both)\b")
_MORE = (r"(?:plus|moins|davantage|more|less|fewer|most|least|bigger|biggest|larger|largest|smaller|smallest|greater|"
         r"greatest|higher|highest|lower|lowest|older|oldest|newer|newest|earlier|later|superieure?|inferieure?|"
         r"mieux|better|best|worse|worst|premier|first|second|dernier|last|faster|slower|cheaper|cher|rapide|"
         r"grand|petit|ancien|recent)")
_COMPARE = _P(rf"\b{_MORE}\b.*\b(?:ou|or|que|than|entre|between|versus|vs)\b|\b(?:ou|or|versus|vs\.?)\b.*\b{_MORE}\b|"
              rf"\b(?:lequel|laquelle|lesquels|which (?:one|of)|who)\b.*\b{_MORE}\b|\b{_MORE}\b.*\b(?:lequel|laquelle|"
              rf"which (?:one|of them))\b|\bcompar|\bdifference (?:entre|between)|\b(?:versus|vs)\b")
_YESNO_EN = _P(r"^(?:and |but |so )?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|"
               r"may|might|must|isn't|aren't|wasn't|doesn't|don't|didn't|hasn't|haven't|won't|can't)\b")
_YESNO_FR = _P(r"^(?:et |mais |alors |donc )?(?:est-ce que?|est-ce qu'|est ce que?|n'est-ce pas|y a-t-il|y-a-t-il|"
               r"peut-on|faut-il|dois-je|puis-je|peux-je|doit-on|a-t-on|existe-t-il|s'agit-il|sera-t-il|est-il|"
               r"est-elle|sont-ils|sont-elles|ai-je|suis-je|peut-il|peut-elle|c'est (?:vrai|bien)|"
               r"(?:c'est|est-il|il est) (?:obligatoire|possible|vrai|gratuit|payant|necessaire|legal|interdit|"
               r"autorise|permis|requis))\b")
# French inversion with no question word: "Anthropic a-t-elle été fondée en 2021 ?"
_INVERSION = _P(r"\b\w+-(?:t-)?(?:il|elle|ils|elles|on)\b")
_QWORD_FR = _P(r"^que\b|\b(?:qui|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|comment|"
               r"pourquoi|quand|ou|d'ou|a quel|en quel)\b|^qu'")
# Before these, a question word asks ("Pour qui…", "Depuis quand…"); after a noun it opens a
# relative clause: "La personne qui a une procuration sur mon compte peut-elle le clôturer ?"
_PREPOSITION = frozenset("a au aux de du des d pour par avec chez sur sous en dans depuis vers contre entre selon "
                         "jusqu et ou mais alors donc".split())


def _asks_word(q: str, text: str) -> bool:
    """A question word of the folded question ``q`` asks, rather than opening a relative clause;
    ``text`` is the question as written: folded "ou" is "où" only where it was written so ("Le
    locataire ou le bailleur peut-il… ?" asks yes or no). After an inverted verb, a question word
    opens an indirect question, which asks it ("Sait-on qui a gagné ?")."""
    for m in _QWORD_FR.finditer(q):
        if m.group().strip() in ("ou", "d'ou") and not re.search(r"(?:^|[\s'’])où\b", text.lower()):
            continue
        before = re.findall(r"[a-z]+", q[:m.start()])
        if not before or before[-1] in _PREPOSITION or before[-1] in _INVERTED or not re.search(r"[a-z]", q[m.end():]) \
                or not re.match(r"\s*(?:qui|que|qu'|ou|quand|dont)\b", q[m.start():]):
            return True
    return False


_INVERTED = frozenset("on il elle ils elles vous tu nous je".split())


_WHY = _P(r"\b(?:pourquoi|d'ou (?:vien\w*|provien\w*)|where (?:does|do|did) .* come from|pour quelles? raisons?|quelles? (?:est|sont) (?:la|les) raisons?|quelles? raisons?|"
          r"why|for what reasons?|what (?:is|are|was|were) the reasons?|what reasons?|reason why|how come|"
          r"qu'est-ce qui (?:explique|justifie|motive|pousse|cause|a cause|a pousse|a conduit|a mene)|"
          r"what (?:caused|explains|led|drove|motivates|pushed)|a cause de quoi|dans quel but|to what end|"
          r"de quelle (?:maniere|facon)|in what way|by what means|quel(?:le)? est (?:le|l') (?:but|objectif|interet)|"
          r"what (?:is|was) the (?:purpose|goal|point|aim)|comment se (?:fait|passe|deroule)|"
          r"comment (?:fonctionne|marche|faire|proceder|obtenir|demander|faut-il|peut-on|puis-je|dois-je|on)|"
          r"comment (?!s'appel|se nomm|s'ecri|dit-on)|how (?!much|many|long|old|often|far|big|large|tall|high|"
          r"soon|early|late|come)\w+)\b")
_LIST_FR = _P(r"^(?:(?:et |mais )?(?:quels|quelles|lesquels|lesquelles) |(?:liste|listez|lister|enumere|enumerez|cite|"
              r"citez|donne[- ]moi|donnez[- ]moi|donne|donnez|indique[- ]moi|nomme|nommez)\b|"
              r"qui sont (?:les|ses|leurs)\b)|\b(?:quels|quelles) (?:sont|etaient|seront|furent)\b|"
              r"\b(?:la liste|les differentes?|les differents|les principaux|les principales|les etapes|les conditions|"
              r"les pieces|les documents|plusieurs)\b")
_LIST_EN = _P(r"^(?:which|what) (?!does|is|was|has|this|its|his|thus)\w{2,}(?<!ss)(?<!us)(?<!is)s\b|^(?:list|name|enumerate|give me (?:the|a list|all)|what are|which are|who are|what were|which were)\b|"
              r"\b(?:(?:which|what) (?:\w+ )?\w+(?<!ss)(?<!is)(?<!us)(?<!as)s (?:are|were|do|does|did|have|has|can|"
              r"will|compete|offer|exist|must|should|is|need|apply|make|mention)|list of|all the|the steps|"
              r"the (?:main|different|various) \w+s)\b")
_SINGULAR_FR = _P(r"^(?:quel|quelle) (?:est|etait|sera|fut)\b|^(?:et )?(?:quel|quelle) \w+(?<!s) ")


def classify(text: str) -> tuple[str, str | None, str]:
    """(kind, chat sub-kind, topic) of a question, from its wording alone."""
    text = re.sub(r"\s+", " ", text).strip()
    q = fold(text)
    bare = re.sub(r"[^\w' -]+", " ", q).strip()
    words = bare.split()
    short = len(words) <= 6
    if not words:
        return FACT, None, ""
    # Small talk first, but only when nothing else is asked: "Bonjour, qui a fondé Anthropic ?" is a fact.
    rest = _GREETING.sub("", bare, count=1).strip(" ,!.'")
    if _HELP.search(bare) and len(words) <= 12 and not _TOPIC.search(q.split("?")[0]) or \
            re.fullmatch(r"(?:aide|help)(?: (?:moi|me|svp|please))?", bare):
        return CHAT, HELP, ""
    if _GREETING.match(bare) and (not rest or re.fullmatch(r"(?:there|all|everyone|a (?:tous|toi|vous)|"
                                                            r"tout le monde|toi|vous|ca va|comment ca va|how are you|"
                                                            r"comment allez-vous|[\w']+)(?: \w+)?", rest)):
        return CHAT, GREETING, ""
    if short and _THANKS.match(bare) and not _QWORD_FR.search(bare.split(" ", 1)[-1] if len(words) > 2 else ""):
        return CHAT, THANKS, ""
    if short and _GOODBYE.match(bare):
        return CHAT, GOODBYE, ""
    topic = _TOPIC.search(q)
    if topic and not _WHY.search(q[:topic.start()] or "") and not _QWORD_START.match(q):
        subject = _topic_words(topic.group("topic"), text, q)
        if subject and not _WHOLE.match(fold(subject)):
            return (SUMMARY if _asks_summary(q) and not subject else TOPIC), None, subject
        return SUMMARY, None, ""
    if _asks_summary(q):
        about = re.search(r"\b(?:sur|about|on|concernant|regarding|de la partie|of the section|a propos (?:de|du|des|d'))"
                          r"\s+(?P<topic>.+)$", q)
        # "a summary of the unpaid leave document": the subject before the document's noun
        before = None if about else re.search(r"\bthe (?P<topic>(?:[\w'-]+ ){0,4}?[\w'-]+) (?:document|doc|article|"
                                              r"file|text|report|page|fiche)s?\b", q)
        if before and not re.fullmatch(r"(?:(?:whole|entire|full|first|second|third|last|latest|main|new|other|same|"
                                       r"previous|next|above|following|only|big|long|short|uploaded|attached|current|"
                                       r"provided|original|added|pdf|word|html|markdown|text|french|english|one|two|"
                                       r"three|\d+) ?)+", before.group("topic")):
            return SUMMARY, None, _topic_words(before.group("topic"), text, q)
        subject = _topic_words(about.group("topic"), text, q) if about else ""
        if subject and not _WHOLE.match(fold(subject)):
            # "Résume le document sur le mariage" wants that document summed up, named by its subject;
            # "Résume la partie sur les tarifs", an overview of one topic
            named = _NAMED_DOCUMENT.search(q[:about.start()]) and not re.match(r"(?:lequel|laquelle|lesquels|"
                                                                                r"lesquelles|quoi|which|page)\b", fold(subject))
            return (SUMMARY if named else TOPIC), None, subject
        return SUMMARY, None, ""
    if _TOTAL.search(q) or _TOTAL_WEAK.search(q) and re.search(r"\b(?:combien|montant|somme|how much|how many|amount|sum|"
                                      r"nombre|number|valeur|value|cout|cost|investi|invested|depense|spent)\b", q):
        return TOTAL, None, ""
    yesno = bool(_YESNO_EN.match(q) or _YESNO_FR.match(q) or
                 (_INVERSION.search(q) and not _asks_word(q, text) and not _WHY.search(q)))
    if yesno and re.match(r"^(?:can|could|would|will) you\b", q):  # "Can you list…", "Could you explain why…"
        yesno = False
        q = re.sub(r"^(?:can|could|would|will) you (?:please )?", "", q)
    if yesno and re.search(r"\b(?:ou|or)\b", q) and _COMPARE.search(q):  # "Is Q3 or Q4 revenue higher?"
        return COMPARE, None, ""
    if yesno:
        return YESNO, None, ""
    if _COMPARE.search(q) and (len(entities(text)) >= 2 or re.search(r"\b(?:ou|or|entre|between)\b", q)):
        return COMPARE, None, ""
    if _WHY.search(q):
        return WHY, None, ""
    if (_LIST_FR.search(q) and not _SINGULAR_FR.search(q)) or _LIST_EN.search(q):
        if not re.match(r"^(?:what|which|who) (?:is|was)\b", q) and not question_type(q) in ("date", "amount"):
            return LIST, None, ""
    return FACT, None, ""


# A document named by what it is about: "le document sur …", "the file about …".
_NAMED_DOCUMENT = re.compile(r"\b(?:document|doc|article|texte|fiche|fichier|rapport|note|guide|file|text|report|page)s?"
                             r"\s*$")
_QWORD_START = re.compile(r"^(?:combien|quand|qui|when|who|how much|how many|where|ou )\b")


def _topic_words(topic: str, text: str = "", q: str = "") -> str:
    """The topic as asked, without the trailing question mark and the document's own name; in the
    question's own letters when folding kept its length (it almost always does)."""
    if text and len(text) == len(q) and topic:
        at = q.rfind(topic)
        topic = text[at:at + len(topic)] if at >= 0 else topic
    topic = re.sub(r"\s*[?!.]+\s*$", "", topic).strip(" ,")
    topic = re.sub(r"\b(?:dans|in) (?:l'article|le document|le texte|the article|the document|the text|la fiche)$", "",
                   topic).strip()
    return topic


_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*")


def full_names(q: Question) -> list[str]:
    """The names of the question whole: "Paul Martin", not "Paul" and "Martin" (numbers left out)."""
    known = {n for n in q.names if not n[0].isdigit()}
    out = []
    runs: list[list[str]] = []
    for m in _CAPITALISED.finditer(q.query):
        runs.append([])
        for w in m.group().split():
            bare = CONTRACTION.sub("", w)  # "Anthropic's"
            if bare in known:
                runs[-1].append(bare)
            if bare != w:  # a possessive ends the name: "Anthropic's CEO" names two things
                runs.append([])
    for run in runs:
        if run and " ".join(run) not in out:
            out.append(" ".join(run))
    return out


# "Combien y a-t-il de ruches ?" (and "y-a-t-il", "y avait-il") asks "Combien de ruches ?": the
# counted noun must follow "combien" for the count to be tied to it
_THERE_ARE = re.compile(r"\b([Cc]ombien)\s+y[\s-]+(?:a|aura|avait|aurait)(?:[\s-]+t)?[\s-]+(?:il|elle)\s+(?=d(?:e\b|['’]))")


def analyse(text: str, history: list[str] | tuple[str, ...] = (), default_lang: str | None = None) -> Question:
    """The one analysis of ``text`` (already cleaned); ``history`` holds the earlier questions."""
    history = tuple(history)
    lang = detect_language(text, default=default_lang or (detect_language(history[-1]) if history else "fr"))
    kind, chat, topic = classify(text)
    query = rewrite(text, list(history)) if kind not in (CHAT, SUMMARY) else text
    if kind == FACT and history and query != text:
        # "Et qu'en est-il de Google ?" after a summary asks about Google in the same documents, and
        # "Et pour Microsoft ?" after a comparison asks the same comparison for Microsoft.
        previous = classify(history[-1])[0]
        if previous in (SUMMARY, TOPIC):
            query = text
            named = entities(text)
            if named:
                kind, topic = TOPIC, " ".join(named)
        elif previous in (COMPARE, TOTAL, YESNO, WHY, LIST):
            kind = previous
    elif kind == WHY and history and len(text.split()) <= 3:  # "Why?" / "Pourquoi ?" after a fact
        query = f"{history[-1]} {text}"
    # "Combien y a-t-il de places… ?" asks what "Combien de places… ?" asks: one form for the checks
    query = _THERE_ARE.sub(r"\1 ", query)
    # "Pourquoi le nombre de places est-il limité à 20 ?" asks a reason, not a number
    asks = None if kind == WHY else question_type(query)
    return Question(text=text, query=query, lang=lang, kind=kind, chat=chat, topic=topic,
                    names=tuple(entities(query)), answer_type=asks, history=history)
