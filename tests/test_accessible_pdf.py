"""Tagged PDF: every PDF a build writes is PDF/UA-1 (pdfua check finds no error, pdfinfo says
tagged), its structure tree follows the document tree (headings by level, in order; table
header cells with their scope; the barcode a figure with alternative text), and the archival
variant (`--pdf-variant`) declares its conformance in the XMP metadata."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pikepdf
import pytest

from conftest import DATA, REPO, build
from test_document_model import sampler_data

from pipeline.writers.pdf import write_pdf


def pdfua_findings(pdf: Path) -> dict:
    """`pdfua check` of one file, as its JSON report."""
    done = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(pdf)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1, 2, 3), done.stderr
    return json.loads(done.stdout)


def pdfinfo(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout


def structure_roles(pdf: Path) -> list[tuple[str, dict[str, str]]]:
    """The structure elements of a tagged PDF in reading order (depth first): each role with
    its alternative text and its attributes (/Scope, /Headers) read as text."""
    found: list[tuple[str, dict[str, str]]] = []

    def walk(node) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            details = {"alt": str(node.Alt) if "/Alt" in node else ""}
            if isinstance(node.get("/A"), pikepdf.Dictionary):
                details.update({str(key): str(value) for key, value in node.A.items()})
            found.append((str(node.S), details))
            if "/K" in node:
                walk(node.K)

    with pikepdf.open(pdf) as document:
        walk(document.Root.StructTreeRoot.K)
    return found


@pytest.fixture(scope="module")
def report_59(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("ua59"), formats=("html", "txt", "pdf"))


@pytest.fixture(scope="module")
def sampler_pdf(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("uasampler")
    return build(sampler_data(root), root / "output", formats=("html", "txt", "pdf"))


@pytest.mark.parametrize("which", ["report_59", "sampler_pdf"])
def test_pdfua_check_finds_no_error_and_pdfinfo_says_tagged(which, request):
    files = request.getfixturevalue(which)
    pdf = files["pdf"]
    report = pdfua_findings(pdf)
    assert report["summary"]["errors"] == 0, report["findings"]
    assert report["summary"]["warnings"] == 0, report["findings"]
    info = pdfinfo(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    title = lxml.html.fromstring(files["html"].read_bytes()).findtext(".//title")
    assert re.search(r"^Title:(.*)$", info, re.M).group(1).strip() == title


def test_the_pdf_declares_language_title_display_and_pdfua(report_59):
    with pikepdf.open(report_59["pdf"]) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert pdf.open_metadata().get("pdfuaid:part") == "1"


@pytest.mark.parametrize("which", ["report_59", "sampler_pdf"])
def test_headings_are_tagged_by_level_in_the_order_of_the_tree(which, request):
    files = request.getfixturevalue(which)
    tree = lxml.html.fromstring(files["html"].read_bytes())
    tree_headings = [h.tag.upper() for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    pdf_headings = [role[1:] for role, _ in structure_roles(files["pdf"]) if re.fullmatch(r"/H[1-6]", role)]
    assert pdf_headings == tree_headings
    assert pdf_headings[0] == "H1" and pdf_headings.count("H1") == 1  # the report's title


def test_lists_and_tables_are_tagged_with_header_scope(sampler_pdf):
    roles = structure_roles(sampler_pdf["pdf"])
    names = [role for role, _ in roles]
    assert names.count("/L") >= 2 and "/LI" in names and "/LBody" in names
    header_cells = [element for role, element in roles if role == "/TH"]
    assert header_cells and all(cell["/Scope"] == "/Column" for cell in header_cells)
    assert all("/Headers" in cell for role, cell in roles if role == "/TD")


def test_the_barcode_has_alternative_text_and_no_untagged_figure_is_left(sampler_pdf):
    """The barcode stands in the first page's footer, a margin box that WeasyPrint keeps out
    of the structure tree (page furniture); its SVG carries its alternative text all the same,
    and any figure that is tagged has one."""
    svg = lxml.html.fromstring(sampler_pdf["html"].read_bytes()).find(".//p[@class='barcode']/svg")
    assert svg.get("role") == "img" and svg.findtext("title") == "Bar code of job number 04-99999 (E) 270804"
    assert all(details["alt"] for role, details in structure_roles(sampler_pdf["pdf"]) if role == "/Figure")


def test_the_archival_variant_declares_its_conformance_and_stays_reproducible(report_59, tmp_path):
    tree = report_59["html"].read_text(encoding="utf-8")
    import datetime as dt

    first = write_pdf(tree, dt.date(2004, 8, 27), variant="pdf/a-3a")
    assert write_pdf(tree, dt.date(2004, 8, 27), variant="pdf/a-3a") == first
    path = tmp_path / "archival.pdf"
    path.write_bytes(first)
    with pikepdf.open(path) as pdf:
        xmp = pdf.open_metadata()
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("3", "A")
        assert "/OutputIntents" in pdf.Root  # PDF/A carries its colour space (sRGB)
    assert pdfua_findings(path)["summary"]["errors"] == 0  # still tagged
    assert re.search(r"^Tagged:\s+yes$", pdfinfo(path), re.M)


def test_build_takes_the_pdf_variant_and_rebuilds_when_it_changes(tmp_path):
    out = tmp_path / "output"

    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "59", "--data", str(DATA), "--output",
                               str(out), "--format", "pdf", "--jobs", "1", *extra], cwd=REPO,
                              capture_output=True, text=True, timeout=600)

    assert run("--pdf-variant", "pdf/a-3b").returncode == 0
    with pikepdf.open(out / "59" / "cmw-status.pdf") as pdf:
        xmp = pdf.open_metadata()
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("3", "B")
        assert "/StructTreeRoot" in pdf.Root  # tagged even at level b
    again = run()
    assert again.returncode == 0 and "built 1" in again.stdout  # another variant: not skipped
    with pikepdf.open(out / "59" / "cmw-status.pdf") as pdf:
        assert pdf.open_metadata().get("pdfuaid:part") == "1"
    wrong = run("--pdf-variant", "pdf/x-4")
    assert wrong.returncode == 2 and "pdf/ua-1" in wrong.stderr
