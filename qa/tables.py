"""Tables as lines that read as they are meant: each row, its first cell, then each value with
its column's name ("Éveil musical : 120 € (Habitants) ; 165 € (Extérieurs)"). Markdown pipe tables
here; HTML tables are taken apart in qa/readers.py and written with ``table_rows`` too."""
from __future__ import annotations

import re


# A Markdown (GFM) table: a header row, a delimiter row ("|---|:---:|") with as many cells, then
# rows up to a line without a pipe; the outer pipes may be left out. Read line by line (a regex over
# the whole text backtracked quadratically on long lines full of pipes).
_DELIMITER_CELL = re.compile(r":?-+:?")
_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [" ".join(c.replace("\\|", "|").split()) for c in re.split(r"(?<!\\)\|", line)]


def pipe_tables(body: str) -> str:
    """Each Markdown table as the lines of an HTML one (``table_rows``): "| Éveil musical | 120 € | 165 € |"
    under "| Formule | Habitants | Extérieurs |" reads "Éveil musical : 120 € (Habitants) ; 165 €
    (Extérieurs)", so that the value quoted says what it is for. Code (fenced or indented) is left
    as it is written, and so is a table with no row."""
    lines = body.splitlines(keepends=True)
    out: list[str] = []
    fenced, i = False, 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
        header = _cells(line) if not fenced and "|" in line and i + 1 < len(lines) and \
            not line.startswith(("    ", "\t")) else []
        delimiter = _cells(lines[i + 1]) if len(header) >= 2 else []
        if len(header) >= 2 and len(delimiter) == len(header) and all(_DELIMITER_CELL.fullmatch(c) for c in delimiter):
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                j += 1
            if j > i + 2:
                rows = [(_cells(row) + [""] * len(header))[:len(header)] for row in lines[i + 2:j]]
                newline = re.search(r"\r?\n$", lines[i + 1])
                end = newline.group() if newline else "\n"
                indent = re.match(r"[ \t]*", line).group()  # a table inside a list item stays inside it
                rendered = [indent + r for r in table_rows(rows, header)]
                out.append(end.join(rendered) + (re.search(r"\r?\n$", lines[j - 1]) or [""])[0])
                i = j
                continue
        out.append(line)
        i += 1
    return "".join(out)


def table_rows(rows: list[list[str]], header: list[str] | None) -> list[str]:
    """The lines of a table's rows: the first cell, then each value with its column's name."""
    lines = []
    for cells in rows:
        values = [f"{c} ({h})" if header and h else c for c, h in zip(cells[1:], (header or cells)[1:]) if c]
        if cells[0] or values:
            lines.append(" : ".join(filter(None, [cells[0], " ; ".join(values)])))
    return lines
