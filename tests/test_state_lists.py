"""Computed lists of States stay lists in the tree: the `states` filter's output is marked
<span class="state-list"> with a <span class="state"> per State (and the `person` filter's a
<span class="person">), so that machine-readable writers can mark them up; the text every format prints, and the text validation reads, is
the same as before (no marks leak)."""

from __future__ import annotations

import lxml.html

from conftest import DATA
from pipeline.compose.sandbox import render_paragraph_text, states
from pipeline.facts.names import State
from scratch60 import compose_edition


def test_paragraph_5_of_session_59_holds_its_two_lists_of_states():
    tree = lxml.html.document_fromstring(compose_edition(DATA, 59))
    (paragraph,) = tree.xpath("//p[@data-number='5']")
    lists = paragraph.xpath("span[@class='state-list']")
    assert [len(found.xpath("span[@class='state']")) for found in lists] == [26, 10]
    assert [s.text for s in lists[1]][:3] == ["Argentina", "Bangladesh", "Chile"]
    assert "\ue000" not in lxml.html.tostring(tree, encoding="unicode")


def test_committee_members_are_marked_as_persons():
    tree = lxml.html.document_fromstring(compose_edition(DATA, 59))
    names = [s.text for s in tree.xpath("//table//td/span[@class='person']")]
    assert len(names) == 10 and names[0] == "Francisco Alba"


def test_validation_reads_the_text_without_marks():
    kenya, chile = State("Kenya", "Kenya"), State("Chile", "Chile")
    marked = render_paragraph_text("{{ parties|states }}.", {"parties": [kenya, chile]}, marked=True)
    assert marked != "Chile and Kenya." and marked.startswith("\ue000")
    assert render_paragraph_text("{{ parties|states }}.", {"parties": [kenya, chile]}) == "Chile and Kenya."
    assert states([]) == ""
    assert render_paragraph_text("{{ name|person }}", {"name": "Francisco Alba"}) == "Francisco Alba"
