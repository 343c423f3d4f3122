"""A note transmitting another author's report ("The Secretary-General has the honour to
transmit ..."): `transmittal:` prints the note's paragraphs on page 1 under the author line and
`transmitted_title:` opens page 2 with the transmitted report's own title, before its summary,
contents and chapters (tests/test_trafficking_in_persons.py checks the real one, session 69).
Here: validation, the Akoma Ntoso output and the language versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import FULL_DATA, build, problems_of, replace_in

EDITION = Path("sessions/69/trafficking-in-persons.yaml")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def test_a_transmitted_title_without_the_note_is_a_located_error(data_copy):
    text = (data_copy / EDITION).read_text(encoding="utf-8")
    start, end = text.index("transmittal:\n"), text.index("# Page 2 opens")
    (data_copy / EDITION).write_text(text[:start] + text[end:], encoding="utf-8")
    line = next(n for n, l in enumerate((data_copy / EDITION).read_text(encoding="utf-8").splitlines(), 1)
                if l.startswith("transmitted_title:"))
    errors = [p for p in problems_of(data_copy, 69) if ": error: " in p]
    assert errors == [f"{data_copy / EDITION}:{line}:1: error: a transmitted report's title needs the note that "
                      "transmits it: add 'transmittal:' with its paragraphs (\"The Secretary-General has the honour "
                      "to transmit ...\"), or remove this"] or (len(errors) == 1 and f":{line}:" in errors[0]), errors


def test_the_akoma_ntoso_preface_holds_the_note_and_the_transmitted_title(tmp_path):
    from test_akn import SCHEMA

    files = build(FULL_DATA, tmp_path / "out", session=69, formats=("html", "txt", "akn"),
                  series="trafficking-in-persons")
    document = etree.parse(str(files["akn"]))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log][:5]
    preface = document.getroot().find(f"{AKN}doc/{AKN}preface")
    note = preface.find(f"{AKN}container[@name='transmittal']")
    assert "has the honour to transmit" in "".join(note.itertext())
    titles = preface.findall(f"{AKN}p[@class='transmittedTitle']/{AKN}docTitle")
    assert [t.text for t in titles] == ["Report of the Special Rapporteur on trafficking in persons, especially "
                                        "women and children"]


@pytest.mark.parametrize("status, severity", [("draft", "warning"), ("final", "error")])
def test_a_language_version_must_translate_the_transmitted_title(tmp_path, status, severity):
    data = tmp_path / "data"
    import shutil
    shutil.copytree(FULL_DATA, data)
    if status == "draft":
        replace_in(data / EDITION, "symbol: A/69/33797\n", "symbol: null\n")
    (data / "sessions/69/trafficking-in-persons.fr.yaml").write_text(
        "language: fr\nstatus: unofficial\ntitle: La traite des êtres humains, en particulier les femmes et les "
        "enfants\n", encoding="utf-8")
    found = [p for p in problems_of(data, 69) if "transmitted_title" in p]
    assert len(found) == 1 and f": {severity}: the French version gives no transmitted_title" in found[0], found
