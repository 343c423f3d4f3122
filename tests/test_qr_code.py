"""The QR code of a document's address (https://undocs.org/<symbol>) on page 1, beside the job
number and barcode: from the year the series says (`qr_code_from`), for an edition with its
symbol and job number; in the PDF (a vector drawing at the foot of page 1, right) and in the
DOCX (a picture in the first-page footer, with its alternative text)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PIL import Image

from conftest import build, replace_in
from pipeline.doctree.barcodes import qr_png

SERIES = Path("series/cat-status.yaml")
EDITION = Path("sessions/53/cat-status.yaml")
ADDRESS = "https://undocs.org/A/53/253"


def with_qr_code(data_dir: Path, year: int, job_number: bool = True) -> None:
    replace_in(data_dir / SERIES, "facts: [treaty]", f"qr_code_from: {year}\nfacts: [treaty]")
    if job_number:
        replace_in(data_dir / EDITION, "original_language: English\n",
                   "original_language: English\njob_number: 98-12345 (E) 170898\n")


def test_qr_code_in_the_tree_pdf_and_docx(data_copy, tmp_path):
    with_qr_code(data_copy, 1998)
    files = build(data_copy, tmp_path / "out", session=53)
    text = files["txt"].read_text(encoding="utf-8")
    assert f"job number: 98-12345 (E) 170898\nbarcode: *9812345*\nqr code: *{ADDRESS}*" in text
    # PDF: page 1 has the drawing at its foot, right of the text column; the left holds the barcode
    import subprocess
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(files["pdf"]), str(tmp_path / "p")],
                   check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    width, height = page.size
    dark = lambda box: sum(1 for v in page.crop(box).tobytes() if v < 128)  # noqa: E731 (grey bytes)
    assert dark((int(width * 0.6), int(height * 0.82), width, height)) > 500  # the QR code's modules
    # DOCX: a picture in the first-page footer, the QR code of the address, with alternative text
    with zipfile.ZipFile(files["docx"]) as archive:
        footers = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer")}
        first = next(x for x in footers.values() if "UN QR Code" in x or "QR code" in x)
        assert f'descr="QR code of the document\'s address, {ADDRESS}"' in first
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert qr_png(ADDRESS) in media


def test_no_qr_code_before_the_series_year_or_without_a_job_number(data_copy, tmp_path):
    with_qr_code(data_copy, 1999)
    text = build(data_copy, tmp_path / "a", session=53, formats=("html", "txt"))["txt"].read_text("utf-8")
    assert "job number: 98-12345 (E) 170898" in text and "qr code" not in text
    replace_in(data_copy / SERIES, "qr_code_from: 1999", "qr_code_from: 1998")
    replace_in(data_copy / EDITION, "job_number: 98-12345 (E) 170898\n", "")
    text = build(data_copy, tmp_path / "b", session=53, formats=("html", "txt"))["txt"].read_text("utf-8")
    assert "qr code" not in text and "barcode" not in text
