"""One small module per kind of reply; each is a function from the analysed question and the
retrieved (and scored) passages to an ``Answer``, or ``None`` when it cannot build one and the
dispatcher in qa/answering.py should fall back to a plain fact answer."""
