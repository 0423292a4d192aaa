"""Highlighting matched terms in display text, accent- and case-insensitively."""

from __future__ import annotations

import unicodedata

from django.utils.html import escape

from search.directory.words import is_word_search


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def highlight(text: str | None, terms: list[str]) -> str | None:
    """``text`` as escaped HTML with each folded term wrapped in <mark>; None if no match."""
    if not text or not terms:
        return None
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            origin.append(index)
    haystack = "".join(folded)
    marked = [False] * len(text)
    for term in terms:
        start = haystack.find(term)
        while start != -1:
            # Words of space-separated scripts match from the start of a word, so only
            # such places are marked; other scripts match anywhere (search.directory.words).
            if not is_word_search(term) or start == 0 or not haystack[start - 1].isalnum():
                for position in range(start, start + len(term)):
                    marked[origin[position]] = True
            start = haystack.find(term, start + 1)
    if not any(marked):
        return None
    out, index = [], 0
    while index < len(text):
        end = index
        while end < len(text) and marked[end] == marked[index]:
            end += 1
        chunk = escape(text[index:end])
        out.append(f"<mark>{chunk}</mark>" if marked[index] else chunk)
        index = end
    return "".join(out)
