"""How text is folded and split into words for matching: one rule for every search.

The site search, the alumni directory and the roster's institution matching all
read text through this module, so a name or a word in any script is treated the
same way wherever it is looked up.
"""

from __future__ import annotations

import re
import unicodedata

# Scripts written without spaces between words (Thai, Lao, Khmer, Myanmar, Japanese
# kana, CJK ideographs): a word-based index never finds a word inside a sentence, so
# text in them is matched anywhere. Cyrillic, Devanagari and the rest use spaces.
_WITHOUT_SPACES = re.compile(
    "["
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width Katakana
    "]"
)
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def written_without_spaces(text: str) -> bool:
    """Whether ``text`` contains a script that is written without spaces between words."""
    return _WITHOUT_SPACES.search(text) is not None


def is_word_character(char: str) -> bool:
    """Letters, digits and the vowel signs of scripts such as Devanagari or Thai.

    Vowel signs are marks, not letters, yet they sit inside words: treating them as
    separators would cut "शर्मा" in two.
    """
    return char.isalnum() or unicodedata.category(char).startswith("M")


def fold_character(char: str) -> str:
    """One character without accents and case (it may become several: "ß" -> "ss")."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Lower-case, accent-free words separated by single spaces ("Nguyễn, T." -> "nguyen t")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    if folded.isascii():  # most text, and the regular expression is much faster
        return " ".join(_ASCII_SEPARATORS.sub(" ", folded).split())
    return " ".join("".join(c if is_word_character(c) else " " for c in folded).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``, each once, in order."""
    return list(dict.fromkeys(fold(text).split()))
