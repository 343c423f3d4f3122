"""Characters no input may hold, and how to tell a drafter about them.

Three kinds are refused anywhere in an input file (comments included: a reviewer reads the
file, and a hidden control in a comment can make the file read otherwise than it parses):
- control characters other than tab and line ends, and the C1 controls that Windows-1252
  pastes leave behind (0x92 for a right quote): neither a PDF's text nor Word's XML holds them;
- format controls that change how text is shown without being seen: right-to-left and
  left-to-right overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069, which can
  reverse a sentence in the PDF), and zero-width characters (U+200B-U+200F, U+2060-U+2064,
  U+FEFF inside a file), which make "Chile" and "Chi\u200ble" different names;
- U+FFFD, the replacement character, which stands for a character already lost in a
  conversion, and lone surrogates and non-characters;
- private-use characters (U+E000-U+F8FF): they mean nothing outside one font, and the composer
  uses a few of them to mark computed lists of States and persons in the tree.

Zero-width joiners (U+200C, U+200D) are refused with the rest: no report in English or
French needs them. A language whose script does (Persian, Hindi) will have to allow them
for its own text; see README "Hardening".
"""

from __future__ import annotations

import re
import unicodedata

UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e]")
REPLACEMENT = "\ufffd"
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
REFUSED = re.compile(f"{UNPRINTABLE.pattern}|{INVISIBLE.pattern}|{PRIVATE_USE.pattern}|{REPLACEMENT}")


def code_point(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (the name when Unicode has one)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def refused_message(char: str) -> str:
    """Why a character is refused and what to do, in a drafter's words."""
    code = ord(char)
    if 0x80 <= code <= 0x9F:
        return (f"the text holds the control character U+{code:04X}, which no document can show "
                "(text pasted from a Windows-1252 source?); type the character it stands for")
    if char == REPLACEMENT:
        return ("the text holds U+FFFD, the mark of a character lost when the text was converted; "
                "type the character that was meant")
    if INVISIBLE.match(char):
        if code in (0x200E, 0x200F):
            return (f"the text holds the invisible direction mark {code_point(char)}; the PDF and the DOCX "
                    "set the direction of Arabic text themselves (a number such as 45/158 keeps its order), "
                    "and a hidden mark would make words that look the same differ: remove it")
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            return (f"the text holds the invisible direction control {code_point(char)}, which would "
                    "reorder the text around it in the document; remove it")
        return (f"the text holds the invisible character {code_point(char)}, which would make words "
                "that look the same differ; remove it")
    if PRIVATE_USE.match(char):
        return (f"the text holds the private-use character U+{code:04X}, which means nothing outside one "
                "font; type the character that was meant")
    return f"the text holds the character U+{code:04X}, which no document can show; remove it"



