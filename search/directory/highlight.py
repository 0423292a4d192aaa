"""Highlighting matched terms in display text, accent- and case-insensitively."""

from __future__ import annotations

from django.utils.html import escape

from club.text import fold_character, is_word_character, written_without_spaces


def highlight(text: str | None, terms: list[str]) -> str | None:
    """``text`` as escaped HTML with each folded term wrapped in <mark>; None if no match."""
    if not text or not terms:
        return None
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in fold_character(char):
            folded.append(piece)
            origin.append(index)
    haystack = "".join(folded)
    marked = [False] * len(text)
    for term in terms:
        start = haystack.find(term)
        while start != -1:
            # Words of space-separated scripts match from the start of a word, so only
            # such places are marked; other scripts match anywhere (as both backends do).
            if (
                written_without_spaces(term)
                or start == 0
                or not is_word_character(haystack[start - 1])
            ):
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
