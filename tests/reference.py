"""The reference report's text (tests/fixtures/reference-a59-cmw-status.txt), parsed.

The file is the text extracted from the published document: `**...**` marks bold and
`<i>...</i>` italics; a URL is written `<http://...>` (an autolink) where the document
prints the bare address. The committee table's header row appears twice because the table
broke across a page; the masthead footnote `* A/59/150.` sits where page 1 ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE = Path(__file__).parent / "fixtures" / "reference-a59-cmw-status.txt"


def plain(text: str) -> str:
    """Reference markup removed and white space collapsed."""
    text = re.sub(r"</?i>|\*\*", " ", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return normalize(text)


def unhyphenated(text: str) -> str:
    """Text as PDF comparisons see it: pdftotext joins a word broken at a hyphen over a line end
    without its hyphen ("non-governmental" -> "nongovernmental"), so hyphens are left out, and a
    typographic apostrophe is the plain one."""
    return text.replace("-", "").replace("\u2019", "'")


def normalize(text: str) -> str:
    """White space collapsed; words broken at a hyphen over a line end joined again."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


@dataclass
class Reference:
    masthead: list[str] = field(default_factory=list)
    paragraphs: dict[int, str] = field(default_factory=dict)
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    footnote: str = ""

    def sentences(self, number: int) -> list[str]:
        """The sentences of paragraph `number` (split after . ; : followed by a capital)."""
        return [s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z])", self.paragraphs[number]) if s]


def masthead_lines(text: str) -> list[str]:
    """Masthead lines: a bold span (which may wrap over lines) counts as one line."""
    lines: list[str] = []
    for index, segment in enumerate(text.split("**")):
        if index % 2:  # inside **...**
            lines.append(plain(segment))
        else:
            lines.extend(plain(line) for line in segment.splitlines() if line.strip())
    return lines


def load_reference() -> Reference:
    ref = Reference()
    text = REFERENCE.read_text(encoding="utf-8")
    head, body = re.split(r"^(?=1\. )", text, maxsplit=1, flags=re.M)
    ref.masthead = masthead_lines(head)
    for line in body.splitlines():
        if not line.strip():
            continue
        numbered = re.match(r"^(\d+)\.\s+(.*)$", line)
        if numbered:
            ref.paragraphs[int(numbered[1])] = plain(numbered[2])
        elif "\t" in line:
            cells = [plain(c) for c in line.split("\t")]
            if line.startswith("<i>"):
                ref.table_head = cells
            else:
                ref.table_rows.append(cells)
        elif line.startswith("* "):
            ref.footnote = plain(line)
    return ref


def fixture_sections(path: Path) -> dict[str, list[str]]:
    """A reference fixture of a report reached in part (tests/fixtures/reference-*.txt): its lines,
    normalized, under their `[section]` headers ('masthead', 'summary 1', 'paragraph 2',
    'heading', 'foot', 'table NAME' ...); lines under `[row]` go to 'rows NAME' of the table
    above. Comments (#) and blank lines are skipped."""
    sections: dict[str, list[str]] = {}
    current, table = "", ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if header := re.fullmatch(r"\[(.+)\]", line):
            current = header[1]
            if current.startswith("table "):
                table = current.split(" ", 1)[1]
            elif current == "row":
                current = f"rows {table}"
            continue
        sections.setdefault(current, []).append(normalize(line))
    return sections


def sentences(text: str) -> list[str]:
    """A reproduced paragraph's sentences (split after . or ; before a letter), each to be found
    in order in an output."""
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Za-z])", text) if s]


def sentences_of(sections: dict[str, list[str]], *names: str) -> list[str]:
    """The sentences of the named fixture sections (each one paragraph of text), in order."""
    return [s for name in names for s in sentences(sections[name][0])]


def canonical_values(path: Path) -> str:
    """A canonical text (.txt) as one normalized string: each labelled line's value (after
    "key: ", "masthead note *: " included) and each block line as it stands, in order, so
    that masthead lines and body text can be found in order with assert_in_order."""
    text = path.read_text(encoding="utf-8")
    return normalize(" ".join(line.split(": ", 1)[1] if re.match(r"^[a-z *]+: ", line) else line
                              for line in text.splitlines()))
