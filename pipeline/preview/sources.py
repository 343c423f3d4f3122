"""Where each numbered paragraph of the body is written: the page shows it on the paragraph's
number (hover), so a drafter who reads "paragraph 5" on the page finds its line in the file."""

from __future__ import annotations

from pipeline.compose.numbering import number_edition
from pipeline.facts.edition import edition_facts
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.sources import locate


def paragraph_sources(inputs: Inputs, sourced: Sourced) -> dict[int, str]:
    """Body paragraph number -> 'file:line:col' of its text (annex paragraphs, numbered from 1
    in each annex, are left out)."""
    numbers = number_edition(sourced.model, edition_facts(inputs, sourced).series.tables)
    found: dict[int, str] = {}
    for path, number in numbers.paragraphs.items():
        if len(path) == 2 and path[0] == "body":
            where = locate(sourced.raw, *path, "paragraph")
            if where is not None:
                found[number] = str(where)
    return found
