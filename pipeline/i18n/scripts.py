"""Which writing system a translated text is in: a version's text that is mostly in Latin
letters where the language writes Arabic, Chinese or Cyrillic ones is probably the English
left in place, and a word mixing Latin and Cyrillic letters ('Кoнвенцию' with a Latin 'o')
looks right but sorts, searches and reads aloud wrong."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC", "CJK")  # the first word of the letters' Unicode names
NOT_PROSE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\[\^[^\]]*\]|\]\([^)]*\)|https?://\S+|\b[A-Z]+(?:/[\w.]+)+")
MIN_LETTERS = 12  # shorter texts (a symbol, a name) say too little to judge


def script_of(char: str) -> str:
    """'LATIN', 'CYRILLIC', 'ARABIC', 'CJK', ... for a letter."""
    return unicodedata.name(char, "").split(" ")[0]


def script_mismatch(text: str, script: str) -> str | None:
    """What is wrong with the letters of a text the language writes in `script` (None if nothing)."""
    if script == "LATIN":
        return None
    prose = NOT_PROSE.sub(" ", text)
    for word in re.findall(r"[^\W\d_]+", prose):
        found = {script_of(c) for c in word}
        if "LATIN" in found and script in found:
            return f"mixes Latin and {script.title()} letters in the word '{word}' (a lookalike letter?)"
    counts = Counter(script_of(c) for c in prose if c.isalpha())
    total = sum(counts.values())
    if total >= MIN_LETTERS and counts["LATIN"] > total / 2:
        return f"is written mostly in Latin letters, not {script.title()} ones (is it the English text?)"
    return None
