"""The pieces of incremental builds: what an edition reads, what a template uses, fingerprints."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, replace_in
from pipeline.build.fingerprints import (Fingerprinter, ManifestEntry, css_families, edition_sources, is_up_to_date,
                                  read_manifest, shared_reference_files, template_closure, top_level_value)
from pipeline.inputs.layout import TEMPLATES_DIR

EDITION_59 = DATA / "sessions" / "59" / "cmw-status.yaml"


def test_top_level_values_are_read_like_yaml_scalars():
    text = "series: cmw-status   # the series\nsymbol: null\nname: 'quoted'\n  nested: no\ncommittee:\n"
    assert top_level_value(text, "series") == "cmw-status"
    assert top_level_value(text, "symbol") is None
    assert top_level_value(text, "name") == "quoted"
    assert top_level_value(text, "nested") is None  # not at the top level
    assert top_level_value(text, "committee") is None


def test_an_edition_reads_its_series_and_the_reference_data_it_names():
    sources = edition_sources(DATA, EDITION_59)
    assert sources.series_id == "cmw-status" and sources.template == "report" and sources.session == 59
    assert [p.name for p in sources.files] == ["cmw-status.yaml", "cmw-status.yaml", "cmw-ledger.yaml",
                                               "cmw-committee.yaml",  # then the language files (data/languages/)
                                               "ar.yaml", "en.yaml", "es.yaml", "fr.yaml", "ru.yaml", "zh.yaml"]


def test_reference_files_no_series_names_are_shared_by_every_report():
    shared = [p.name for p in shared_reference_files(DATA)]
    assert "state-name-changes.csv" in shared
    assert "cmw-ledger.yaml" not in shared and "cmw-committee.yaml" not in shared


def test_a_new_shared_reference_file_changes_every_fingerprint_another_ledger_none(data_copy):
    edition = data_copy / "sessions" / "59" / "cmw-status.yaml"
    first = Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest
    (data_copy / "series" / "other.yaml").write_text("id: other\ntemplate: report\nledger: other-ledger.yaml\n")
    (data_copy / "reference" / "other-ledger.yaml").write_text("treaty: other\n")
    assert Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest == first
    (data_copy / "reference" / "un-member-states.yaml").write_text("states: []\n")
    assert Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest != first


def test_the_edition_a_report_follows_is_part_of_its_fingerprint(data_copy):
    later = data_copy / "sessions" / "61" / "cmw-status.yaml"
    later.parent.mkdir()
    later.write_text(EDITION_59.read_text().replace("session: 59", "session: 61"))
    fingerprinter = Fingerprinter(TEMPLATES_DIR)
    sources = edition_sources(data_copy, later)
    # the nearest earlier session with an edition of the series (60 in the committed data)
    assert fingerprinter.previous_edition(data_copy, sources) == data_copy / "sessions" / "60" / "cmw-status.yaml"
    first = fingerprinter.edition(data_copy, later).digest
    replace_in(data_copy / "sessions" / "60" / "cmw-status.yaml", "as_at: 2005-08-01", "as_at: 2005-08-02")
    assert Fingerprinter(TEMPLATES_DIR).edition(data_copy, later).digest != first
    later.write_text(later.read_text().replace("session: 61", "session: 61\nprevious: 58"))
    assert Fingerprinter(TEMPLATES_DIR).previous_edition(data_copy, edition_sources(data_copy, later)).parent.name == "58"


def test_names_that_are_not_plain_file_names_are_not_followed(data_copy):
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "series: cmw-status", "series: ../../etc/passwd")
    assert edition_sources(data_copy, data_copy / "sessions" / "59" / "cmw-status.yaml") is None


def test_a_report_template_uses_its_base_template_and_stylesheet():
    used = {str(p.relative_to(TEMPLATES_DIR)) for p in template_closure(TEMPLATES_DIR, "report")}
    assert used == {"report/report.html.j2", "base/un-report.html.j2", "base/blocks.html.j2", "base/un-report.css"}


def test_font_families_come_from_font_and_font_family_declarations():
    css = 'p { font: bold 9pt/1 "Times New Roman", serif; font-size: 3pt } h1 { font-family: Georgia, "DejaVu Serif" }'
    assert css_families(css) == {"Times New Roman", "serif", "Georgia", "DejaVu Serif"}
    assert {"Times New Roman", "Liberation Serif", "serif"} <= css_families((TEMPLATES_DIR / "base" / "un-report.css").read_text())


def test_the_fingerprint_changes_with_any_file_the_edition_reads(data_copy):
    edition = data_copy / "sessions" / "59" / "cmw-status.yaml"
    first = Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest
    assert Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest == first
    replace_in(data_copy / "reference" / "state-name-changes.csv", "Cape Verde,Cabo Verde", "Cape Verde,Cabo Verde ")
    assert Fingerprinter(TEMPLATES_DIR).edition(data_copy, edition).digest != first


def test_outputs_are_up_to_date_only_with_the_same_digest_and_intact_files(tmp_path):
    fingerprint = Fingerprinter(TEMPLATES_DIR).edition(DATA, EDITION_59)
    (tmp_path / "cmw-status.txt").write_text("text")
    entry = ManifestEntry(fingerprint.digest, {"txt": {"name": "cmw-status.txt", "size": 4}})
    assert is_up_to_date(entry, fingerprint, ("txt",), tmp_path)
    assert not is_up_to_date(entry, fingerprint, ("txt", "pdf"), tmp_path)
    (tmp_path / "cmw-status.txt").write_text("changed")
    assert not is_up_to_date(entry, fingerprint, ("txt",), tmp_path)
    assert not is_up_to_date(ManifestEntry("other", entry.files), fingerprint, ("txt",), tmp_path)


def test_an_unreadable_manifest_is_an_empty_one(tmp_path):
    folder = tmp_path / ".build-manifests"
    folder.mkdir()
    (folder / "59.json").write_text("{not json")
    assert read_manifest(tmp_path, 59).editions == {}
    (folder / "59.json").write_text('{"version": 1, "editions": {"x": {"files": {}}}}')
    assert read_manifest(tmp_path, 59).editions == {}
    assert read_manifest(Path("/nonexistent"), 59).editions == {}
